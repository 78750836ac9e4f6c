"""Following a search by e-mail, without an account: double opt-in (nothing but the confirmation
before the person confirms, by a button), digests daily or weekly of exactly the items new or
updated in the search since the last one (public live items only, in the subscriber's language,
none when nothing is new), once per period however often or concurrently the command runs, a
one-click unsubscription (RFC 8058) and from the link's page, a bad search refused with 400
naming its parameter, unconfirmed requests deleted by retention. Expectations come from what each
test published and when, not from the feed the digest is built on."""

import re
from io import StringIO
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from hub.retention import apply_retention
from search.alerts import claim
from search.models import SearchAlert
from tests.factories import CaseFilePageFactory, translate_page

pytestmark = pytest.mark.django_db
ADDRESS = "journaliste@example.org"
HEALTH = {"service": "sante"}


def alert_path(language):
    with translation.override(language):
        return reverse("search-alert")


def ask(client, params=HEALTH, address=ADDRESS, frequency="daily", language="fr"):
    data = {"search": urlencode(params, doseq=True), "email": address, "frequency": frequency}
    return client.post(alert_path(language), data)


def path_of(link):
    return re.sub(r"^https?://[^/]+", "", link)


def confirm_link(message):
    return next(
        path_of(link)
        for link in re.findall(r"https?://\S+", message.body)
        if "/alert" in link and "unsubscribe" not in link and "desabonnement" not in link
    )


def subscribe(client, params=HEALTH, address=ADDRESS, frequency="daily", language="fr"):
    ask(client, params, address, frequency, language)
    client.post(confirm_link(mail.outbox[-1]))
    mail.outbox.clear()
    return SearchAlert.objects.get(email=address)


def run(now, frequency=None):
    out = StringIO()
    options = {"now": now, "stdout": out}
    if frequency:
        options["frequency"] = frequency
    call_command("send_search_alerts", **options)
    return out.getvalue()


def publish(page, note):
    page = type(page).objects.get(pk=page.pk)
    page.change_note = note
    page.save_revision().publish()
    return page


def digest_items(message):
    """``{public id: (type, title, what changed, link)}`` as the digest writes each item."""
    items = {}
    for block in message.body.split("\n\n"):
        lines = block.strip().splitlines()
        if len(lines) == 3 and " · " in lines[0] and lines[2].startswith("http"):
            kind_and_id, title = lines[0].split(" · ", 1)
            kind, public_id = kind_and_id.rsplit(" ", 1)
            items[public_id] = (kind, title, lines[1], lines[2])
    return items


@pytest.fixture
def world(site_pages, clock, committed):
    """Before anyone subscribes (2026-01-05 09:00 UTC): two health case files and a housing one."""
    clock.set(2026, 1, 5, 9)
    pages = {
        "old": committed(CaseFilePageFactory, title="Triage ancien", services=["sante"]),
        "quiet": committed(CaseFilePageFactory, title="Dossier tranquille", services=["sante"]),
        "housing": committed(CaseFilePageFactory, title="Logement ancien", services=["habitation"]),
    }
    clock.set(2026, 1, 5, 10)
    return pages


def test_the_search_page_offers_the_alert_form_beside_its_feed(client, world):
    for language in ("fr", "en"):
        with translation.override(language):
            response = client.get(reverse("search"), {"service": "sante", "q": "triage", "sort": "title"})
        page = response.content.decode()
        form = re.search(r'<form id="search-alert-form" method="post" action="([^"]+)"', page)
        assert form and form.group(1) == alert_path(language)
        # The search's words and filters, normalised: no sort, no page.
        assert '<input type="hidden" name="search" value="q=triage&amp;service=sante"' in page
        for name in ("email", "frequency"):
            assert re.search(rf'name="{name}"[^>]*form="search-alert-form"', page)
        assert page.index("follow-search") < page.index('id="search-alert"')
    assert "a link to stop in one click" in page  # English, the last page read: says how to stop


def test_nothing_is_sent_but_the_confirmation_until_the_person_confirms(client, world, committed, clock):
    response = ask(client)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex, nofollow"
    (confirmation,) = mail.outbox
    assert confirmation.to == [ADDRESS] and "Santé" in confirmation.body
    assert "List-Unsubscribe" not in confirmation.extra_headers
    alert = SearchAlert.objects.get()
    assert (alert.query_string, alert.frequency, alert.language, alert.is_confirmed) == (
        "service=sante",
        "daily",
        "fr",
        False,
    )
    ask(client, address=ADDRESS.upper(), frequency="weekly")  # again: the confirmation again, one row
    assert SearchAlert.objects.get().frequency == "weekly" and len(mail.outbox) == 2

    clock.set(2026, 1, 5, 12)
    committed(CaseFilePageFactory, title="Nouveau triage", services=["sante"])
    mail.outbox.clear()
    assert "0 sent" in run("2026-01-12T08:00")
    assert mail.outbox == []

    link = confirm_link(confirmation)
    assert client.get(link).status_code == 200
    assert not SearchAlert.objects.get().is_confirmed  # opening the link (a mail scanner) confirms nothing
    assert client.post(link).status_code == 200
    assert SearchAlert.objects.get().is_confirmed
    assert client.get(link.replace(alert.token, "0" * 40)).status_code == 404
    assert ask(client).status_code == 200  # confirmed: asking again sends nothing, says the same
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("search", "parameter"),
    [("service=inconnu", "service"), ("region=atlantide", "region"), ("q=" + "x" * 201, "q")],
)
def test_a_bad_search_is_refused_naming_its_parameter(client, world, search, parameter):
    response = client.post(alert_path("en"), {"search": search, "email": ADDRESS, "frequency": "daily"})
    assert response.status_code == 400
    assert f"<strong>{parameter}</strong>" in response.content.decode()
    assert not SearchAlert.objects.exists() and mail.outbox == []


def test_a_bad_address_or_frequency_is_refused_and_the_form_says_why(client, world):
    response = ask(client, address="pas-une-adresse")
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert ask(client, frequency="hourly").status_code == 400
    assert not SearchAlert.objects.exists() and mail.outbox == []
    # Opened without posting: back to the search, at the form.
    response = client.get(alert_path("fr"), HEALTH)
    assert response.status_code == 302 and response["Location"].endswith("?service=sante#search-alert")


def test_the_digest_lists_exactly_what_is_new_or_updated_since_the_last(client, world, committed, clock):
    subscribe(client)  # confirmed on 2026-01-05 at 10:00 UTC
    clock.set(2026, 1, 5, 12)
    new = committed(CaseFilePageFactory, title="Triage nouveau", services=["sante"])
    committed(CaseFilePageFactory, title="Logement nouveau", services=["habitation"])  # another search
    committed(CaseFilePageFactory, title="Brouillonalerte", services=["sante"], live=False)
    private = committed(CaseFilePageFactory, title="Privéalerte", services=["sante"])
    committed(PageViewRestriction.objects.create, page=private, restriction_type="login")
    clock.set(2026, 1, 5, 13)
    updated = committed(publish, world["old"], "Réponse du ministère ajoutée.")
    committed(publish, world["quiet"], "")  # republished without a note: not news

    assert "1 sent" in run("2026-01-06T07:00")  # Toronto time
    (digest,) = mail.outbox
    assert digest.to == [ADDRESS]
    base = settings.WAGTAILADMIN_BASE_URL
    assert digest_items(digest) == {
        new.public_id: ("Dossier", "Triage nouveau", "Nouveau", base + new.url),
        updated.public_id: (
            "Dossier",
            "Triage ancien",
            "Mis à jour : Réponse du ministère ajoutée.",
            base + updated.url,
        ),
    }
    for absent in ("Brouillonalerte", "Privéalerte", "Logement", "Dossier tranquille"):
        assert absent not in digest.body
    assert f"{base}/fr/recherche/?service=sante" in digest.body

    # The same day again: nothing. The next day, nothing new: no e-mail either.
    mail.outbox.clear()
    assert "0 sent" in run("2026-01-06T20:00")
    assert "1 empty" in run("2026-01-07T07:00")
    assert mail.outbox == []
    # Only what came after the last digest.
    clock.set(2026, 1, 7, 15)
    later = committed(CaseFilePageFactory, title="Triage tardif", services=["sante"])
    run("2026-01-08T07:00")
    (digest,) = mail.outbox
    assert set(digest_items(digest)) == {later.public_id}


def test_a_weekly_digest_goes_once_per_iso_week_even_when_runs_race(client, world, committed, clock):
    subscribe(client, frequency="weekly")
    clock.set(2026, 1, 6, 12)
    committed(CaseFilePageFactory, title="Triage de la semaine", services=["sante"])
    stale = SearchAlert.objects.get()  # what a second run read before the first one claimed it
    assert (
        run("2026-01-07T07:00", "daily")
        == "Search alerts: daily 2026-01-07: 0 sent, 0 empty, 0 failed, 0 invalid.\n"
    )
    assert mail.outbox == []
    assert "weekly 2026-W02: 1 sent" in run("2026-01-07T07:00")
    assert len(mail.outbox) == 1
    assert not claim(stale, "2026-W02", stale.confirmed_at)  # the second run claims nothing
    assert "weekly 2026-W02: 0 sent" in run("2026-01-11T23:00")  # Sunday: the same ISO week
    clock.set(2026, 1, 8, 12)
    committed(CaseFilePageFactory, title="Triage suivant", services=["sante"])
    assert "weekly 2026-W03: 1 sent" in run("2026-01-12T07:00")
    assert len(mail.outbox) == 2 and "Triage suivant" in mail.outbox[-1].body
    assert "Triage de la semaine" not in mail.outbox[-1].body


def test_a_digest_that_fails_to_leave_is_sent_at_the_next_run(client, world, committed, clock, settings):
    subscribe(client)
    clock.set(2026, 1, 5, 12)
    committed(CaseFilePageFactory, title="Triage manqué", services=["sante"])
    settings.EMAIL_BACKEND = "tests.search.test_alerts.FailingBackend"
    assert "1 failed" in run("2026-01-06T07:00")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert "1 sent" in run("2026-01-06T09:00")
    assert "Triage manqué" in mail.outbox[-1].body


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError


def test_the_digest_is_in_the_subscribers_language(client, world, committed, clock):
    subscribe(client, address="reader@example.org", language="en")
    clock.set(2026, 1, 5, 12)
    translated = committed(CaseFilePageFactory, title="Triage traduit", services=["sante"])
    english = committed(translate_page, translated, "en", title="Translated triage", slug="translated-triage")
    untranslated = committed(CaseFilePageFactory, title="Triage en français", services=["sante"])
    run("2026-01-06T07:00")
    (digest,) = mail.outbox
    base = settings.WAGTAILADMIN_BASE_URL
    assert digest.subject == "New in your search: Health"
    items = digest_items(digest)
    assert items[translated.public_id] == ("Case file", "Translated triage", "New", base + english.url)
    assert items[untranslated.public_id][1:] == (
        "Triage en français",
        "New",
        base + untranslated.url_in("en"),
    )
    assert "/en/search/?service=sante" in digest.body and "To stop these e-mails" in digest.body


def test_one_click_unsubscription_and_the_links_page(client, world, committed, clock):
    subscribe(client)
    subscribe(client, address="autre@example.org")
    clock.set(2026, 1, 5, 12)
    committed(CaseFilePageFactory, title="Triage nouveau", services=["sante"])
    run("2026-01-06T07:00")
    first, second = sorted(mail.outbox, key=lambda message: message.to)
    assert first.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = first.extra_headers["List-Unsubscribe"].strip("<>")
    assert one_click in first.body
    # What a mail client sends: one POST, no CSRF token, no cookie.
    response = Client(enforce_csrf_checks=True).post(path_of(one_click), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert list(SearchAlert.objects.values_list("email", flat=True)) == ["journaliste@example.org"]
    # The link's page: a button, which posts the same.
    link = path_of(second.extra_headers["List-Unsubscribe"].strip("<>"))
    page = Client(enforce_csrf_checks=True).get(link)
    assert page.status_code == 200 and '<form method="post">' in page.content.decode()
    assert SearchAlert.objects.count() == 1
    assert Client(enforce_csrf_checks=True).post(link).status_code == 200
    assert not SearchAlert.objects.exists()
    assert Client().post(link).status_code == 200  # used again: the same answer


def test_retention_deletes_alerts_nobody_confirmed(client, world, clock, settings):
    settings.SEARCH_ALERTS_UNCONFIRMED_DAYS = 7
    subscribe(client)
    ask(client, address="attente@example.org")
    clock.set(2026, 1, 12, 9)  # less than 7 days after 2026-01-05 10:00
    apply_retention()
    assert SearchAlert.objects.count() == 2
    clock.set(2026, 1, 12, 11)
    assert "Unconfirmed search alerts deleted: 1." in apply_retention()
    assert list(SearchAlert.objects.values_list("email", flat=True)) == [ADDRESS]


def test_asking_is_rate_limited_per_address(client, world, settings):
    settings.RATELIMITS = {**settings.RATELIMITS, "search_alert": "2/h"}
    for number in range(2):
        assert ask(client, address=f"p{number}@example.org").status_code == 200
    assert ask(client).status_code == 429
    assert SearchAlert.objects.count() == 2


def test_the_command_refuses_a_bad_moment(db):
    with pytest.raises(CommandError, match="--now"):
        run("demain")
