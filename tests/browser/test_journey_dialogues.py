"""A citizen's journey to a dialogue, keyboard only, at a phone and a desktop width: from the
dialogues index, open the workshop held in their region, register with an accommodation request
(LSQ interpretation, and a word about it), see the confirmation, which repeats the request, and
receive the e-mail with the session's calendar. Then the same without JavaScript, which the form
never needs.

The content is this module's own: two fictional workshops in two regions, the one in the
reader's region with registration on the hub. Screenshots under
``artifacts/screenshots/dialogue-registration/``."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from playwright.sync_api import expect

from dialogues.models import Registration, RegistrationMode
from tests.browser.conftest import LiveSite
from tests.browser.test_journeys import tab_to
from tests.factories import DialoguePageFactory, session, site_skeleton

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEAR_ME = "Atelier fictif : l'IA et les demandes d'aide, à Québec"
ELSEWHERE = "Atelier fictif : l'IA au guichet, à Montréal"
DETAILS = "Fictif : je voudrais être assise près de l'interprète."


@pytest.fixture
def dialogue_site(browser, django_db_serialized_rollback, live_server):
    skeleton = site_skeleton()
    starts = datetime.datetime.combine(
        datetime.date.today() + datetime.timedelta(days=14),
        datetime.time(13, 30),
        tzinfo=ZoneInfo("America/Toronto"),
    )
    hub = {"registration": RegistrationMode.HUB, "capacity": 15, "lsq_interpretation": True}
    near = DialoguePageFactory(
        title=NEAR_ME, regions=["capitale-nationale"], sessions=[session(starts_at=starts, **hub)]
    )
    DialoguePageFactory(title=ELSEWHERE, regions=["montreal"], sessions=[session(starts_at=starts, **hub)])
    site = LiveSite(live_server.url, None)
    site.index = skeleton["fr"]["dialogues.DialogueIndexPage"].url
    site.near = near
    return site


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_register_for_a_workshop_near_me_with_the_keyboard(
    dialogue_site, open_page, shoot, viewport, javascript
):
    page = open_page(viewport, javascript=javascript)
    page.goto(dialogue_site.absolute(dialogue_site.index))
    shoot(page, "dialogue registration", "1 index")

    workshop = page.get_by_role("link", name=NEAR_ME)
    tab_to(page, workshop)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(NEAR_ME)
    shoot(page, "dialogue registration", "2 workshop")

    tab_to(page, page.get_by_role("link", name="S’inscrire"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("S’inscrire")
    expect(page.get_by_text("15 places restantes.")).to_be_visible()

    tab_to(page, page.get_by_label("Votre nom ou un pseudonyme"))
    page.keyboard.type("Dominique Fictive")
    tab_to(page, page.get_by_label("Courriel", exact=True))
    page.keyboard.type("dominique.fictive@example.org")
    tab_to(page, page.get_by_label("Interprétation en LSQ (langue des signes québécoise)"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_label("Autre chose à nous dire ? (facultatif)"))
    page.keyboard.type(DETAILS)
    tab_to(page, page.get_by_label("J’accepte que les organisateurs me contactent au sujet de cette séance."))
    page.keyboard.press("Space")
    shoot(page, "dialogue registration", "3 form filled")
    tab_to(page, page.get_by_role("button", name="S’inscrire"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Votre place est confirmée")
    expect(page.get_by_text("Interprétation en LSQ (langue des signes québécoise)")).to_be_visible()
    expect(page.get_by_text(DETAILS)).to_be_visible()
    expect(page.get_by_role("link", name="Annuler mon inscription")).to_be_visible()
    shoot(page, "dialogue registration", "4 confirmation")

    registration = Registration.objects.get()
    assert registration.session_key == dialogue_site.near.schedule()[0].key
    assert registration.accommodations == ["lsq"]
    [message] = mail.outbox
    assert message.to == ["dominique.fictive@example.org"]
    assert message.attachments[0][0] == "session.ics"
