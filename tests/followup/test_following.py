"""Following a commitment by e-mail, without an account: double opt-in (nothing is sent but the
confirmation until the person confirms, with a button a mail scanner does not press), one e-mail
per change of status to confirmed followers only, in their language, with a one-click
unsubscription (RFC 8058: a POST without CSRF token), unconfirmed requests deleted by retention,
and nobody learns who follows what."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client

from advocacy.models import AgreementParty
from followup.models import CommitmentStatus, Follower
from hub.models import Organization
from hub.retention import apply_retention
from tests.factories import (
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    commitment,
    progress_update,
    translate_page,
)

pytestmark = pytest.mark.django_db
ADDRESS = "personne@example.org"


@pytest.fixture
def agreement(site_pages, clock):
    city = OrganizationFactory(name="Ville fictive de Laval", kind=Organization.Kind.MUNICIPALITY)
    page = CollaborationAgreementPageFactory(
        title="Entente fictive sur le tri",
        parties=[{"organization": city, "role": AgreementParty.Role.MUNICIPALITY}],
        commitments=[commitment("Publier le code.", owner=city, due_date=datetime.date(2026, 6, 30))],
    )
    english = translate_page(page, title="Sorting agreement (fictional)", slug="sorting-agreement")
    return page, english


def row_of(page):
    return page.commitments.get()


def ask(client, page, address=ADDRESS):
    return client.post(page.follow_url(1), {"email": address})


def links(message):
    return re.findall(r"https?://\S+", message.body)


def confirm_link(message):
    return next(link for link in links(message) if "/suivi/" in link and "desabonnement" not in link)


def path_of(link):
    return re.sub(r"^https?://[^/]+", "", link)


def test_asking_sends_only_a_confirmation(agreement, client):
    page, _english = agreement
    response = ask(client, page)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex, nofollow"
    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    assert row_of(page).public_id in message.subject
    follower = Follower.objects.get()
    assert (follower.email, follower.language, follower.is_confirmed) == (ADDRESS, "fr", False)
    # Asking again re-sends the confirmation, never a second row.
    ask(client, page, ADDRESS.upper())
    assert Follower.objects.count() == 1 and len(mail.outbox) == 2


def test_a_bad_address_is_refused_and_the_form_says_why(agreement, client):
    page, _english = agreement
    response = client.post(page.follow_url(1), {"email": "pas-une-adresse"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Follower.objects.exists() and mail.outbox == []
    assert client.get(page.follow_url(1)).status_code == 302


def test_the_link_asks_before_it_confirms(agreement, client):
    page, _english = agreement
    ask(client, page)
    link = path_of(confirm_link(mail.outbox[0]))
    assert client.get(link).status_code == 200
    assert not Follower.objects.get().is_confirmed  # opening the link (a mail scanner) confirms nothing
    client.post(link)
    assert Follower.objects.get().is_confirmed
    assert client.get(link.replace(Follower.objects.get().token, "0" * 40)).status_code == 404
    # A confirmed address asking again gets nothing, and the same answer.
    mail.outbox.clear()
    assert ask(client, page).status_code == 200
    assert mail.outbox == []


def follow(client, page, address=ADDRESS):
    ask(client, page, address)
    client.post(path_of(confirm_link(mail.outbox[-1])))
    mail.outbox.clear()


def test_one_email_per_change_of_status_to_confirmed_followers(
    agreement, client, django_capture_on_commit_callbacks
):
    page, english = agreement
    follow(client, page)
    follow(client, english, "reader@example.org")
    ask(client, page, "pending@example.org")  # never confirmed
    mail.outbox.clear()
    row = row_of(page)
    with django_capture_on_commit_callbacks(execute=True):
        progress_update(row, "Les travaux ont commencé.", status=CommitmentStatus.IN_PROGRESS)
    assert sorted(message.to[0] for message in mail.outbox) == [ADDRESS, "reader@example.org"]
    french = next(message for message in mail.outbox if message.to == [ADDRESS])
    english_mail = next(message for message in mail.outbox if message.to == ["reader@example.org"])
    assert french.subject == f"Engagement {row.public_id} : En cours"
    assert english_mail.subject == f"Commitment {row.public_id}: In progress"
    assert "Les travaux ont commencé." in french.body
    assert english.commitments.get().url in english_mail.body
    unsubscribe = english_mail.extra_headers["List-Unsubscribe"].strip("<>")
    assert english_mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in english_mail.body

    # The same status again: nothing; a new status: one more each.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        progress_update(row, "Toujours en cours.", status=CommitmentStatus.IN_PROGRESS, progress=50)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        progress_update(row, "Fait.", status=CommitmentStatus.DONE)
    assert len(mail.outbox) == 2


def test_one_click_unsubscription_deletes_the_address(agreement, client, django_capture_on_commit_callbacks):
    page, _english = agreement
    follow(client, page)
    with django_capture_on_commit_callbacks(execute=True):
        progress_update(row_of(page), status=CommitmentStatus.IN_PROGRESS)
    (message,) = mail.outbox
    link = path_of(message.extra_headers["List-Unsubscribe"].strip("<>"))
    assert Client().get(link).status_code == 200 and Follower.objects.exists()
    # What a mail client sends: no CSRF token, no cookie.
    response = Client(enforce_csrf_checks=True).post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follower.objects.exists()
    assert Client(enforce_csrf_checks=True).post(link, {"List-Unsubscribe": "One-Click"}).status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        progress_update(row_of(page), status=CommitmentStatus.DONE)
    assert mail.outbox == []


def test_no_email_about_an_item_that_is_not_public(agreement, client, django_capture_on_commit_callbacks):
    page, english = agreement
    follow(client, page)
    page.unpublish()
    english.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        progress_update(row_of(page), status=CommitmentStatus.DONE)
    assert mail.outbox == []


def test_retention_deletes_requests_nobody_confirmed(agreement, client, clock, settings):
    settings.FOLLOWUP_UNCONFIRMED_DAYS = 7
    page, _english = agreement
    follow(client, page)
    ask(client, page, "pending@example.org")
    clock.set(2026, 1, 8, 7)  # less than 7 days after 2026-01-01 08:00
    apply_retention()
    assert Follower.objects.count() == 2
    clock.set(2026, 1, 8, 9)
    apply_retention()
    assert list(Follower.objects.values_list("email", flat=True)) == [ADDRESS]
