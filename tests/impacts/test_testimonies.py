"""Testimonies: a page showing one is published only with a complete consent record covering it;
names and consent details never reach a visitor; one admin action withdraws a testimony from
every public surface at once; testimonies kept past their retention date are withdrawn."""

import datetime
import io
import logging
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from hub.publication_rules import PublicationRefused
from impacts.models import CaseFilePage, CaseFileTestimony
from impacts.models import Testimony as StoredTestimony
from impacts.testimonies import withdraw_testimony
from tests.factories import (
    CaseFilePageFactory,
    DocumentFactory,
    ImageFactory,
    TestimonyFactory,
    role_user,
    show_testimony,
    translate_page,
)

pytestmark = pytest.mark.django_db

WITHDRAW_ACTION = "impacts.testimony.withdraw"
SEARCH_API = "/api/v1/search/"
CSV_URL = "/api/v1/casefiles.csv"
PAGES_API = "/api/v2/pages/"
SEARCH_PAGE = {"fr": "/fr/recherche/", "en": "/en/search/"}
PUBLIC_RECORD_KEYS = {"reference", "language", "text", "plain_text", "identification", "name", "context"}

# What a missing consent field is called in the (English) refusal message.
CONSENT_LABELS = {
    "consent_collected_by": "collected by",
    "consent_collected_on": "collected on",
    "consent_text_version": "version of the consent text",
    "consent_language": "language of the consent",
    "withdrawal_contact": "withdrawal contact",
    "retention_until": "keep until",
}
EMPTY = {
    "consent_collected_by": "",
    "consent_collected_on": None,
    "consent_text_version": "",
    "consent_language": "",
    "withdrawal_contact": "",
    "retention_until": None,
}
PROBLEMS = [*CONSENT_LABELS, "no-web-consent", "scope-elsewhere", "scope-empty"]


# Helpers ---------------------------------------------------------------------------------------


def reference(testimony):
    """Computed here, not read from the model: ``T-`` and the primary key on four digits."""
    return f"T-{testimony.pk:04d}"


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def public_html(url, user=None):
    response = client_for(user).get(url)
    assert response.status_code == 200, (url, response.status_code)
    return body(response)


def search_hits(word, locale="fr"):
    """Public ids the JSON search returns for ``word``."""
    response = Client().get(SEARCH_API, {"q": word, "locale": locale})
    assert response.status_code == 200, body(response)
    return [hit["id"] for hit in response.json()["results"]]


def html_search_results(word, language):
    """The result list of the HTML search page (the query itself is echoed elsewhere on the page)."""
    response = Client().get(SEARCH_PAGE[language], {"q": word})
    assert response.status_code == 200, body(response)
    results = BeautifulSoup(response.content, "html.parser").select_one(".search-results")
    assert results is not None, "no .search-results section"
    return str(results)


def api_casefiles(**params):
    response = Client().get(
        PAGES_API, {"type": "impacts.CaseFilePage", "fields": "*", "limit": 100, **params}
    )
    assert response.status_code == 200, body(response)
    return response.json()["items"]


def api_detail(page):
    response = Client().get(f"{PAGES_API}{page.pk}/", {"fields": "*"})
    assert response.status_code == 200, body(response)
    return response.json()


def api_testimonies(page):
    return api_detail(page)["exportable_testimonies"]


def figcaption(html, testimony):
    figure = BeautifulSoup(html, "html.parser").find(id=f"testimony-{testimony.pk}")
    assert figure is not None, f"testimony-{testimony.pk} is not on the page"
    return figure.find("figcaption").get_text(" ", strip=True)


def date_renderings(date):
    months_fr = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    month_fr = months_fr.split()[date.month - 1]
    return [
        date.isoformat(),
        date.strftime("%d/%m/%Y"),
        date.strftime("%m/%d/%Y"),
        date.strftime("%d.%m.%Y"),
        f"{date.day} {month_fr} {date.year}",
        f"{date.strftime('%B')} {date.day}, {date.year}",
        f"{date.strftime('%b')}. {date.day}, {date.year}",
        f"{date.strftime('%b')} {date.day}, {date.year}",
    ]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form_data(page, testimonies, action=None):
    """The case file's edit form as an editor submits it, showing ``testimonies`` (the page must
    not link any testimony yet)."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "plain_summary": page.plain_summary,
            "municipality": page.municipality,
            "impact_level": str(page.impact_level or ""),
            "agency": str(page.agency_id or ""),
            "ai_system": page.ai_system,
            "vendor": str(page.vendor_id or ""),
            "decision_role": page.decision_role,
            "automation": page.automation,
            "status": page.status,
            "first_reported": page.first_reported.isoformat() if page.first_reported else "",
            "body": streamfield([("paragraph", rich_text("<p>Récit fictif.</p>"))]),
            "comments": inline_formset([]),
            "testimony_links": inline_formset(
                [
                    {"id": "", "testimony": str(testimony.pk), "ORDER": str(position)}
                    for position, testimony in enumerate(testimonies, start=1)
                ]
            ),
            "change_note": "",
        }
    )
    data["services"] = [term.pk for term in page.services.all()]
    data["regions"] = [term.pk for term in page.regions.all()]
    data["risks"] = [term.pk for term in page.risks.all()]
    if action:
        data[action] = action
    return data


def problem_testimony(problem, page, **fields):
    """A testimony that may not appear on ``page`` because of ``problem``."""
    if problem in EMPTY:
        return TestimonyFactory(casefiles=[page], **{problem: EMPTY[problem]}, **fields)
    if problem == "no-web-consent":
        return TestimonyFactory(casefiles=[page], consent_web=False, **fields)
    if problem == "scope-elsewhere":
        return TestimonyFactory(casefiles=[CaseFilePageFactory(title="Autre dossier fictif")], **fields)
    if problem == "scope-empty":
        return TestimonyFactory(**fields)
    raise AssertionError(problem)


def linked_on_live_page(page):
    return CaseFileTestimony.objects.filter(page_id=page.pk).exists()


# Publication needs a complete consent record covering the case file ----------------------------


@pytest.mark.parametrize("problem", PROBLEMS)
def test_publishing_a_revision_showing_the_testimony_is_refused_naming_it(site_pages, problem):
    page = CaseFilePageFactory()
    live_revision_id = page.live_revision_id
    testimony = problem_testimony(problem, page, text="Témoignage fictif sans consentement complet.")
    revision = show_testimony(page, testimony, publish=False).latest_revision

    with translation.override("en"), pytest.raises(PublicationRefused) as refused:
        revision.publish()

    message = str(refused.value)
    assert reference(testimony) in message
    if problem in CONSENT_LABELS:
        assert CONSENT_LABELS[problem] in message
        assert not [label for name, label in CONSENT_LABELS.items() if name != problem and label in message]
    elif problem == "no-web-consent":
        assert "web" in message
    else:
        assert "cover" in message
    page.refresh_from_db()
    assert page.live_revision_id == live_revision_id
    assert not linked_on_live_page(page)
    assert testimony.text not in public_html(page.url)


def test_a_draft_case_file_showing_such_a_testimony_cannot_be_published_for_the_first_time(site_pages):
    page = CaseFilePageFactory(live=False)
    testimony = problem_testimony("withdrawal_contact", page)
    revision = show_testimony(page, testimony, publish=False).latest_revision

    with pytest.raises(PublicationRefused) as refused:
        revision.publish()

    assert reference(testimony) in str(refused.value)
    page.refresh_from_db()
    assert not page.live
    assert Client().get(page.url or f"/fr/dossiers/{page.slug}/").status_code == 404


def test_a_complete_consent_record_covering_the_case_file_lets_it_be_published(site_pages):
    page = CaseFilePageFactory()
    testimony = TestimonyFactory(casefiles=[page], text="Témoignage fictif Ornevalme publiable.")

    page = show_testimony(page, testimony)

    assert page.live_revision_id == page.latest_revision_id
    assert linked_on_live_page(page)
    assert "Ornevalme" in public_html(page.url)


@pytest.mark.parametrize("problem", PROBLEMS)
@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_the_admin_form_refuses_to_publish_or_submit_naming_the_testimony(site_pages, problem, action):
    # An administrator publishes; a community editor submits for review.
    user = role_user(None, "admin") if action == "action-publish" else role_user("Community editors", "ed")
    page = CaseFilePageFactory()
    revisions = (page.live_revision_id, page.latest_revision_id)
    testimony = problem_testimony(problem, page, text="Témoignage fictif Brumivax refusé.")

    response = client_for(user).post(edit_url(page), edit_form_data(page, [testimony], action))

    assert response.status_code == 200, response.get("Location")
    errors = " ".join(str(error) for error in response.context["form"].non_field_errors())
    assert reference(testimony) in errors
    assert reference(testimony) in body(response)
    page = CaseFilePage.objects.get(pk=page.pk)
    assert (page.live_revision_id, page.latest_revision_id) == revisions
    assert page.current_workflow_state is None
    assert not linked_on_live_page(page)
    assert "Brumivax" not in public_html(page.url)


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_the_admin_form_accepts_a_testimony_with_complete_consent(site_pages, action):
    user = role_user(None, "admin") if action == "action-publish" else role_user("Community editors", "ed")
    page = CaseFilePageFactory()
    testimony = TestimonyFactory(casefiles=[page], text="Témoignage fictif Calvenor accepté.")

    response = client_for(user).post(edit_url(page), edit_form_data(page, [testimony], action))

    assert response.status_code == 302, response.context and response.context["form"].errors
    page = CaseFilePage.objects.get(pk=page.pk)
    assert [link.testimony_id for link in page.latest_revision.as_object().testimony_links.all()] == [
        testimony.pk
    ]
    if action == "action-publish":
        assert linked_on_live_page(page)
        assert "Calvenor" in public_html(page.url)
    else:
        assert page.current_workflow_state is not None
        assert "Calvenor" not in public_html(page.url)


def test_saving_a_draft_is_allowed_but_publishing_it_is_not(site_pages):
    page = CaseFilePageFactory()
    testimony = problem_testimony("consent_text_version", page)
    admin = role_user(None, "admin")

    response = client_for(admin).post(edit_url(page), edit_form_data(page, [testimony]))

    assert response.status_code == 302
    page = CaseFilePage.objects.get(pk=page.pk)
    assert page.latest_revision_id != page.live_revision_id
    with pytest.raises(PublicationRefused):
        page.latest_revision.publish()
    assert not linked_on_live_page(page)


def test_consent_for_a_case_file_covers_its_translation_both_ways(site_pages):
    french = CaseFilePageFactory()
    english = translate_page(french, "en", title="Fictional case file", slug="fictional-case-file")
    for_english = TestimonyFactory(casefiles=[french], text="Fictional testimony Plumerath.", language="en")
    for_french = TestimonyFactory(casefiles=[english], text="Témoignage fictif Vaudrelon.")

    english = show_testimony(english, for_english)
    french = show_testimony(french, for_french)

    assert english.live_revision_id == english.latest_revision_id
    assert french.live_revision_id == french.latest_revision_id
    assert "Plumerath" in public_html(english.url)
    assert "Vaudrelon" in public_html(french.url)


def test_the_admin_form_accepts_a_testimony_whose_consent_names_the_translation(site_pages):
    french = CaseFilePageFactory()
    english = translate_page(french, "en", title="Fictional case file", slug="fictional-case-file")
    testimony = TestimonyFactory(casefiles=[french], text="Fictional testimony Quillabord.", language="en")

    response = client_for(role_user(None, "admin")).post(
        edit_url(english), edit_form_data(english, [testimony], "action-publish")
    )

    assert response.status_code == 302, response.context and response.context["form"].errors
    assert "Quillabord" in public_html(english.url)


# Names ------------------------------------------------------------------------------------------


@pytest.fixture
def named_testimonies(site_pages):
    """A case file and its translation showing an anonymous testimony (with a name wrongly stored,
    as an old record might hold), a pseudonymous one and a named one."""
    page = CaseFilePageFactory()
    anonymous = TestimonyFactory(
        casefiles=[page], identification="anonymous", display_name="Gertrudine Nomcache", context=""
    )
    pseudonym = TestimonyFactory(
        casefiles=[page], identification="pseudonym", display_name="Hibou Gris", context=""
    )
    named = TestimonyFactory(
        casefiles=[page], identification="named", display_name="Aline Fictive", context=""
    )
    for testimony in (anonymous, pseudonym, named):
        page = show_testimony(page, testimony)
    english = translate_page(page, "en", title="Fictional case file", slug="fictional-case-file")
    return SimpleNamespace(page=page, english=english, anonymous=anonymous, pseudonym=pseudonym, named=named)


def test_an_anonymous_testimony_shows_no_name_anywhere(named_testimonies):
    scene = named_testimonies
    for url in (scene.page.url, scene.english.url):
        html = public_html(url)
        assert scene.anonymous.text in html
        assert "Nomcache" not in html
        assert "Gertrudine" not in html
    for page in (scene.page, scene.english):
        records = {record["reference"]: record for record in api_testimonies(page)}
        assert records[reference(scene.anonymous)]["name"] == ""
        assert "Nomcache" not in str(api_detail(page))


def test_names_are_shown_as_the_person_chose(named_testimonies):
    scene = named_testimonies
    html = public_html(scene.english.url)
    assert figcaption(html, scene.anonymous) == "Anonymous testimony"
    assert figcaption(html, scene.pseudonym) == "Hibou Gris (pseudonym)"
    assert figcaption(html, scene.named) == "Aline Fictive"


def test_an_anonymous_testimony_is_labelled_in_the_french_interface(named_testimonies):
    caption = figcaption(public_html(named_testimonies.page.url), named_testimonies.anonymous)
    assert "anonyme" in caption.lower(), caption
    assert "Anonymous" not in caption


def test_the_model_rejects_a_name_on_an_anonymous_testimony(site_pages):
    anonymous = TestimonyFactory.build(identification="anonymous", display_name="Quelqu'un")
    with pytest.raises(ValidationError) as error:
        anonymous.full_clean()
    assert "display_name" in error.value.message_dict

    TestimonyFactory.build(identification="anonymous", display_name="").full_clean()


def test_the_admin_form_rejects_a_name_on_an_anonymous_testimony(site_pages):
    page = CaseFilePageFactory()
    client = client_for(role_user("Community editors", "ed"))
    url = reverse(StoredTestimony.snippet_viewset.get_url_name("add"))
    data = {
        "text": "Témoignage fictif saisi dans l'admin.",
        "language": "fr",
        "plain_text": "",
        "identification": "anonymous",
        "display_name": "Quelqu'un",
        "context": "",
        "image": "",
        "image_alt": "",
        "document": "",
        "consent_collected_by": "Intervenante fictive",
        "consent_collected_on": "2026-03-02",
        "consent_text_version": "2026-03",
        "consent_language": "fr",
        "consent_casefiles": [page.pk],
        "consent_web": "on",
        "consent_exports": "on",
        "withdrawal_contact": "retrait@example.org",
        "retention_until": "2031-03-02",
    }

    response = client.post(url, data)

    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors
    assert not StoredTestimony.objects.exists()

    response = client.post(url, {**data, "display_name": ""})
    assert response.status_code == 302
    assert StoredTestimony.objects.get().display_name == ""


# Consent details stay in the admin ------------------------------------------------------------


def test_consent_details_never_reach_a_visitor(site_pages, committed):
    collected_on = datetime.date(2019, 2, 27)
    keep_until = datetime.date(2039, 7, 14)
    secrets = [
        "Collectrice Varnoquille",
        "retrait-zebrolin@groupe-fictif.example.org",
        "514 555-0199",
        "CTV-QZ7W",
        *date_renderings(collected_on),
        *date_renderings(keep_until),
    ]
    page = committed(CaseFilePageFactory, title="Dossier fictif Sentoral")
    testimony = TestimonyFactory(
        casefiles=[page],
        text="Témoignage fictif Galimardeau.",
        consent_collected_by="Collectrice Varnoquille",
        consent_collected_on=collected_on,
        consent_text_version="CTV-QZ7W",
        withdrawal_contact="retrait-zebrolin@groupe-fictif.example.org, 514 555-0199",
        retention_until=keep_until,
    )
    page = committed(show_testimony, page, testimony)
    english = committed(translate_page, page, "en", title="Fictional case Sentoral", slug="sentoral")

    surfaces = {
        "page fr": public_html(page.url),
        "page en": public_html(english.url),
        "index fr": public_html(page.get_parent().url),
        "index en": public_html(english.get_parent().url),
        "search fr": html_search_results("Galimardeau", "fr"),
        "search en": html_search_results("Galimardeau", "en"),
        "search json fr": body(Client().get(SEARCH_API, {"q": "Galimardeau"})),
        "search json en": body(Client().get(SEARCH_API, {"q": "Galimardeau", "locale": "en"})),
        "csv": body(Client().get(CSV_URL)),
        "api list": str(api_casefiles()),
        "api detail fr": str(api_detail(page)),
        "api detail en": str(api_detail(english)),
    }
    # Each surface shows the case file, so a missing leak is not a missing page.
    for name, content in surfaces.items():
        assert "Sentoral" in content or page.public_id in content, name
    for name in ("page fr", "page en"):
        assert "Galimardeau" in surfaces[name]
    for name in ("search json fr", "search json en"):
        assert page.public_id in surfaces[name]
    leaks = [(name, secret) for name, content in surfaces.items() for secret in secrets if secret in content]
    assert leaks == []

    for casefile in (page, english):
        records = casefile.exportable_testimonies()
        assert [record["reference"] for record in records] == [reference(testimony)]
        assert set(records[0]) == PUBLIC_RECORD_KEYS
        assert not [secret for secret in secrets if secret in str(records)]


def test_without_consent_to_exports_a_testimony_is_on_the_page_but_not_in_the_api(site_pages):
    page = CaseFilePageFactory()
    web_only = TestimonyFactory(casefiles=[page], consent_exports=False, text="Témoignage fictif Pervanche.")
    exported = TestimonyFactory(casefiles=[page], text="Témoignage fictif Orgeval.")
    page = show_testimony(show_testimony(page, web_only), exported)

    assert "Pervanche" in public_html(page.url)
    assert [record["reference"] for record in page.exportable_testimonies()] == [reference(exported)]
    detail = api_detail(page)
    assert [record["reference"] for record in detail["exportable_testimonies"]] == [reference(exported)]
    assert "Pervanche" not in str(detail)
    assert "Pervanche" not in str(api_casefiles())
    assert "Orgeval" in str(api_casefiles())


# Withdrawal -------------------------------------------------------------------------------------


def withdraw_url(testimony):
    return reverse(StoredTestimony.snippet_viewset.get_url_name("withdraw"), args=[testimony.pk])


@pytest.fixture
def scene(site_pages, committed):
    """A published case file and its translation showing a testimony with a photo and a letter,
    next to another testimony that stays; the page has been republished since."""
    admin = role_user(None, "admin")
    reviewer = role_user("Reviewers", "reviewer")
    page = committed(CaseFilePageFactory, title="Dossier fictif du retrait")
    image = ImageFactory(title="Photo fictive du témoignage")
    document = DocumentFactory(title="Lettre fictive du témoignage")
    testimony = TestimonyFactory(
        casefiles=[page],
        text="Témoignage fictif Quenouillard, à retirer.",
        plain_text="Mot simple Tirelavent.",
        image=image,
        image_alt="Une photo fictive",
        document=document,
    )
    staying = TestimonyFactory(casefiles=[page], text="Témoignage fictif Bastelune, qui reste.")
    page = committed(show_testimony, page, testimony)
    page = committed(show_testimony, page, staying)
    english = committed(translate_page, page, "en", title="Fictional withdrawal case", slug="withdrawal")
    old_revision = page.live_revision
    page.change_note = "Correction fictive."
    committed(page.save_revision().publish)
    page = CaseFilePage.objects.get(pk=page.pk)
    public_html(page.url)  # a visitor's visit makes the image's renditions
    image.refresh_from_db()
    document.refresh_from_db()
    return SimpleNamespace(
        admin=admin,
        reviewer=reviewer,
        page=page,
        english=english,
        old_revision=old_revision,
        testimony=testimony,
        staying=staying,
        image=image,
        document=document,
        image_name=image.file.name,
        document_name=document.file.name,
        document_url=document.url,
        rendition_names=[rendition.file.name for rendition in image.renditions.all()],
        rendition_urls=[rendition.url for rendition in image.renditions.all()],
    )


@pytest.fixture
def withdraw(django_capture_on_commit_callbacks):
    def post(testimony, reason, user):
        with django_capture_on_commit_callbacks(execute=True):
            return client_for(user).post(withdraw_url(testimony), {"reason": reason})

    return post


@pytest.mark.parametrize("reason", ["", "   "])
def test_the_reason_is_required(scene, withdraw, reason):
    response = withdraw(scene.testimony, reason, scene.admin)

    assert response.status_code == 400
    assert "reason" in response.context["form"].errors
    scene.testimony.refresh_from_db()
    assert not scene.testimony.is_withdrawn
    assert "Quenouillard" in public_html(scene.page.url)
    assert not ModelLogEntry.objects.filter(action=WITHDRAW_ACTION).exists()


def test_withdrawal_removes_the_testimony_from_pages_search_and_api_at_once(scene, withdraw):
    words = ("Quenouillard", "Tirelavent")
    for url in (scene.page.url, scene.english.url):
        html = public_html(url)
        assert all(word in html for word in words)
    for word in words:
        for language in ("fr", "en"):
            assert scene.page.public_id in search_hits(word, language)
            assert scene.page.public_id in html_search_results(word, language)
    assert reference(scene.testimony) in str(api_testimonies(scene.page))
    live_revision_id = scene.page.live_revision_id

    response = withdraw(scene.testimony, "La personne a demandé le retrait.", scene.admin)

    assert response.status_code == 302
    for url in (scene.page.url, scene.english.url):
        html = public_html(url)
        assert not [word for word in words if word in html]
        assert "Bastelune" in html  # the other testimony stays
    for word in words:
        for language in ("fr", "en"):
            assert search_hits(word, language) == []
            assert scene.page.public_id not in html_search_results(word, language)
    assert scene.page.public_id in search_hits("Bastelune")
    for page in (scene.page, scene.english):
        records = api_testimonies(page)
        assert [record["reference"] for record in records] == [reference(scene.staying)]
        assert "Quenouillard" not in str(api_detail(page))
    assert "Quenouillard" not in str(api_casefiles())
    assert "Quenouillard" not in str(api_casefiles(search="Quenouillard"))
    page = CaseFilePage.objects.get(pk=scene.page.pk)
    assert page.live
    assert page.live_revision_id == live_revision_id
    assert not page.has_unpublished_changes


def test_withdrawal_takes_the_image_and_document_out_of_reach(scene, withdraw):
    assert scene.rendition_names, "the page made no rendition of the image"
    assert all(default_storage.exists(name) for name in scene.rendition_names)
    assert default_storage.exists(scene.image_name)
    assert default_storage.exists(scene.document_name)
    assert Client().get(scene.document_url).status_code == 200
    images_before = Client().get("/api/v2/images/", {"limit": 100}).json()["items"]
    documents_before = Client().get("/api/v2/documents/", {"limit": 100}).json()["items"]
    assert scene.image.pk in [item["id"] for item in images_before]
    assert scene.document.pk in [item["id"] for item in documents_before]

    withdraw(scene.testimony, "La personne a demandé le retrait.", scene.admin)

    assert not [name for name in scene.rendition_names if default_storage.exists(name)]
    assert not default_storage.exists(scene.image_name)
    assert not default_storage.exists(scene.document_name)
    for user in (None, scene.reviewer, role_user("Community editors", "editor")):
        response = client_for(user).get(scene.document_url)
        assert response.status_code != 200, user
        assert "%PDF" not in body(response)
    html = public_html(scene.page.url)
    for address in [*scene.rendition_urls, scene.document_url]:
        assert address not in html
    for endpoint, obj in (("/api/v2/images/", scene.image), ("/api/v2/documents/", scene.document)):
        items = Client().get(endpoint, {"limit": 100}).json()["items"]
        assert obj.pk not in [item["id"] for item in items], endpoint
        assert Client().get(f"{endpoint}{obj.pk}/").status_code == 404, endpoint


def test_withdrawal_logs_no_error(scene, withdraw, caplog):
    """Deleting the renditions must not leave Wagtail a file-deletion task that fails."""
    with caplog.at_level(logging.WARNING):
        response = withdraw(scene.testimony, "La personne a demandé le retrait.", scene.admin)

    assert response.status_code == 302
    errors = [
        f"{record.name}: {record.getMessage()}"
        for record in caplog.records
        if record.levelno >= logging.ERROR
    ]
    assert errors == []


def test_an_administrator_preview_does_not_bring_back_the_old_image_addresses(scene, withdraw):
    withdraw(scene.testimony, "La personne a demandé le retrait.", scene.admin)
    preview = reverse("wagtailadmin_pages:revisions_view", args=[scene.page.pk, scene.old_revision.pk])

    assert client_for(scene.admin).get(preview).status_code == 200

    assert not [name for name in scene.rendition_names if default_storage.exists(name)]
    assert not default_storage.exists(scene.image_name)


def test_withdrawn_testimonies_leave_the_snippet_admin_and_chooser_of_non_superusers(scene, withdraw):
    viewset = StoredTestimony.snippet_viewset
    edit = reverse(viewset.get_url_name("edit"), args=[scene.testimony.pk])
    listing = reverse(viewset.get_url_name("list"))
    chooser = reverse(viewset.chooser_viewset.get_url_name("choose"))
    reviewer, admin = client_for(scene.reviewer), client_for(scene.admin)
    ref = reference(scene.testimony)
    assert reviewer.get(edit).status_code == 200
    assert ref in body(reviewer.get(listing))
    assert ref in body(reviewer.get(chooser))

    withdraw(scene.testimony, "La personne a demandé le retrait.", scene.admin)

    assert reviewer.get(edit).status_code == 404
    assert ref not in body(reviewer.get(listing))
    assert reference(scene.staying) in body(reviewer.get(listing))
    assert ref not in body(reviewer.get(chooser))
    assert reviewer.get(withdraw_url(scene.testimony)).status_code == 404
    assert ref in body(admin.get(listing))
    assert admin.get(edit).status_code == 200
    assert ref not in body(admin.get(chooser))
    assert reference(scene.staying) in body(admin.get(chooser))


def test_an_old_revision_preview_shows_it_to_administrators_only_marked_withdrawn(scene, withdraw):
    preview = reverse("wagtailadmin_pages:revisions_view", args=[scene.page.pk, scene.old_revision.pk])
    assert "Quenouillard" in body(client_for(scene.reviewer).get(preview))

    withdraw(scene.testimony, "La personne a demandé le retrait.", scene.admin)

    response = client_for(scene.admin).get(preview)
    assert response.status_code == 200
    figure = BeautifulSoup(response.content, "html.parser").find(id=f"testimony-{scene.testimony.pk}")
    assert figure is not None
    assert "Quenouillard" in figure.get_text()
    assert "testimony--withdrawn" in figure.get("class", [])
    assert "Withdrawn" in figure.get_text() or "Retiré" in figure.get_text()
    response = client_for(scene.reviewer).get(preview)
    assert response.status_code == 200
    assert "Quenouillard" not in body(response)
    assert "Bastelune" in body(response)


def test_the_withdrawal_is_recorded_with_user_time_and_reason(scene, withdraw):
    before = timezone.now()
    withdraw(scene.testimony, "La personne a demandé le retrait par téléphone.", scene.admin)
    after = timezone.now()

    entries = ModelLogEntry.objects.filter(action=WITHDRAW_ACTION)
    assert entries.count() == 1
    entry = entries.get()
    assert entry.object_id == str(scene.testimony.pk)
    assert entry.content_type.model_class() is StoredTestimony
    assert entry.user_id == scene.admin.pk
    assert before <= entry.timestamp <= after
    assert entry.data["reason"] == "La personne a demandé le retrait par téléphone."
    scene.testimony.refresh_from_db()
    assert scene.testimony.withdrawn_by_id == scene.admin.pk
    assert before <= scene.testimony.withdrawn_at <= after


def test_withdrawing_twice_is_harmless(scene, withdraw):
    withdraw(scene.testimony, "Première demande.", scene.admin)
    scene.testimony.refresh_from_db()
    scene.image.refresh_from_db()
    first = (scene.testimony.withdrawn_at, scene.testimony.withdrawal_reason, scene.image.file.name)

    response = withdraw(scene.testimony, "Seconde demande.", scene.admin)
    assert response.status_code == 302
    assert withdraw_testimony(scene.testimony, "Encore une fois.", scene.admin) is False

    scene.testimony.refresh_from_db()
    scene.image.refresh_from_db()
    assert (scene.testimony.withdrawn_at, scene.testimony.withdrawal_reason, scene.image.file.name) == first
    assert ModelLogEntry.objects.filter(action=WITHDRAW_ACTION).count() == 1
    assert "Quenouillard" not in public_html(scene.page.url)
    assert CaseFilePage.objects.get(pk=scene.page.pk).live


# Retention --------------------------------------------------------------------------------------


def test_apply_retention_withdraws_only_testimonies_past_their_date(site_pages, committed):
    today = timezone.localdate()
    page = committed(CaseFilePageFactory)
    expired = TestimonyFactory(
        casefiles=[page],
        text="Témoignage fictif Surannelle.",
        retention_until=today - datetime.timedelta(days=1),
    )
    due_today = TestimonyFactory(casefiles=[page], text="Témoignage fictif Jourmeme.", retention_until=today)
    future = TestimonyFactory(
        casefiles=[page],
        text="Témoignage fictif Lointaine.",
        retention_until=today + datetime.timedelta(days=1),
    )
    earlier = TestimonyFactory(
        casefiles=[page],
        text="Témoignage fictif Anterieure.",
        retention_until=today - datetime.timedelta(days=90),
    )
    for testimony in (expired, due_today, future, earlier):
        page = committed(show_testimony, page, testimony)
    admin = role_user(None, "admin")
    committed(withdraw_testimony, earlier, "Demande de la personne.", admin)
    assert page.public_id in search_hits("Surannelle")

    output = io.StringIO()
    committed(call_command, "apply_retention", stdout=output)

    assert reference(expired) in output.getvalue()
    assert not [
        reference(other) for other in (due_today, future, earlier) if reference(other) in output.getvalue()
    ]
    for testimony in (expired, due_today, future, earlier):
        testimony.refresh_from_db()
    assert expired.is_withdrawn
    assert not due_today.is_withdrawn
    assert not future.is_withdrawn
    assert earlier.withdrawal_reason == "Demande de la personne."
    assert earlier.withdrawn_by_id == admin.pk
    entry = ModelLogEntry.objects.get(action=WITHDRAW_ACTION, object_id=str(expired.pk))
    assert "retention" in entry.data["reason"].lower()
    assert entry.user_id is None
    html = public_html(page.url)
    assert "Surannelle" not in html
    assert "Jourmeme" in html
    assert "Lointaine" in html
    assert search_hits("Surannelle") == []

    withdrawn_at = expired.withdrawn_at
    entries = ModelLogEntry.objects.filter(action=WITHDRAW_ACTION).count()
    output = io.StringIO()
    committed(call_command, "apply_retention", stdout=output)

    assert reference(expired) not in output.getvalue()
    assert ModelLogEntry.objects.filter(action=WITHDRAW_ACTION).count() == entries
    expired.refresh_from_db()
    assert expired.withdrawn_at == withdrawn_at
    assert not StoredTestimony.objects.get(pk=due_today.pk).is_withdrawn
