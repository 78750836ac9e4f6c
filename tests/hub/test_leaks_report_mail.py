"""The leak test for the e-mail a report's publication sends to its dialogues' registrants: the
person's address, the secret of their withdrawal link and the digest that records they were told
never reach a public surface: the report's and the dialogue's pages, the search (HTML, JSON,
feeds), the items API and Wagtail's API v2, ``/cite/`` in every format, the sitemap and every
open-data file. The withdrawal page, the person's own, holds the secret of its own address but
not the address. As in tests/hub/test_leaks.py, each secret is a string
found nowhere else, and the published control report must show on the same surfaces."""

import pytest
from django.core import mail
from django.core.management import call_command

from dialogues.models import Registration
from followup.models import ReportNotice
from tests.factories import DialoguePageFactory, ReportPageFactory
from tests.hub.test_leaks import Surface, fetch, problems_on
from tests.hub.test_leaks_dialogues import open_data_surfaces_of
from tests.hub.test_leaks_register import CITATION_FORMATS, FEED, search_surfaces

pytestmark = pytest.mark.django_db

CONTROL = "Controbilanmail"
ADDRESS = "courrielbilanmail@example.org"


@pytest.fixture
def told(site_pages, committed, settings, tmp_path):
    settings.OPEN_DATA_ROOT = str(tmp_path)
    dialogue = DialoguePageFactory(title=f"Atelier {CONTROL}")
    registration = Registration.objects.create(
        session_key=dialogue.schedule()[0].key,
        dialogue=dialogue,
        name="Personne fictive",
        email=ADDRESS,
        language="fr",
        status="confirmed",
        consent_to_contact=True,
        wants_report=True,
    )
    report = committed(ReportPageFactory, title=f"Bilan {CONTROL}", dialogues=[dialogue])
    committed(call_command, "build_open_data")
    return dialogue, report, registration, tmp_path


def test_nothing_of_the_person_told_reaches_any_public_surface(told):
    dialogue, report, registration, root = told
    (message,) = mail.outbox  # the person was told, so the secrets exist
    (notice,) = ReportNotice.objects.all()
    secrets = {
        "registrant's e-mail": ADDRESS,
        "secret of the withdrawal link": registration.token,
        "digest of the address told": notice.address,
    }
    assert registration.token in message.body
    link = f"/fr/consentement/{registration.reference}/{registration.token}/retrait/"
    surfaces = [
        Surface("report page", fetch(report.url), [CONTROL]),
        Surface("dialogue page", fetch(dialogue.url), [CONTROL]),
        Surface("feed", fetch(FEED["fr"]), [CONTROL]),
        Surface("JSON search", fetch("/api/v1/search/", {"page_size": 100}), [report.public_id]),
        Surface("items API", fetch(f"/api/v1/items/{report.public_id}/"), [CONTROL]),
        Surface("API v2 pages", fetch("/api/v2/pages/", {"fields": "*", "limit": 100}), [CONTROL]),
        Surface("sitemap", fetch("/sitemap.xml")),
    ]
    for citation in CITATION_FORMATS:
        response = fetch(f"/cite/{report.public_id}/", {"format": citation, "lang": "fr"})
        surfaces.append(Surface(f"/cite/ {citation}", response, [CONTROL]))
    surfaces += open_data_surfaces_of(root)
    surfaces += search_surfaces("courrielbilanmail")

    problems = problems_on(surfaces, secrets)
    # The withdrawal page is the person's own (its address, in its language links, holds the
    # secret): it shows neither their address nor the digest.
    own = {name: secret for name, secret in secrets.items() if secret != registration.token}
    problems += problems_on([Surface("withdrawal page", fetch(link))], own)
    assert problems == [], "\n".join(problems)
