"""The easy-to-read (FALC) mark and the five points of "what you will learn", whatever the road:
the model's validation and the editor's form name the field; ``revision.publish()`` (scripts,
bulk actions, workflow approval) and ``publish_scheduled`` refuse a version that claims the mark
without its test with readers. And the editor sees the reading ease of the resource's text."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from hub.models import Region, Service
from hub.publication_rules import PublicationRefused
from learning.models import LearningResourcePage
from tests.factories import LearningResourcePageFactory, role_user, terms
from tests.hub.test_readability import expected_score

pytestmark = pytest.mark.django_db

TESTED_WITH = "Six adultes fictifs d'un centre d'alphabétisation"
PLAIN_BODY = "Une machine trie les demandes. Une personne peut vérifier. Vous pouvez demander pourquoi."


def errors_of(page):
    """The validation's messages, read in English."""
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            page.full_clean()
        return {
            field: [str(message) for message in messages]
            for field, messages in refused.value.message_dict.items()
        }


def test_the_mark_needs_who_tested_the_text_and_when(site_pages):
    page = LearningResourcePageFactory()
    page.easy_to_read = True
    errors = errors_of(page)
    assert set(errors) >= {"easy_to_read_tested_with", "easy_to_read_tested_on"}
    assert "who read it" in errors["easy_to_read_tested_with"][0]
    page.easy_to_read_tested_with = TESTED_WITH
    errors = errors_of(page)
    assert "easy_to_read_tested_with" not in errors
    assert "when it took place" in errors["easy_to_read_tested_on"][0]
    page.easy_to_read_tested_on = timezone.localdate() - datetime.timedelta(days=3)
    page.full_clean()


def test_a_test_in_the_future_does_not_count(site_pages):
    page = LearningResourcePageFactory()
    page.easy_to_read = True
    page.easy_to_read_tested_with = TESTED_WITH
    page.easy_to_read_tested_on = timezone.localdate() + datetime.timedelta(days=1)
    assert errors_of(page)["easy_to_read_tested_on"] == ["The test with readers cannot be in the future."]
    page.easy_to_read_tested_on = timezone.localdate()
    page.full_clean()


def test_what_you_will_learn_holds_five_points_at_most_blank_lines_aside(site_pages):
    page = LearningResourcePageFactory()
    page.learning_outcomes = "\n".join(f"Point {n}." for n in range(1, 6)) + "\n\n  \n"
    page.full_clean()
    page.learning_outcomes += "Point 6."
    assert list(errors_of(page)) == ["learning_outcomes"]


def claiming_the_mark_untested(page):
    """A draft of ``page`` claiming the mark without the test, saved without validation as a
    script or an import could: the publication roads must still refuse it."""
    page.easy_to_read = True
    return page.save_revision(clean=False)


def assert_public_page_has_no_mark(client, page):
    page = LearningResourcePage.objects.get(pk=page.pk)
    assert not page.easy_to_read
    html = client.get(page.url).content.decode()
    assert 'id="easy-read-heading"' not in html


def test_publishing_a_revision_that_claims_the_mark_untested_is_refused(client, site_pages):
    page = LearningResourcePageFactory()
    revision = claiming_the_mark_untested(page)

    with translation.override("en"), pytest.raises(PublicationRefused) as refused:
        revision.publish()

    assert "say who read it" in str(refused.value)
    assert_public_page_has_no_mark(client, page)


def test_scheduled_publishing_refuses_it_too(client, site_pages):
    page = LearningResourcePageFactory()
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision = claiming_the_mark_untested(page)
    revision.approved_go_live_at = page.go_live_at
    revision.save()

    call_command("publish_scheduled")

    assert_public_page_has_no_mark(client, page)


def test_with_its_test_the_mark_is_published_and_says_who_and_when(client, site_pages):
    page = LearningResourcePageFactory()
    page.easy_to_read = True
    page.easy_to_read_tested_with = TESTED_WITH
    page.easy_to_read_tested_on = datetime.date(2026, 3, 12)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert TESTED_WITH.replace("'", "&#x27;") in html
    assert '<time datetime="2026-03-12">12 mars 2026</time>' in html


def form_data(page, **changes):
    fields = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "plain_summary": page.plain_summary,
        "format": page.format,
        "level": page.level,
        "duration_minutes": "",
        "learning_outcomes": page.learning_outcomes,
        "body": streamfield([("paragraph", rich_text(PLAIN_BODY))]),
        "recording": "",
        "files": inline_formset([]),
        "easy_to_read_tested_with": "",
        "easy_to_read_tested_on": "",
        "licence": page.licence,
        "authors": "",
        "comments": inline_formset([]),
        "change_note": "",
    }
    fields.update(changes)
    data = nested_form_data(fields)
    data["audiences"] = ["citizens"]
    data["languages"] = ["fr"]
    data["services"] = [term.pk for term in terms(Service, ["sante"])]
    data["regions"] = [term.pk for term in terms(Region, ["montreal"])]
    return data


def test_the_editors_form_names_the_missing_test_and_saves_nothing(site_pages):
    page = LearningResourcePageFactory()
    client = Client()
    client.force_login(role_user(None, "admin"))
    with translation.override("en"):
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = client.post(url, form_data(page, easy_to_read="on", learning_outcomes="a\nb\nc\nd\ne\nf"))

    assert response.status_code == 200
    form = response.context["form"]
    assert "easy_to_read_tested_with" in form.errors
    assert "easy_to_read_tested_on" in form.errors
    assert "learning_outcomes" in form.errors
    assert page.revisions.count() == 1  # the factory's only


def test_the_editor_sees_the_reading_ease_of_the_resources_text(site_pages):
    page = LearningResourcePageFactory()
    client = Client()
    client.force_login(role_user(None, "admin"))
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.post(url, form_data(page)).status_code == 302
    response = client.get(url)

    html = response.content.decode()
    assert "data-body-readability" in html
    assert f"<strong>{round(expected_score(PLAIN_BODY, 'fr'))}/100</strong>" in html
