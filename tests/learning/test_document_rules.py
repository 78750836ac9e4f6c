"""A resource whose file fails its accessibility checks (or cannot be checked) goes live only
with a stated reason and an accessible HTML alternative, a live public page in its language,
whatever the road: a script's ``revision.publish()`` or ``page.save()``, ``publish_scheduled``,
and the admin's edit form, which explains why and keeps the draft."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction, Revision
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from hub.publication_rules import PublicationRefused
from learning.document_rules import document_problems
from learning.models import LearningResourcePage, ResourceFile
from tests.factories import DocumentFactory, LearningResourcePageFactory, index_page, role_user
from tests.learning.sample_files import docx, scanned_pdf, text_pdf

pytestmark = pytest.mark.django_db


def document(content, name):
    return DocumentFactory(title=name, file=ContentFile(content, name=name))


def draft_with_file(content, name="guide.pdf", reason="", alternative=None, **page_fields):
    """A new resource, never published, whose latest revision offers one file."""
    page = LearningResourcePageFactory(live=False, **page_fields)
    page = LearningResourcePage.objects.get(pk=page.pk)
    page.files = [
        ResourceFile(
            document=document(content, name),
            label="Le guide à imprimer",
            exception_reason=reason,
            html_alternative=alternative,
        )
    ]
    revision = page.save_revision()
    return page, revision


def alternative_page(**fields):
    """The guide's text as a page of its own (here a resource: any live public page will do)."""
    return LearningResourcePageFactory(title="Le guide en HTML", **fields)


def test_an_accessible_pdf_goes_live_without_exception(site_pages):
    page, revision = draft_with_file(text_pdf())

    revision.publish()

    assert LearningResourcePage.objects.get(pk=page.pk).live


@pytest.mark.parametrize("content", [scanned_pdf(), docx()], ids=["scanned-pdf", "office"])
def test_a_failing_file_without_reason_nor_alternative_is_refused_naming_the_file(site_pages, content):
    page, revision = draft_with_file(content, name="guide-imprimable.pdf")

    with translation.override("en"), pytest.raises(PublicationRefused) as refused:
        revision.publish()

    message = str(refused.value)
    assert "Le guide à imprimer" in message and "guide-imprimable" in message
    assert "the reason it is published as it is" in message
    assert "an accessible HTML alternative" in message
    assert not LearningResourcePage.objects.get(pk=page.pk).live


def test_the_scanned_pdfs_faults_are_named(site_pages):
    page, revision = draft_with_file(scanned_pdf())

    with translation.override("en"):
        [problem] = document_problems(revision.as_object())

    assert "(no tags, no document language, no title, scanned pages without text)" in problem


def test_a_reason_alone_is_not_enough(site_pages):
    page, revision = draft_with_file(scanned_pdf(), reason="Le fichier d'origine est perdu.")

    with translation.override("en"), pytest.raises(PublicationRefused) as refused:
        revision.publish()

    assert "the reason" not in str(refused.value)
    assert "an accessible HTML alternative" in str(refused.value)


def test_an_alternative_alone_is_not_enough(site_pages):
    page, revision = draft_with_file(scanned_pdf(), alternative=alternative_page())

    with translation.override("en"), pytest.raises(PublicationRefused) as refused:
        revision.publish()

    assert "the reason it is published as it is" in str(refused.value)
    assert "HTML alternative" not in str(refused.value)


def test_a_reason_and_a_live_public_alternative_let_it_go_live(site_pages):
    page, revision = draft_with_file(
        scanned_pdf(), reason="Affiche numérisée d'un partenaire.", alternative=alternative_page()
    )

    revision.publish()

    assert LearningResourcePage.objects.get(pk=page.pk).live


@pytest.mark.parametrize("kind", ["draft", "private", "other-language", "itself without a text"])
def test_an_alternative_readers_cannot_reach_does_not_count(site_pages, kind):
    if kind == "draft":
        alternative = alternative_page(live=False)
    elif kind == "private":
        alternative = alternative_page()
        PageViewRestriction.objects.create(page=alternative, restriction_type="login")
    elif kind == "other-language":
        alternative = alternative_page(parent=index_page("learning.LearningIndexPage", "en"))
    else:
        alternative = None
    page, revision = draft_with_file(
        scanned_pdf(), reason="Affiche d'un partenaire.", alternative=alternative
    )
    if kind == "itself without a text":
        page.files.first().html_alternative = page
        revision = page.save_revision()

    with pytest.raises(PublicationRefused):
        revision.publish()

    assert not LearningResourcePage.objects.get(pk=page.pk).live


def test_the_resource_itself_counts_when_its_text_holds_the_content(site_pages):
    page, _revision = draft_with_file(scanned_pdf(), reason="Affiche numérisée d'un partenaire.")
    page.files.first().html_alternative = page
    page.body = [("paragraph", RichText("<p>Le texte de l'affiche, en entier.</p>"))]
    page.save_revision().publish()

    page = LearningResourcePage.objects.get(pk=page.pk)
    assert page.live
    html = Client().get(page.url).content.decode()
    assert f'href="{page.url}"' in html


def test_a_script_setting_live_and_saving_is_refused(site_pages):
    page, _revision = draft_with_file(docx(), name="cartes.docx")
    page.live = True

    with pytest.raises(PublicationRefused):
        page.save()

    assert not LearningResourcePage.objects.get(pk=page.pk).live


def test_publish_scheduled_leaves_a_failing_version_unpublished(site_pages):
    page, revision = draft_with_file(scanned_pdf())
    accessible, accessible_revision = draft_with_file(text_pdf())
    for scheduled in (revision, accessible_revision):
        Revision.objects.filter(pk=scheduled.pk).update(
            approved_go_live_at=timezone.now() - datetime.timedelta(minutes=5)
        )

    call_command("publish_scheduled")

    assert not LearningResourcePage.objects.get(pk=page.pk).live
    assert LearningResourcePage.objects.get(pk=accessible.pk).live


def edit_form_data(page, resource_file, action="action-publish"):
    """The resource's edit form as an editor submits it, with ``resource_file``'s values."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "plain_summary": page.plain_summary,
            "format": page.format,
            "level": page.level,
            "duration_minutes": "",
            "learning_outcomes": page.learning_outcomes,
            "body": streamfield([("paragraph", rich_text("<p>Texte fictif.</p>"))]),
            "recording": "",
            "files": inline_formset(
                [
                    {
                        "id": "",
                        "document": str(resource_file["document"].pk),
                        "label": "Le guide à imprimer",
                        "exception_reason": resource_file.get("reason", ""),
                        "html_alternative": str(resource_file.get("alternative", "")),
                        "ORDER": "1",
                    }
                ]
            ),
            "easy_to_read_tested_with": "",
            "easy_to_read_tested_on": "",
            "licence": page.licence,
            "authors": "",
            "comments": inline_formset([]),
            "change_note": "",
        }
    )
    data["audiences"] = page.audiences
    data["languages"] = page.languages
    data["services"] = [term.pk for term in page.services.all()]
    data["regions"] = [term.pk for term in page.regions.all()]
    data[action] = "1"
    return data


def test_the_admin_edit_form_refuses_to_publish_keeps_the_draft_and_says_why(site_pages):
    page = LearningResourcePageFactory(live=False)
    client = Client()
    client.force_login(role_user(None, "admin"))
    scanned = document(scanned_pdf(), "affiche-numerisee.pdf")

    with translation.override("en"):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form_data(page, {"document": scanned}),
            HTTP_ACCEPT_LANGUAGE="en",
        )

    assert response.status_code == 302, response.content.decode()[:3000]
    shown = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "affiche-numerisee" in shown and "an accessible HTML alternative" in shown
    page = LearningResourcePage.objects.get(pk=page.pk)
    assert not page.live
    assert page.get_latest_revision_as_object().files.first().document_id == scanned.pk


def test_the_admin_edit_form_publishes_with_reason_and_alternative(site_pages):
    page = LearningResourcePageFactory(live=False)
    client = Client()
    client.force_login(role_user(None, "admin"))
    file_values = {
        "document": document(scanned_pdf(), "affiche-numerisee.pdf"),
        "reason": "Affiche d'un partenaire, seulement numérisée.",
        "alternative": alternative_page().pk,
    }

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form_data(page, file_values)
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert LearningResourcePage.objects.get(pk=page.pk).live


def test_the_public_list_says_which_files_are_accessible_and_links_the_alternative(site_pages):
    alternative = alternative_page()
    page, revision = draft_with_file(text_pdf(), name="guide.pdf")
    page.files.add(
        ResourceFile(
            document=document(scanned_pdf(), "affiche.pdf"),
            label="L'affiche",
            exception_reason="Affiche d'un partenaire, seulement numérisée.",
            html_alternative=alternative,
        )
    )
    page.save_revision().publish()
    page = LearningResourcePage.objects.get(pk=page.pk)

    with translation.override("en"):
        html = render_to_string("learning/includes/files.html", {"page": page})

    guide, poster = html.split("<li")[1:]
    assert "Le guide à imprimer" in guide and "(PDF, " in guide and ", Français)" in guide
    assert "Accessible PDF: tagged, language and title set, real text." in guide
    assert "L&#x27;affiche" in poster
    assert "Not accessible: no tags, no document language, no title, scanned pages without text." in poster
    assert "Affiche d&#x27;un partenaire, seulement numérisée." in poster
    assert f'href="{alternative.url}"' in poster and "Le guide en HTML" in poster
