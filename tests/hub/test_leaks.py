"""Nothing a visitor may not read reaches a public surface: drafts, pages in review, draft
revisions of live pages, private pages, withdrawn testimonies and consent records stay out of
the HTML pages, the items' share images (their text chunks), the search page, the JSON search,
the CSV download, Wagtail's API v2 and the sitemap. Each secret carries a word found nowhere
else; one loop looks for every word on every surface, and the same surfaces must show the
published control items, so that a surface that answers nothing cannot pass for a surface that
leaks nothing."""

import datetime
import json
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import PageViewRestriction, Workflow

from impacts.models import CaseFilePage, CaseFileTestimony
from impacts.testimonies import withdraw_testimony
from search.backends import get_backend
from search.index import rebuild_index
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DocumentFactory,
    ImageFactory,
    PageViewRestrictionFactory,
    TestimonyFactory,
    paragraph,
    role_user,
    show_testimony,
)

pytestmark = pytest.mark.django_db

SEARCH_API = "/api/v1/search/"
CSV_URL = "/api/v1/casefiles.csv"
SEARCH_PAGE = {"fr": "/fr/recherche/", "en": "/en/search/"}
INDEXES = {
    "casefile": "impacts.CaseFileIndexPage",
    "brief": "advocacy.AdvocacyBriefIndexPage",
    "agreement": "advocacy.CollaborationAgreementIndexPage",
}
API_TYPES = {
    "casefile": "impacts.CaseFilePage",
    "brief": "advocacy.AdvocacyBriefPage",
    "agreement": "advocacy.CollaborationAgreementPage",
}
COLLECTED_ON = datetime.date(2019, 2, 27)
KEEP_UNTIL = datetime.date(2039, 7, 14)

# Words only the secrets hold. Each is searched for on every surface that searches.
SECRET_WORDS = {
    "draft case file": "Brouillonix",
    "draft brief": "Brouillbref",
    "draft agreement": "Brouillentente",
    "new page in review": "Revuenouveau",
    "revision in review of a live page": "Revuemodif",
    "draft revision of a live page": "Brouillonmodif",
    "testimony linked only in a draft revision": "Temoinbrouillon",
    "private case file": "Privatix",
    "testimony on a private case file": "Temoinprive",
    "private brief": "Privebref",
    "login-only agreement": "Priventente",
    "withdrawn testimony": "Retirix",
    "withdrawn testimony's plain version": "Retirsimple",
    "withdrawn testimony's pseudonym": "Pseudoretrait",
    "withdrawn testimony's context": "Retraitlieu",
    "withdrawn testimony's image": "Imageretiree",
    "withdrawn testimony's document": "Documentretire",
    "reason for the withdrawal": "Motifretrait",
    "testimony whose web consent was taken back": "Sansweb",
    "testimony whose consent no longer covers the case file": "Horsportee",
    "name stored on an anonymous testimony": "Nomanonymix",
    "consent collected by": "Collectrix",
    "withdrawal contact": "contactix",
    "consent text version": "Versionix",
}


def date_renderings(date):
    months_fr = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    return [
        date.isoformat(),
        date.strftime("%d/%m/%Y"),
        date.strftime("%m/%d/%Y"),
        date.strftime("%d.%m.%Y"),
        f"{date.day} {months_fr.split()[date.month - 1]} {date.year}",
        f"{date.strftime('%B')} {date.day}, {date.year}",
        f"{date.strftime('%b')}. {date.day}, {date.year}",
        f"{date.strftime('%b')} {date.day}, {date.year}",
    ]


# Secrets that are not searchable words: consent dates in every likely rendering.
SECRET_STRINGS = {
    **{f"consent collected on ({text})": text for text in date_renderings(COLLECTED_ON)},
    **{f"retention date ({text})": text for text in date_renderings(KEEP_UNTIL)},
}
SECRETS = {**SECRET_WORDS, **SECRET_STRINGS}

# What the published control items hold.
CONTROL_CASEFILE = "Controlix"
CONTROL_TESTIMONY = "Temoinvisible"
CONTROL_BRIEF = "Controlbref"
CONTROL_AGREEMENT = "Controlentente"
CONTROL_IMAGE = "Imagetemoin"
CONTROL_DOCUMENT = "Documenttemoin"


@dataclass
class Surface:
    """One public answer: ``content`` must hold every string of ``expected`` and no secret. With
    ``empty`` True it must list nothing (a search for a secret word), with False something."""

    name: str
    response: object
    expected: list = field(default_factory=list)
    empty: bool | None = None
    content: str | None = None

    def __post_init__(self):
        if self.content is None:
            self.content = text(self.response)


def text(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def fetch(path, params=None):
    """A visitor's GET: never logged in, never with a session of an earlier request."""
    return Client().get(path, params or {})


@pytest.fixture
def world(site_pages, django_capture_on_commit_callbacks):
    """Published control items, and every kind of secret next to them. Everything is saved as
    editors would, with the index updates run when each change commits."""
    with django_capture_on_commit_callbacks(execute=True):
        editor = role_user("Community editors", "editor")
        admin = role_user(None, "admin")
        review = Workflow.objects.get(name="Community review")
        pages = {}

        def shared(marker):
            return {
                "summary": f"Résumé fictif {marker}.",
                "plain_summary": f"Résumé simple {marker}.",
                "body": [paragraph(f"Récit fictif {marker}.")],
            }

        # Drafts, never published.
        pages["draft"] = CaseFilePageFactory(title="Dossier Brouillonix", live=False, **shared("Brouillonix"))
        pages["draft brief"] = AdvocacyBriefPageFactory(
            title="Mémoire Brouillbref",
            live=False,
            summary="Résumé Brouillbref.",
            plain_summary="Simple Brouillbref.",
            body=[paragraph("Récit Brouillbref.")],
        )
        pages["draft agreement"] = CollaborationAgreementPageFactory(
            title="Entente Brouillentente",
            live=False,
            summary="Résumé Brouillentente.",
            plain_summary="Simple Brouillentente.",
            scope="Portée Brouillentente.",
        )

        # A new page submitted for review, and a new version of a live page in review.
        pages["in review"] = CaseFilePageFactory(
            title="Dossier Revuenouveau", live=False, **shared("Revuenouveau")
        )
        review.start(pages["in review"], editor)
        pages["live in review"] = CaseFilePageFactory(title="Dossier publié en relecture")
        revised = CaseFilePage.objects.get(pk=pages["live in review"].pk)
        revised.title = "Dossier Revuemodif"
        revised.summary = "Résumé Revuemodif."
        revised.body = [paragraph("Récit Revuemodif.")]
        revised.save_revision(user=editor)
        review.start(revised, editor)

        # A draft revision of a live page, which also links a new testimony.
        pages["live with draft"] = CaseFilePageFactory(title="Dossier publié avec brouillon")
        draft_only = TestimonyFactory(
            casefiles=[pages["live with draft"]], text="Témoignage Temoinbrouillon du brouillon."
        )
        drafted = CaseFilePage.objects.get(pk=pages["live with draft"].pk)
        drafted.title = "Dossier Brouillonmodif"
        drafted.summary = "Résumé Brouillonmodif."
        drafted.plain_summary = "Simple Brouillonmodif."
        drafted.body = [paragraph("Récit Brouillonmodif.")]
        drafted.testimony_links.add(CaseFileTestimony(testimony=draft_only))
        drafted.save_revision(user=editor)

        # Private pages: password, password with a testimony, login only.
        pages["private"] = CaseFilePageFactory(title="Dossier Privatix", **shared("Privatix"))
        private_testimony = TestimonyFactory(
            casefiles=[pages["private"]], text="Témoignage Temoinprive sur un dossier privé."
        )
        pages["private"] = show_testimony(pages["private"], private_testimony)
        PageViewRestrictionFactory(page=pages["private"])
        pages["private brief"] = AdvocacyBriefPageFactory(
            title="Mémoire Privebref",
            summary="Résumé Privebref.",
            plain_summary="Simple Privebref.",
            body=[paragraph("Récit Privebref.")],
        )
        PageViewRestrictionFactory(page=pages["private brief"])
        pages["private agreement"] = CollaborationAgreementPageFactory(
            title="Entente Priventente",
            summary="Résumé Priventente.",
            plain_summary="Simple Priventente.",
            scope="Portée Priventente.",
        )
        PageViewRestriction.objects.create(page=pages["private agreement"], restriction_type="login")

        # A withdrawn testimony, with a photo and a letter.
        pages["withdrawal"] = CaseFilePageFactory(title="Dossier publié dont un témoignage est retiré")
        withdrawn = TestimonyFactory(
            casefiles=[pages["withdrawal"]],
            text="Témoignage Retirix, que la personne a retiré.",
            plain_text="Mot simple Retirsimple.",
            display_name="Pseudoretrait",
            context="Personne fictive, Retraitlieu",
            image=ImageFactory(title="Imageretiree"),
            image_alt="Une photo fictive",
            document=DocumentFactory(title="Documentretire"),
            consent_collected_by="Collectrix Retrait",
            withdrawal_contact="retrait-contactix@groupe-fictif.example.org",
            consent_text_version="Versionix-2",
        )
        pages["withdrawal"] = show_testimony(pages["withdrawal"], withdrawn)
        Client().get(pages["withdrawal"].url)  # its image has renditions before the withdrawal
        withdraw_testimony(withdrawn, "Motifretrait : la personne a changé d'avis.", admin)

        # Testimonies whose consent changed after publication.
        pages["consent changed"] = CaseFilePageFactory(title="Dossier publié dont le consentement a changé")
        no_web = TestimonyFactory(casefiles=[pages["consent changed"]], text="Témoignage Sansweb.")
        out_of_scope = TestimonyFactory(casefiles=[pages["consent changed"]], text="Témoignage Horsportee.")
        pages["consent changed"] = show_testimony(
            show_testimony(pages["consent changed"], no_web), out_of_scope
        )
        no_web.consent_web = False
        no_web.save()
        out_of_scope.consent_casefiles.set([pages["draft"]])
        out_of_scope.save()

        # The published controls, created last so the home page lists them.
        control_brief = AdvocacyBriefPageFactory(
            title="Mémoire Controlbref", summary="Résumé Controlbref.", plain_summary="Simple Controlbref."
        )
        control_agreement = CollaborationAgreementPageFactory(
            title="Entente Controlentente",
            summary="Résumé Controlentente.",
            plain_summary="Simple Controlentente.",
        )
        control = CaseFilePageFactory(title="Dossier Controlix", **shared("Controlix"))
        control_testimony = TestimonyFactory(
            casefiles=[control],
            text="Témoignage Temoinvisible, publié avec consentement.",
            image=ImageFactory(title="Imagetemoin"),
            image_alt="Une photo fictive",
            document=DocumentFactory(title="Documenttemoin"),
            consent_collected_by="Collectrix Témoin",
            consent_collected_on=COLLECTED_ON,
            consent_text_version="Versionix-1",
            withdrawal_contact="temoin-contactix@groupe-fictif.example.org",
            retention_until=KEEP_UNTIL,
        )
        anonymous = TestimonyFactory(
            casefiles=[control],
            identification="anonymous",
            display_name="Nomanonymix",
            text="Témoignage anonyme fictif.",
        )
        control = show_testimony(show_testimony(control, control_testimony), anonymous)

    return SimpleNamespace(
        pages={name: page.specific_class.objects.get(pk=page.pk) for name, page in pages.items()},
        control=control,
        control_brief=control_brief,
        control_agreement=control_agreement,
        control_testimony=control_testimony,
        withdrawn=withdrawn,
    )


def item_type(page):
    return {"CF": "casefile", "BR": "brief", "AC": "agreement"}[page.public_id[:2]]


def page_surfaces(world, site_pages):
    """Every HTML page a visitor can ask for, with what each must show."""
    surfaces = []
    for language in ("fr", "en"):
        home_expected = [CONTROL_CASEFILE, CONTROL_BRIEF, CONTROL_AGREEMENT]
        surfaces.append(Surface(f"home {language}", fetch(f"/{language}/"), home_expected))
        controls = {"casefile": CONTROL_CASEFILE, "brief": CONTROL_BRIEF, "agreement": CONTROL_AGREEMENT}
        for kind, index_model in INDEXES.items():
            index = site_pages[language][index_model]
            surfaces.append(Surface(f"{kind} index {language}", fetch(index.url), [controls[kind]]))
        surfaces.append(Surface(f"search page {language}", fetch(SEARCH_PAGE[language]), [CONTROL_CASEFILE]))
    pages = {**world.pages, "control": world.control}
    for name, page in pages.items():
        expected = []
        if name == "control":
            expected = [CONTROL_CASEFILE, CONTROL_TESTIMONY, "Anonymous testimony"]
        elif page.live and not page.get_view_restrictions().exists():
            expected = [page.title]  # the published version of a page with secrets around it
        for language in ("fr", "en"):
            index = site_pages[language][INDEXES[item_type(page)]]
            url = index.item_url(page)
            response = fetch(url)
            if response.status_code in (301, 302):
                response = fetch(response["Location"])
            # The anonymous label in the English interface; the French one is checked in
            # tests/impacts/test_testimonies.py.
            wanted = [word for word in expected if language == "en" or word != "Anonymous testimony"]
            surfaces.append(Surface(f"{name} page {language} ({url})", response, wanted))
            # The share image says the live title in its text chunks; a secret item has none.
            image = fetch(f"/{language}/share/{page.public_id}.png")
            surfaces.append(Surface(f"{name} share image {language}", image, expected[:1]))
    return surfaces


def feed_surfaces(world):
    """The JSON search, the CSV, the API v2 and the sitemap, without any query."""
    every_type = [CONTROL_CASEFILE, CONTROL_BRIEF, CONTROL_AGREEMENT]
    surfaces = [
        Surface(
            f"JSON search {language}",
            fetch(SEARCH_API, {"locale": language, "page_size": 100}),
            [world.control.public_id, *every_type],
        )
        for language in ("fr", "en")
    ]
    surfaces.append(Surface("CSV", fetch(CSV_URL), [world.control.public_id, CONTROL_CASEFILE]))
    surfaces.append(Surface("API pages", fetch("/api/v2/pages/", {"fields": "*", "limit": 100}), every_type))
    controls = {
        "casefile": [CONTROL_CASEFILE, CONTROL_TESTIMONY],
        "brief": [CONTROL_BRIEF],
        "agreement": [CONTROL_AGREEMENT],
    }
    for kind, model in API_TYPES.items():
        response = fetch("/api/v2/pages/", {"type": model, "fields": "*", "limit": 100})
        surfaces.append(Surface(f"API pages of type {model}", response, controls[kind]))
    for name, page in {**world.pages, "control": world.control}.items():
        expected = [CONTROL_CASEFILE, CONTROL_TESTIMONY] if name == "control" else []
        response = fetch(f"/api/v2/pages/{page.pk}/", {"fields": "*"})
        surfaces.append(Surface(f"API page detail of {name}", response, expected))
    surfaces.append(Surface("API images", fetch("/api/v2/images/", {"limit": 100}), [CONTROL_IMAGE]))
    surfaces.append(Surface("API documents", fetch("/api/v2/documents/", {"limit": 100}), [CONTROL_DOCUMENT]))
    image, document = world.withdrawn.image, world.withdrawn.document
    surfaces.append(Surface("API withdrawn image", fetch(f"/api/v2/images/{image.pk}/")))
    surfaces.append(Surface("API withdrawn document", fetch(f"/api/v2/documents/{document.pk}/")))
    sitemap = fetch("/sitemap.xml")
    if sitemap.status_code == 404:
        surfaces.append(Surface("sitemap (not found)", sitemap))
    else:
        surfaces.append(Surface("sitemap", sitemap, [world.control.slug]))
    return surfaces


def result_list(response):
    """The listed results of the HTML search page; the query itself is echoed elsewhere on it."""
    results = BeautifulSoup(response.content, "html.parser").select_one(".search-results .result-list")
    return str(results) if results is not None else ""


def search_surfaces(word, expected=None):
    """Every surface that searches, asked for ``word``. Without ``expected`` (a secret word) each
    must list nothing; otherwise those named in ``expected`` must list what it gives."""
    secret = not expected
    expected = expected or {}

    def surface(name, key, response, **kwargs):
        empty = True if secret else (False if key in expected else None)
        return Surface(name, response, expected.get(key, []), empty, **kwargs)

    surfaces = []
    for language in ("fr", "en"):
        surfaces.append(
            surface(
                f"JSON search {language} q={word}", "json", fetch(SEARCH_API, {"q": word, "locale": language})
            )
        )
        response = fetch(SEARCH_PAGE[language], {"q": word})
        surfaces.append(
            surface(f"search page {language} q={word}", "html", response, content=result_list(response))
        )
    surfaces.append(surface(f"CSV q={word}", "csv", fetch(CSV_URL, {"q": word})))
    surfaces.append(
        surface(f"API pages search={word}", "api", fetch("/api/v2/pages/", {"search": word, "fields": "*"}))
    )
    for endpoint in ("images", "documents"):
        response = fetch(f"/api/v2/{endpoint}/", {"search": word})
        surfaces.append(surface(f"API {endpoint} search={word}", endpoint, response))
    return surfaces


def lists_something(surface):
    """Whether a search surface lists any result."""
    name, content = surface.name, surface.content
    if name.startswith("JSON"):
        return bool(json.loads(content)["results"])
    if name.startswith("search page"):
        return bool(content.strip())
    if name.startswith("CSV"):
        return len([line for line in content.splitlines() if line.strip()]) > 1
    if name.startswith("API"):
        return bool(json.loads(content)["items"])
    raise AssertionError(f"not a search surface: {name}")


def every_surface(world, site_pages):
    surfaces = page_surfaces(world, site_pages) + feed_surfaces(world)
    for word in SECRET_WORDS.values():
        surfaces += search_surfaces(word)
    control_id = world.control.public_id
    surfaces += search_surfaces(
        CONTROL_CASEFILE,
        {"json": [control_id], "html": [CONTROL_CASEFILE], "csv": [control_id], "api": [CONTROL_CASEFILE]},
    )
    surfaces += search_surfaces(
        CONTROL_TESTIMONY, {"json": [control_id], "html": [CONTROL_CASEFILE], "csv": [control_id]}
    )
    surfaces += search_surfaces(CONTROL_IMAGE, {"images": [CONTROL_IMAGE]})
    surfaces += search_surfaces(CONTROL_DOCUMENT, {"documents": [CONTROL_DOCUMENT]})
    return surfaces


def problems_on(surfaces, secrets=SECRETS):
    """What each surface shows that it must not, or lacks that it must show. A surface without a
    response (a file) is read as its content alone."""
    problems = []
    for surface in surfaces:
        if surface.response is not None and surface.response.status_code >= 500:
            problems.append(f"{surface.name}: answers {surface.response.status_code}")
            continue
        for secret_name, secret in secrets.items():
            if secret in surface.content:
                problems.append(f"{surface.name}: shows the {secret_name} ({secret!r})")
        for wanted in surface.expected:
            if wanted not in surface.content:
                problems.append(f"{surface.name}: does not show the control {wanted!r}")
        if surface.empty is True and lists_something(surface):
            problems.append(f"{surface.name}: lists a result for a secret word")
        if surface.empty is False and not lists_something(surface):
            problems.append(f"{surface.name}: lists nothing for a control word")
    return problems


def test_no_secret_reaches_any_public_surface(world, site_pages):
    surfaces = every_surface(world, site_pages)

    assert len(surfaces) > 100
    problems = problems_on(surfaces)
    assert problems == [], "\n".join(problems)


def test_no_secret_reaches_any_public_surface_after_the_index_is_rebuilt(world, site_pages):
    rebuild_index(get_backend())

    problems = problems_on(every_surface(world, site_pages))
    assert problems == [], "\n".join(problems)


def test_the_secrets_exist_where_editors_and_administrators_look(world):
    """The secret words are really in the database, so their absence above means something."""
    draft = world.pages["live with draft"]
    assert "Brouillonmodif" in draft.get_latest_revision_as_object().title
    assert "Temoinbrouillon" in str(
        [link.testimony.text for link in draft.get_latest_revision_as_object().testimony_links.all()]
    )
    in_review = world.pages["live in review"]
    assert in_review.current_workflow_state is not None
    assert "Revuemodif" in in_review.get_latest_revision_as_object().title
    assert world.pages["in review"].current_workflow_state is not None
    world.withdrawn.refresh_from_db()
    assert world.withdrawn.is_withdrawn
    assert world.pages["private"].get_view_restrictions().exists()
    assert world.pages["private agreement"].get_view_restrictions().exists()
    assert world.control_testimony.consent_collected_by == "Collectrix Témoin"
