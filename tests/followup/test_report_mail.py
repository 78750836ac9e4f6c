"""People who registered for a dialogue and asked to be told of its report hear once when a report about
it is published: by every road of publication (the admin form, a workflow's approval,
``publish_scheduled``, ``revision.publish()``, a translation published with wagtail-localize),
once per person and report whatever happens after (republication, a translation, two of its
dialogues, the same address registered twice), in their language with the report's version in
it when live, never without consent, an address, a live registration (cancelled, deleted by
retention) or a committed publication, never failing the publication, and with a link that
withdraws the consent in one click.

The expected recipients, subjects and links are written out by hand from the rule, not read from
the code."""

import datetime
import logging
import re
import uuid

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from dialogues.models import Registration
from followup.models import ReportNotice, ReportPage, address_digest
from followup.report_mail import tell_registrants
from hub.retention import apply_retention
from hub.roles import COMMUNITY_EDITORS, REVIEWERS
from tests.factories import (
    DialoguePageFactory,
    OrganizationFactory,
    PageViewRestrictionFactory,
    ReportPageFactory,
    index_page,
    locale,
    role_user,
    session,
    translate_page,
)
from tests.followup import test_reports_rules as report_admin
from tests.hub.test_translation import translate_everything

pytestmark = pytest.mark.django_db

BASE = settings.WAGTAILADMIN_BASE_URL
ANA, BEN = "ana@example.org", "ben@example.org"


@pytest.fixture
def dialogue(site_pages):
    page = DialoguePageFactory(title="Atelier fictif à la bibliothèque")
    english = translate_page(page, title="Fictional library workshop", slug="fictional-library-workshop")
    return page, english


def registered(dialogue_page, email, language="fr", status="confirmed", consent=True, **fields):
    return Registration.objects.create(
        session_key=dialogue_page.schedule()[0].key,
        dialogue=dialogue_page,
        name="Personne fictive",
        email=email,
        language=language,
        status=status,
        consent_to_contact=True,  # required to register: about the session, not the report
        wants_report=consent,
        **fields,
    )


def draft_report(dialogues, **fields):
    fields.setdefault("title", "Bilan fictif de l'atelier")
    return ReportPageFactory(live=False, dialogues=dialogues, **fields)


def publish(committed, report):
    committed(ReportPage.objects.get(pk=report.pk).save_revision().publish)
    return ReportPage.objects.get(pk=report.pk)


def told():
    """The e-mails about a published report (an approval also tells the submitter)."""
    return [
        message for message in mail.outbox if message.subject.startswith(("Bilan publié", "Report published"))
    ]


def recipients():
    return sorted(address for message in told() for address in message.to)


def to(address):
    (message,) = [message for message in told() if message.to == [address]]
    return message


def test_each_registrant_who_agreed_gets_one_email_in_their_language(dialogue, committed):
    page, _english = dialogue
    registered(page, ANA, "fr", "confirmed")
    registered(page, BEN, "en", "waiting")  # waiting counts: they asked to take part
    registered(page, "refus@example.org", consent=False)
    registered(page, "annule@example.org", status="cancelled")
    registered(page, "", phone="514 555-0100")  # a phone only: the organizers call
    report = publish(committed, draft_report([page]))

    assert recipients() == [ANA, BEN]
    french, english = to(ANA), to(BEN)
    assert french.subject == "Bilan publié : Bilan fictif de l'atelier"
    assert english.subject == "Report published: Bilan fictif de l'atelier"  # no English version yet
    assert "- Atelier fictif à la bibliothèque\n" in french.body
    assert "- Fictional library workshop\n" in english.body
    assert f"{BASE}{report.url}" in french.body and f"{BASE}{report.url}" in english.body
    assert "vous avez demandé, à votre inscription, à être prévenu·e" in french.body
    assert "you asked, when you registered, to be told" in english.body
    for message, registration in ((french, Registration.objects.get(email=ANA)),):
        stop = f"{BASE}/fr/consentement/{registration.reference}/{registration.token}/retrait/"
        assert stop in message.body
        assert message.extra_headers == {
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    ben = Registration.objects.get(email=BEN)
    assert f"{BASE}/en/consentement/{ben.reference}/{ben.token}/retrait/" in english.body


def test_the_link_goes_to_the_report_in_the_persons_language_when_it_is_live(dialogue, committed):
    page, _english = dialogue
    report = publish(committed, draft_report([page]))
    english_report = translate_page(report, title="Fictional report", slug="fictional-report")
    mail.outbox.clear()
    registered(page, BEN, "en")
    registered(page, ANA, "fr")
    publish(committed, report)  # a republication tells those who registered since
    assert recipients() == [ANA, BEN]
    assert f"{BASE}{english_report.url}" in to(BEN).body
    assert to(BEN).subject == "Report published: Fictional report"
    assert f"{BASE}{report.url}" in to(ANA).body


def test_once_per_person_and_report_whatever_is_published_after(dialogue, committed):
    page, _english = dialogue
    other = DialoguePageFactory(title="Deuxième atelier fictif")
    registered(page, ANA)
    registered(other, ANA.upper())  # the same person, for the report's second dialogue
    registered(page, ANA, "en")  # and registered twice for the first
    registered(other, BEN)
    report = publish(committed, draft_report([page, other]))

    assert recipients() == [ANA, BEN]  # one each, to the newest registration's address
    both = to(ANA)
    assert "- Fictional library workshop\n- Deuxième atelier fictif\n" in both.body  # in English
    mail.outbox.clear()
    publish(committed, report)
    committed(translate_page, report, title="Fictional report", slug="fictional-report")
    assert mail.outbox == []
    assert ReportNotice.objects.count() == 2
    # Another report of the same dialogue is news.
    publish(committed, draft_report([page], title="Deuxième bilan fictif"))
    assert recipients() == [ANA]


def test_an_address_another_process_already_claimed_is_left_to_it(dialogue, committed):
    """Two processes publishing at once: the database keeps one row per address and report, and
    only the process that wrote it sends."""
    page, _english = dialogue
    registered(page, ANA)
    registered(page, BEN)
    report = draft_report([page])
    ReportNotice.objects.create(
        report_key=report.translation_key, address=address_digest(ANA.upper()), claim=uuid.uuid4()
    )
    publish(committed, report)
    assert recipients() == [BEN]


def test_nobody_deleted_by_retention_is_written_to(site_pages, committed, settings):
    """Past the contact retention even the address is gone (the reduction that comes before is
    ``tests/dialogues/test_registration_retention.py``'s)."""
    settings.DIALOGUE_REGISTRATION_RETENTION_DAYS = 30
    settings.DIALOGUE_CONTACT_RETENTION_DAYS = 35
    ended = timezone.now() - datetime.timedelta(days=40)
    page = DialoguePageFactory(sessions=[session(starts_at=ended - datetime.timedelta(hours=2))])
    registration = registered(page, ANA)
    Registration.objects.filter(pk=registration.pk).update(created_at=ended - datetime.timedelta(days=5))
    apply_retention()
    assert not Registration.objects.exists()
    publish(committed, draft_report([page]))
    assert mail.outbox == []
    assert not ReportNotice.objects.exists()


def test_a_rolled_back_publication_tells_nobody(dialogue, django_capture_on_commit_callbacks):
    page, _english = dialogue
    registered(page, ANA)
    report = draft_report([page])
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        report.save_revision().publish()
        raise RuntimeError("the publication fails after the page is written")
    assert callbacks == []
    assert not ReportPage.objects.get(pk=report.pk).live
    assert mail.outbox == [] and not ReportNotice.objects.exists()


def test_a_private_report_tells_nobody(dialogue, committed):
    page, _english = dialogue
    registered(page, ANA)
    report = draft_report([page])
    PageViewRestrictionFactory(page=report)
    publish(committed, report)
    assert mail.outbox == [] and not ReportNotice.objects.exists()


def admin_add(client, committed, data):
    """The report's add form, posted to publish by an administrator, as a request commits."""
    client.force_login(role_user(None, "admin-fictif"))
    url = reverse(
        "wagtailadmin_pages:add", args=["followup", "reportpage", index_page("followup.ReportIndexPage").pk]
    )
    response = committed(client.post, url, data)
    assert response.status_code == 302, report_admin.form_errors(response)
    return ReportPage.objects.get(slug="bilan-formulaire")


def by_admin_form(page, client, committed):
    return admin_add(client, committed, report_admin.report_form(OrganizationFactory(), dialogue=page))


def by_workflow(page, client, committed):
    editor = role_user(COMMUNITY_EDITORS, "redactrice")
    report = draft_report([page], owner=editor)
    report.save_revision(user=editor)
    report.get_workflow().start(report, editor)
    state = WorkflowState.objects.get(object_id=str(report.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    client.force_login(role_user(REVIEWERS, "reviseur"))
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[report.pk, "approve", state.current_task_state.pk]
    )
    assert committed(client.post, url, {"comment": ""}).status_code == 302
    return report


def by_schedule(page, client, committed):
    report = draft_report([page])
    revision = report.save_revision()
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    committed(call_command, "publish_scheduled")
    return report


def by_revision(page, client, committed):
    return publish(committed, draft_report([page]))


def by_localize(page, client, committed):
    """The original went live before anyone agreed; its translation is the next publication."""
    report = draft_report([page])
    report.save_revision().publish()  # not committed: nobody is told
    source, _created = TranslationSource.get_or_create_from_instance(ReportPage.objects.get(pk=report.pk))
    translation = Translation.objects.create(source=source, target_locale=locale("en"))
    words = {entry.msgid: f"EN {entry.msgid}" for entry in translation.export_po()}
    words[report.slug] = "fictional-report"
    translate_everything(translation, words)
    committed(translation.save_target, publish=True)
    return report


ROADS = [by_admin_form, by_workflow, by_schedule, by_revision, by_localize]


@pytest.mark.parametrize("road", ROADS, ids=lambda road: road.__name__)
def test_every_road_of_publication_tells_the_registrants_once(dialogue, client, committed, road):
    page, _english = dialogue
    registered(page, ANA, "fr")
    registered(page, BEN, "en")
    report = road(page, client, committed)
    assert ReportPage.objects.get(pk=report.pk).live
    assert recipients() == [ANA, BEN]
    assert "- Fictional library workshop\n" in to(BEN).body
    if road is by_localize:
        english = ReportPage.objects.get(translation_key=report.translation_key, locale__language_code="en")
        assert f"{BASE}{english.url}" in to(BEN).body
    mail.outbox.clear()
    publish(committed, report)
    assert told() == []


@pytest.fixture
def broken_mail(monkeypatch):
    def fail(backend, messages):
        raise ConnectionRefusedError(f"no server for {messages[0].to}")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", fail)
    return monkeypatch


def test_a_mail_failure_never_fails_the_publication_and_is_retried_at_the_next(
    dialogue, client, committed, broken_mail, caplog
):
    page, _english = dialogue
    registered(page, ANA)
    with caplog.at_level(logging.INFO):
        report = by_admin_form(page, client, committed)
    assert report.live
    assert not ReportNotice.objects.exists()  # not sent, so not recorded
    assert "was not sent: ConnectionRefusedError" in caplog.text
    assert "ana" not in caplog.text.lower()  # the log names no address

    broken_mail.undo()
    publish(committed, report)
    assert recipients() == [ANA]


def withdrawal_link(message):
    return re.sub(r"^https?://[^/]+", "", message.extra_headers["List-Unsubscribe"].strip("<>"))


def test_the_link_withdraws_the_consent_in_one_click_and_again(dialogue, committed):
    page, _english = dialogue
    first = registered(page, ANA)
    second = registered(DialoguePageFactory(), ANA.upper())  # for another dialogue
    other = registered(page, BEN)
    publish(committed, draft_report([page]))
    link = withdrawal_link(to(ANA))
    assert link == f"/fr/consentement/{first.reference}/{first.token}/retrait/"

    response = Client().get(link)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert Registration.objects.filter(wants_report=True).count() == 3  # opening changes nothing
    # What a mail client sends: no CSRF token, no cookie.
    for _twice in range(2):
        response = Client(enforce_csrf_checks=True).post(link, {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
        assert response["X-Robots-Tag"] == "noindex, nofollow"
    consents = dict(Registration.objects.values_list("pk", "wants_report"))
    assert consents == {first.pk: False, second.pk: False, other.pk: True}
    assert Client().get(link).status_code == 200

    mail.outbox.clear()
    publish(committed, draft_report([page], title="Deuxième bilan fictif"))
    assert recipients() == [BEN]


def test_a_wrong_secret_answers_404_to_anyone(dialogue, superuser_client):
    page, _english = dialogue
    registration = registered(page, ANA)
    wrong = f"/fr/consentement/{registration.reference}/{'0' * 40}/retrait/"
    for client in (Client(enforce_csrf_checks=True), superuser_client):
        assert client.get(wrong).status_code == 404
        assert client.post(wrong).status_code == 404
    assert Registration.objects.get().wants_report
    # A registration deleted by retention: nothing is kept to write to, which is what was asked.
    link = f"/en/consentement/{registration.reference}/{registration.token}/retrait/"
    registration.delete()
    assert Client(enforce_csrf_checks=True).post(link).status_code == 200


def test_nothing_personal_is_kept_in_the_history_or_the_notices(dialogue, committed):
    page, _english = dialogue
    registration = registered(page, ANA)
    report = publish(committed, draft_report([page]))
    assert recipients() == [ANA]
    (notice,) = ReportNotice.objects.values()
    assert notice["report_key"] == report.translation_key
    kept = repr(notice) + repr(list(PageLogEntry.objects.values()))
    for secret in ("ana@", registration.token, str(registration.reference)):
        assert secret not in kept


def test_the_queries_do_not_grow_with_the_registrants(dialogue, committed):
    page, _english = dialogue

    def count(people):
        ReportNotice.objects.all().delete()
        Registration.objects.all().delete()
        for n in range(people):
            registered(page, f"personne{n}@example.org", "fr" if n % 2 else "en")
        report = ReportPage.objects.filter(live=True).first() or publish(committed, draft_report([page]))
        ReportNotice.objects.all().delete()
        mail.outbox.clear()
        with CaptureQueriesContext(connection) as queries:
            assert tell_registrants(report.pk) == people
        return len(queries)

    assert count(6) == count(1)
