"""Follow-up that does not depend on memory: which commitments need attention as the calendar
turns (overdue, or no news for FOLLOWUP_SILENT_DAYS), the reminders ``followup_reminders`` sends
about them (once per FOLLOWUP_REMINDER_DAYS, to the owner's accounts and the item's editors, never
about a done or abandoned commitment, logged in the item's history) and the dashboard panel.

Every expectation is written out from the dates and updates each test makes, with the clock frozen."""

import datetime
import re
from io import StringIO

import lxml.html
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from advocacy.models import AgreementParty
from followup.attention import needing_attention
from followup.models import CommitmentStatus
from followup.reminders import REMINDER_ACTION, send_reminders
from hub.models import Organization
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS
from tests.factories import (
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    commitment,
    progress_update,
    role_user,
    translate_page,
)

pytestmark = pytest.mark.django_db

# Published on New Year's Day 2026 (the clock fixture's first day).
PUBLISHED = datetime.date(2026, 1, 1)


@pytest.fixture
def world(site_pages, clock, settings):
    settings.FOLLOWUP_SILENT_DAYS = 90
    settings.FOLLOWUP_REMINDER_DAYS = 30
    city = OrganizationFactory(name="Ville fictive de Laval", kind=Organization.Kind.MUNICIPALITY)
    other = OrganizationFactory(name="Office fictif", kind=Organization.Kind.PUBLIC_BODY)
    admin = role_user(None, "administratrice", email="admin@example.org")
    page = CollaborationAgreementPageFactory(
        title="Entente fictive sur le tri",
        parties=[{"organization": city, "role": AgreementParty.Role.MUNICIPALITY}],
        commitments=[
            commitment("Publier le code.", owner=city, due_date=datetime.date(2026, 6, 30)),
            commitment("Former le personnel.", owner=city, due_date=datetime.date(2026, 3, 1)),
            commitment("Tenir une séance publique.", owner=other),
            commitment("Fermer le vieux système.", owner=city, due_date=datetime.date(2026, 2, 1)),
            commitment("Écrire le guide.", owner=other, due_date=datetime.date(2026, 2, 1)),
        ],
    )
    # The administrator wrote the agreement's latest revision: one of its editors.
    page.save_revision(user=admin).publish()
    rows = {row.text: row for row in page.commitments.all()}
    translate_page(page, title="Sorting agreement (fictional)", slug="sorting-agreement")
    progress_update(rows["Fermer le vieux système."], status=CommitmentStatus.DONE)
    progress_update(rows["Écrire le guide."], status=CommitmentStatus.ABANDONED)
    clock.set(2026, 3, 20, 15)
    progress_update(rows["Tenir une séance publique."], status=CommitmentStatus.IN_PROGRESS)
    partner = role_user(MUNICIPAL_PARTNERS, "partenaire", organization=city, email="partenaire@example.org")
    return {"page": page, "rows": rows, "city": city, "partner": partner, "admin": admin}


def attention(day):
    return {entry.commitment.text: entry.reasons for entry in needing_attention(day)}


def test_what_needs_attention_follows_the_calendar(world):
    # 2026-02-01: nothing overdue yet (the closed ones never), 31 days without news.
    assert attention(datetime.date(2026, 2, 1)) == {}
    # 2026-03-02: "Former le personnel." was due the day before.
    assert attention(datetime.date(2026, 3, 2)) == {"Former le personnel.": ["overdue"]}
    # 2026-04-01: 90 days since the agreement was published, without news of the first two; the
    # third had an update on 2026-03-20.
    assert attention(PUBLISHED + datetime.timedelta(days=90)) == {
        "Former le personnel.": ["overdue", "silent"],
        "Publier le code.": ["silent"],
    }
    # 2026-06-18: 90 days since the third's update, too.
    assert attention(datetime.date(2026, 6, 18)) == {
        "Former le personnel.": ["overdue", "silent"],
        "Publier le code.": ["silent"],
        "Tenir une séance publique.": ["silent"],
    }


def test_an_update_gives_news_and_done_ends_attention(world, clock):
    rows = world["rows"]
    clock.set(2026, 4, 1, 15)
    progress_update(rows["Publier le code."], status=CommitmentStatus.IN_PROGRESS)
    progress_update(rows["Former le personnel."], status=CommitmentStatus.DONE)
    assert attention(datetime.date(2026, 4, 2)) == {}
    # 90 days after the first's update; 102 after the third's.
    assert attention(datetime.date(2026, 6, 30)) == {
        "Publier le code.": ["silent"],
        "Tenir une séance publique.": ["silent"],
    }


def test_a_draft_item_and_a_draft_change_need_no_attention(world, site_pages):
    draft = CollaborationAgreementPageFactory(
        live=False, commitments=[commitment("Engagement d'un brouillon.", due_date=datetime.date(2026, 1, 2))]
    )
    page = world["page"]
    page.commitments.add(commitment("Engagement pas encore publié.", due_date=datetime.date(2026, 1, 2)))
    page.save_revision()
    assert draft.pk
    assert set(attention(datetime.date(2026, 4, 1))) == {"Former le personnel.", "Publier le code."}


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_reminders_go_once_per_period_to_the_owner_and_the_editors(world, clock):
    clock.set(2026, 4, 1, 12)
    lines = send_reminders()
    # The city's partner answers for both city commitments; the administrator edited the agreement.
    assert sorted(message.to[0] for message in mail.outbox) == ["admin@example.org", "partenaire@example.org"]
    for address in ("admin@example.org", "partenaire@example.org"):
        (message,) = sent_to(address)
        assert "Former le personnel." in message.body and "Publier le code." in message.body
        for closed in ("Fermer le vieux système.", "Écrire le guide.", "Tenir une séance publique."):
            assert closed not in message.body
    logged = PageLogEntry.objects.filter(action=REMINDER_ACTION)
    ids = {row.text: row.public_id for row in world["rows"].values()}
    assert sorted(entry.data["public_id"] for entry in logged) == sorted(
        [ids["Former le personnel."], ids["Publier le code."]]
    )
    assert {entry.page_id for entry in logged} == {world["page"].pk}
    assert {entry.data["recipients"] for entry in logged} == {2}
    assert lines[-1].startswith("2 commitments reminded")

    # The same day, and 29 days later: nothing more.
    mail.outbox.clear()
    send_reminders()
    clock.set(2026, 4, 30, 12)
    send_reminders()
    assert mail.outbox == []
    # 31 days later: again.
    clock.set(2026, 5, 2, 12)
    send_reminders()
    assert len(mail.outbox) == 2
    assert PageLogEntry.objects.filter(action=REMINDER_ACTION).count() == 4


def test_the_partner_may_update_from_the_mail_in_their_language(world, clock):
    profile = UserProfile.get_for_user(world["partner"])
    profile.preferred_language = "en"
    profile.save()
    clock.set(2026, 4, 1, 12)
    send_reminders()
    (message,) = sent_to("partenaire@example.org")
    assert message.subject == "Commitments to follow up: 2"
    keys = {str(world["rows"][text].translation_key) for text in ("Publier le code.", "Former le personnel.")}
    assert set(re.findall(r"\?commitment=([0-9a-f-]{36})", message.body)) == keys
    (french,) = sent_to("admin@example.org")
    assert french.subject == "Engagements à suivre : 2"


def test_nobody_without_an_address_an_account_or_the_right_to_edit(world, clock):
    world["partner"].is_active = False
    world["partner"].save()
    # A community editor who once wrote a revision but may not edit agreements: not an editor of it.
    writer = role_user(COMMUNITY_EDITORS, "redactrice", email="redactrice@example.org")
    world["page"].save_revision(user=writer)
    clock.set(2026, 4, 1, 12)
    send_reminders()
    assert [message.to for message in mail.outbox] == [["admin@example.org"]]


def test_a_commitment_nobody_was_told_about_is_reminded_at_the_next_run(world, clock, monkeypatch):
    clock.set(2026, 4, 1, 12)
    send = mail.EmailMessage.send
    monkeypatch.setattr(mail.EmailMessage, "send", fail)
    lines = send_reminders()
    assert not PageLogEntry.objects.filter(action=REMINDER_ACTION).exists()
    assert sum("nobody could be reminded" in line for line in lines) == 2
    monkeypatch.setattr(mail.EmailMessage, "send", send)
    send_reminders()
    assert len(mail.outbox) == 2


def fail(message):
    raise OSError("mail server down")


def test_the_command_says_what_it_did_and_the_history_shows_it(world, clock, client):
    clock.set(2026, 4, 1, 12)
    out = StringIO()
    call_command("followup_reminders", stdout=out)
    ids = sorted(world["rows"][text].public_id for text in ("Publier le code.", "Former le personnel."))
    assert sorted(re.findall(r"^(\S+): reminded 2 people", out.getvalue(), re.M)) == ids
    client.force_login(world["admin"])
    history = client.get(reverse("wagtailadmin_pages:history", args=[world["page"].pk]))
    text = " ".join(lxml.html.fromstring(history.content).text_content().split())
    for public_id in ids:
        assert f"Rappel au sujet de {public_id} envoyé à 2 personnes" in text


def panel_rows(client):
    document = lxml.html.fromstring(client.get(reverse("wagtailadmin_home")).content)
    panel = document.xpath("//section[@id='commitments-to-follow-section']")
    if not panel:
        return None
    return [
        (item.xpath("string(.//a[1])"), bool(item.xpath(".//a[contains(@href, '?commitment=')]")))
        for item in panel[0].xpath(".//li")
    ]


def test_the_dashboard_lists_the_own_organization_first_with_update_links(world, clock, client):
    rows = world["rows"]
    other_city = OrganizationFactory(name="Ville fictive de Lévis", kind=Organization.Kind.MUNICIPALITY)
    elsewhere = CollaborationAgreementPageFactory(
        parties=[{"organization": other_city, "role": AgreementParty.Role.MUNICIPALITY}],
        commitments=[
            commitment("Engagement de Lévis.", owner=other_city, due_date=datetime.date(2026, 3, 1))
        ],
    )
    clock.set(2026, 4, 1, 12)
    foreign = elsewhere.commitments.get().public_id
    client.force_login(world["partner"])
    # Overdue first, the longest without news next: Lévis' commitment is overdue but not the city's.
    assert panel_rows(client) == [
        (rows["Former le personnel."].public_id, True),
        (rows["Publier le code."].public_id, True),
        (foreign, False),
    ]
    client.force_login(role_user(COMMUNITY_EDITORS, "redactrice"))
    assert panel_rows(client) == [
        (rows["Former le personnel."].public_id, False),
        (foreign, False),
        (rows["Publier le code."].public_id, False),
    ]


def test_no_panel_when_nothing_needs_attention(world, clock, client):
    clock.set(2026, 2, 1, 12)
    client.force_login(world["partner"])
    assert panel_rows(client) is None


def test_the_update_link_names_its_commitment(world, client):
    row = world["rows"]["Publier le code."]
    client.force_login(world["partner"])
    form = client.get(reverse("commitment_updates:add"), {"commitment": str(row.translation_key)})
    document = lxml.html.fromstring(form.content)
    assert document.xpath("//select[@name='commitment']/option[@selected]/@value") == [
        str(row.translation_key)
    ]
