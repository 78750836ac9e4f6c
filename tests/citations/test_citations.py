"""Permanent, citable items: ``/cite/<id>/``, the cite box, the reference downloads and the
JSON-LD of item pages.

Expectations are worked out from the pages themselves (their title, id, dates, authors), never
from ``citations``; downloads are read back with a BibTeX parser, line by line for RIS, and
against the CSL specification's own lists of item types and variables for CSL-JSON."""

import datetime
import json
import re
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import bibtexparser
import citeproc
import jsonschema
import lxml.html
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page

import citations.templatetags.citation_tags as citation_tags
from advocacy.models import AdvocacyBriefPage, BriefAuthor, CollaborationAgreementPage
from citations.citable import CitableItem
from hub.models import DemoMarker, Region, Risk, Service, StandardPage
from impacts.models import CaseFilePage
from tests.factories import (
    AdvocacyBriefPageFactory,
    AgreementPartyFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    PageViewRestrictionFactory,
    locale,
    translate_page,
)

TORONTO = ZoneInfo("America/Toronto")
FIRST_PUBLISHED = datetime.datetime(2024, 5, 6, 12, 0, tzinfo=TORONTO)
LAST_PUBLISHED = datetime.datetime(2025, 9, 10, 12, 0, tzinfo=TORONTO)
# Every character BibTeX and HTML treat specially, in a title an editor could type.
AWKWARD_TITLE = "Tri à 50 % & plus : {règles} #1_a ~ $ <script>alert(1)</script>"
KIND_BY_LANGUAGE = {
    "casefile": {"fr": "Dossier", "en": "Case file"},
    "brief": {"fr": "Mémoire", "en": "Advocacy brief"},
    "agreement": {"fr": "Entente de collaboration", "en": "Collaboration agreement"},
}
CITEPROC_SCHEMA_DIR = Path(citeproc.__file__).parent / "data" / "schema" / "schemas" / "styles"


def cite_url(page):
    return f"http://testserver/cite/{page.public_id}/"


def dated(page, first=FIRST_PUBLISHED, last=LAST_PUBLISHED):
    """The page as if first published on ``first`` and last revised on ``last``."""
    type(page).objects.filter(pk=page.pk).update(first_published_at=first, last_published_at=last)
    return type(page).objects.get(pk=page.pk)


def fallback_url(page, language="en"):
    """Where a reader of ``language`` reads an untranslated ``page``: the index's own route."""
    index = Page.objects.get(
        translation_key=page.get_parent().translation_key, locale__language_code=language
    )
    return f"{index.url}{page.public_id}/"


def download(client, page, format_name, **params):
    response = client.get(f"/cite/{page.public_id}/", {"format": format_name, **params})
    assert response.status_code == 200, response.content
    return response


def parse_bibtex(text):
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    assert len(library.entries) == 1
    return library.entries[0]


RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")


def parse_ris(text):
    """``[(tag, value)]``; every line must follow the RIS format, end with CRLF, and the record
    must open with TY and close with ER."""
    assert text.endswith("\r\n")
    lines = text[:-2].split("\r\n")
    pairs = []
    for line in lines:
        match = RIS_LINE.match(line)
        assert match, f"not a RIS line: {line!r}"
        pairs.append((match[1], match[2]))
    assert pairs[0][0] == "TY" and pairs[-1] == ("ER", "")
    return pairs


def ris_values(pairs, tag):
    return [value for name, value in pairs if name == tag]


def rnc_choices(filename, name):
    """The quoted values of the pattern ``name`` in one of the CSL schema files shipped with
    citeproc-py (the specification's own list of item types or variables)."""
    text = (CITEPROC_SCHEMA_DIR / filename).read_text()
    start = text.index(f"\n  {name} =")
    end = text.find("\n\n", start + 1)
    block = text[start : end if end != -1 else None]
    return re.findall(r'"([^"]+)"', block)


def csl_data_schema():
    """A JSON schema of CSL-JSON item lists built from the CSL 1.0 schema files: an item has an
    id and one of the specification's types, and only the specification's variables, dates as
    date-parts, names as name objects."""
    dates = rnc_choices("csl-variables.rnc", "variables.dates")
    names = rnc_choices("csl-variables.rnc", "variables.names")
    numbers = rnc_choices("csl-variables.rnc", "variables.numbers")
    strings = rnc_choices("csl-variables.rnc", "variables.strings") + rnc_choices(
        "csl-variables.rnc", "variables.titles"
    )
    types = rnc_choices("csl-types.rnc", "item-types")
    assert "report" in types and "title" in strings and "issued" in dates and "author" in names
    date = {
        "type": "object",
        "properties": {
            "date-parts": {
                "type": "array",
                "minItems": 1,
                "maxItems": 2,
                "items": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 3,
                    "items": {"type": ["integer", "string"]},
                },
            },
            "literal": {"type": "string"},
            "raw": {"type": "string"},
        },
        "additionalProperties": False,
    }
    name = {
        "type": "object",
        "properties": {
            part: {"type": "string"}
            for part in ("family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle")
        },
        "additionalProperties": False,
        "minProperties": 1,
    }
    properties = {"id": {"type": ["string", "number"]}, "type": {"enum": types}}
    properties.update(dict.fromkeys(dates, date))
    properties.update({variable: {"type": "array", "items": name} for variable in names})
    properties.update({variable: {"type": ["string", "number"]} for variable in numbers})
    properties.update({variable: {"type": "string"} for variable in strings})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "array",
        "items": {
            "type": "object",
            "required": ["id", "type"],
            "properties": properties,
            "additionalProperties": False,
        },
    }


def html_of(response):
    return lxml.html.fromstring(response.content.decode())


def json_ld_of(document):
    scripts = document.xpath('//head/script[@type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def cite_box_of(document):
    boxes = document.xpath('//section[contains(concat(" ", @class, " "), " cite-box ")]')
    assert len(boxes) == 1
    return boxes[0]


def label(model, key, language):
    return model.objects.get(key=key, locale__language_code=language).label


# --- /cite/<id>/ redirects -------------------------------------------------------------------


@pytest.mark.django_db
class TestPermanentAddress:
    def test_redirects_permanently_to_the_french_page_by_default(self, client, site_pages):
        page = CaseFilePageFactory()
        response = client.get(f"/cite/{page.public_id}/")
        assert response.status_code == 301
        assert response["Location"] == page.url
        assert client.get(response["Location"]).status_code == 200

    def test_follows_the_browser_language_to_the_translation(self, client, site_pages):
        page = CaseFilePageFactory()
        english = translate_page(page, title="Fictional case file", slug="fictional-case-file")
        response = client.get(f"/cite/{page.public_id}/", HTTP_ACCEPT_LANGUAGE="en-CA,en;q=0.9")
        assert response.status_code == 301
        assert response["Location"] == english.url
        assert response["Location"].startswith("/en/")
        french = client.get(f"/cite/{page.public_id}/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9")
        assert french["Location"] == page.url

    def test_follows_the_language_cookie_and_says_it_varies(self, client, site_pages):
        page = CaseFilePageFactory()
        english = translate_page(page, title="Fictional case file", slug="fictional-case-file")
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        response = client.get(f"/cite/{page.public_id}/", HTTP_ACCEPT_LANGUAGE="fr")
        assert response["Location"] == english.url
        vary = {value.strip().lower() for value in response["Vary"].split(",")}
        assert {"accept-language", "cookie"} <= vary

    def test_lang_chooses_explicitly(self, client, site_pages):
        page = AdvocacyBriefPageFactory()
        english = translate_page(page, title="Fictional brief", slug="fictional-brief")
        response = client.get(f"/cite/{page.public_id}/?lang=en", HTTP_ACCEPT_LANGUAGE="fr")
        assert response["Location"] == english.url

    def test_an_untranslated_item_goes_to_the_fallback_route_of_the_english_index(self, client, site_pages):
        page = CollaborationAgreementPageFactory(title="Entente jamais traduite")
        response = client.get(f"/cite/{page.public_id}/", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 301
        assert response["Location"] == fallback_url(page)
        served = client.get(response["Location"])
        assert served.status_code == 200
        assert "Entente jamais traduite" in served.content.decode()

    def test_an_english_original_is_found_from_french(self, client, site_pages):
        page = CaseFilePageFactory(parent=site_pages["en"]["impacts.CaseFileIndexPage"], title="English only")
        response = client.get(f"/cite/{page.public_id}/")
        assert response["Location"] == fallback_url(page, "fr")
        assert client.get(response["Location"]).status_code == 200

    @pytest.mark.parametrize("kind", ["unknown", "draft", "private", "unpublished"])
    def test_what_is_not_public_is_not_found(self, client, site_pages, kind):
        if kind == "unknown":
            public_id, title = "CF-2019-0999", None
        else:
            page = CaseFilePageFactory(title=f"Secret {kind}", live=kind != "draft")
            if kind == "private":
                PageViewRestrictionFactory(page=page)
            if kind == "unpublished":
                page.unpublish()
            public_id, title = page.public_id, page.title
        for query in ("", "?format=bibtex", "?format=csl-json&lang=en"):
            response = client.get(f"/cite/{public_id}/{query}", follow=True)
            assert response.status_code == 404
            if title:
                assert title not in response.content.decode()

    def test_an_unknown_id_answers_404_at_once(self, client, site_pages):
        assert client.get("/cite/CF-2019-0999/").status_code == 404

    def test_a_newer_draft_is_never_cited(self, client, site_pages):
        page = CaseFilePageFactory(title="Titre publié")
        draft = CaseFilePage.objects.get(pk=page.pk)
        draft.title = "Titre du brouillon"
        draft.save_revision()
        text = download(client, page, "csl-json").content.decode()
        assert json.loads(text)[0]["title"] == "Titre publié"
        assert "brouillon" not in text

    def test_unknown_format_or_language_is_a_bad_request_naming_the_allowed_values(self, client, site_pages):
        page = CaseFilePageFactory()
        response = client.get(f"/cite/{page.public_id}/?format=pdf")
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/plain")
        body = response.content.decode()
        assert all(name in body for name in ("bibtex", "ris", "csl-json"))
        response = client.get(f"/cite/{page.public_id}/?format=ris&lang=de")
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/plain")
        assert "fr" in response.content.decode() and "en" in response.content.decode()

    def test_survives_a_slug_change_and_the_old_address_redirects(self, client, site_pages, committed):
        page = CaseFilePageFactory(slug="ancien-nom")
        old_url = page.url
        page = CaseFilePage.objects.get(pk=page.pk)
        page.slug = "nouveau-nom"
        committed(page.save_revision().publish)
        page = CaseFilePage.objects.get(pk=page.pk)
        assert page.url != old_url and page.url.endswith("/nouveau-nom/")
        assert client.get(f"/cite/{page.public_id}/")["Location"] == page.url
        old = client.get(old_url)
        assert old.status_code == 301
        assert urlsplit(old["Location"]).path == page.url

    def test_survives_a_renamed_section(self, client, site_pages, committed):
        page = CaseFilePageFactory()
        old_url = page.url
        index = site_pages["fr"]["impacts.CaseFileIndexPage"]
        index.slug = "dossiers-ia"
        committed(index.save_revision().publish)
        page = CaseFilePage.objects.get(pk=page.pk)
        assert page.url.startswith("/fr/dossiers-ia/")
        assert client.get(f"/cite/{page.public_id}/")["Location"] == page.url
        old = client.get(old_url)
        assert old.status_code == 301
        assert urlsplit(old["Location"]).path == page.url

    def test_survives_a_move_and_the_old_address_redirects(self, client, site_pages, committed):
        page = CaseFilePageFactory()
        old_url = page.url
        archives = site_pages["fr"]["home"].add_child(
            instance=StandardPage(title="Archives", slug="archives")
        )
        committed(MovePageAction(Page.objects.get(pk=page.pk), archives, pos="last-child").execute)
        page = CaseFilePage.objects.get(pk=page.pk)
        assert page.url.startswith("/fr/archives/")
        assert client.get(f"/cite/{page.public_id}/")["Location"] == page.url
        old = client.get(old_url)
        assert old.status_code == 301
        assert urlsplit(old["Location"]).path == page.url
        assert client.get(page.url).status_code == 200


# --- Downloads -------------------------------------------------------------------------------


@pytest.mark.django_db
class TestDownloads:
    def test_bibtex_parses_and_describes_the_case_file(self, client, site_pages):
        page = dated(CaseFilePageFactory(title=AWKWARD_TITLE))
        response = download(client, page, "bibtex")
        assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="{page.public_id}.bib"'
        entry = parse_bibtex(response.content.decode())
        fields = {field.key: field.value for field in entry.fields}
        assert entry.key == page.public_id
        assert entry.entry_type == "techreport"
        assert fields["title"] == page.title
        assert fields["number"] == page.public_id
        assert fields["year"] == "2024"
        assert fields["date"] == "2024-05-06"
        assert fields["version"] == "2025-09-10"
        assert fields["url"] == cite_url(page)
        assert fields["urldate"] == timezone.localdate().isoformat()
        assert fields["institution"] == "Vigie IA"
        assert fields["type"] == "Dossier"
        assert fields["language"] == "french"

    def test_bibtex_of_a_brief_names_its_authors(self, client, site_pages):
        organization = OrganizationFactory(name="Ligue fictive des droits & libertés")
        page = AdvocacyBriefPageFactory(
            authors=[
                {"person_name": "Marie Tremblay", "organization": organization},
                {"person_name": "", "organization": organization},
                {"person_name": "Jean Côté"},
            ]
        )
        entry = parse_bibtex(download(client, page, "bibtex").content.decode())
        fields = {field.key: field.value for field in entry.fields}
        expected = []
        for author in BriefAuthor.objects.filter(brief=page).order_by("sort_order"):
            expected.append(author.person_name or author.organization.name)
        assert fields["author"].split(" and ") == expected
        assert expected == ["Marie Tremblay", "Ligue fictive des droits & libertés", "Jean Côté"]
        assert fields["year"] == str(page.publication_date.year)

    def test_bibtex_of_an_agreement_is_a_misc_entry_by_its_parties(self, client, site_pages):
        page = CollaborationAgreementPageFactory()
        entry = parse_bibtex(download(client, page, "bibtex").content.decode())
        fields = {field.key: field.value for field in entry.fields}
        assert entry.entry_type == "misc"
        assert fields["author"].split(" and ") == [party.organization.name for party in page.parties.all()]
        assert fields["publisher"] == "Vigie IA"

    def test_ris_has_the_tags_of_a_report(self, client, site_pages):
        page = dated(CaseFilePageFactory(title=AWKWARD_TITLE))
        response = download(client, page, "ris")
        assert response["Content-Type"].split(";")[0] == "application/x-research-info-systems"
        assert response["Content-Disposition"] == f'attachment; filename="{page.public_id}.ris"'
        pairs = parse_ris(response.content.decode())
        assert ris_values(pairs, "TY") == ["RPRT"]
        assert ris_values(pairs, "ID") == [page.public_id]
        assert ris_values(pairs, "TI") == [page.title]
        assert ris_values(pairs, "AU") == ["Vigie IA"]
        assert ris_values(pairs, "PY") == ["2024"]
        assert ris_values(pairs, "DA") == ["2024/05/06"]
        assert ris_values(pairs, "ET") == ["2025-09-10"]
        assert ris_values(pairs, "UR") == [cite_url(page)]
        assert ris_values(pairs, "Y2") == [timezone.localdate().strftime("%Y/%m/%d")]
        assert ris_values(pairs, "PB") == ["Vigie IA"]
        assert ris_values(pairs, "LA") == ["fr"]

    def test_ris_of_an_agreement_lists_the_parties_and_the_taxonomies(self, client, site_pages):
        page = CollaborationAgreementPageFactory(services=["sante", "habitation"], regions=["montreal"])
        pairs = parse_ris(download(client, page, "ris").content.decode())
        assert ris_values(pairs, "TY") == ["GEN"]
        assert ris_values(pairs, "AU") == [party.organization.name for party in page.parties.all()]
        assert ris_values(pairs, "KW") == [
            label(Service, "sante", "fr"),
            label(Service, "habitation", "fr"),
            label(Region, "montreal", "fr"),
        ]

    def test_csl_json_follows_the_csl_specification(self, client, site_pages):
        pages = [
            dated(CaseFilePageFactory(title=AWKWARD_TITLE, risks=["opacite"])),
            AdvocacyBriefPageFactory(),
            CollaborationAgreementPageFactory(),
        ]
        validator = jsonschema.Draft202012Validator(csl_data_schema())
        for page in pages:
            response = download(client, page, "csl-json")
            assert response["Content-Type"] == "application/vnd.citationstyles.csl+json"
            assert response["Content-Disposition"] == f'attachment; filename="{page.public_id}.json"'
            data = json.loads(response.content.decode("utf-8"))
            validator.validate(data)
            (item,) = data
            assert item["id"] == page.public_id
            assert item["title"] == page.title
            assert item["URL"] == cite_url(page)
            assert item["type"] == ("document" if isinstance(page, CollaborationAgreementPage) else "report")
            assert item["publisher"] == "Vigie IA"
            assert item["language"] == "fr"
            today = timezone.localdate()
            assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
            assert item["version"] == timezone.localdate(page.last_published_at).isoformat()

    def test_csl_json_dates_are_first_publication_and_revision(self, client, site_pages):
        page = dated(CaseFilePageFactory())
        (item,) = json.loads(download(client, page, "csl-json").content)
        assert item["issued"] == {"date-parts": [[2024, 5, 6]]}
        assert item["version"] == "2025-09-10"

    def test_a_brief_is_issued_on_its_publication_date(self, client, site_pages):
        page = dated(AdvocacyBriefPageFactory(publication_date=datetime.date(2023, 11, 20)))
        (item,) = json.loads(download(client, page, "csl-json").content)
        assert item["issued"] == {"date-parts": [[2023, 11, 20]]}
        assert item["version"] == "2025-09-10"

    def test_csl_json_is_read_by_a_csl_processor(self, client, site_pages):
        """Another style than the hub's (the one bundled with citeproc-py) formats the download."""
        page = dated(AdvocacyBriefPageFactory(authors=[{"person_name": "Marie Tremblay"}]))
        data = json.loads(download(client, page, "csl-json").content)
        style = CitationStylesStyle("harvard-cite-them-right", locale="en-GB", validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(data), formatter.plain)
        bibliography.register(Citation([CitationItem(page.public_id)]))
        (reference,) = [str(entry) for entry in bibliography.bibliography()]
        assert page.title in reference
        assert "Marie Tremblay" in reference
        assert cite_url(page) in reference

    def test_downloads_describe_the_version_in_the_visitors_language(self, client, site_pages):
        page = CaseFilePageFactory(title="Dossier en français")
        english = translate_page(page, title="Case file in English", slug="case-file-in-english")
        (french_item,) = json.loads(download(client, page, "csl-json", lang="fr").content)
        (english_item,) = json.loads(download(client, page, "csl-json", lang="en").content)
        (browser_item,) = json.loads(
            client.get(f"/cite/{page.public_id}/?format=csl-json", HTTP_ACCEPT_LANGUAGE="en").content
        )
        assert french_item["title"] == "Dossier en français" and french_item["language"] == "fr"
        assert english_item["title"] == english.title and english_item["language"] == "en"
        assert english_item["genre"] == "Case file" and french_item["genre"] == "Dossier"
        assert browser_item["title"] == english.title
        assert english_item["id"] == french_item["id"] == page.public_id

    def test_agreement_parties_are_named_in_the_readers_language(self, client, site_pages):
        organization = OrganizationFactory(name="Ville fictive de Lévis")
        english_organization = organization.copy_for_translation(locale("en"))
        english_organization.name = "Fictional City of Lévis"
        english_organization.save()
        page = CollaborationAgreementPageFactory(
            parties=[
                {"organization": organization},
                {"organization": OrganizationFactory(name="Groupe fictif")},
            ]
        )
        (english_item,) = json.loads(download(client, page, "csl-json", lang="en").content)
        (french_item,) = json.loads(download(client, page, "csl-json", lang="fr").content)
        assert [name["literal"] for name in english_item["author"]] == [
            "Fictional City of Lévis",
            "Groupe fictif",
        ]
        assert [name["literal"] for name in french_item["author"]] == [
            "Ville fictive de Lévis",
            "Groupe fictif",
        ]

    def test_demo_content_says_it_is_fictional(self, client, site_pages):
        page = CaseFilePageFactory()
        (item,) = json.loads(download(client, page, "csl-json").content)
        assert "note" not in item
        DemoMarker.objects.create()
        cache.clear()
        (item,) = json.loads(download(client, page, "csl-json").content)
        assert "fictif" in item["note"] or "fictional" in item["note"]
        pairs = parse_ris(download(client, page, "ris").content.decode())
        assert ris_values(pairs, "N1") == [item["note"]]


# --- Formatted references --------------------------------------------------------------------

FRENCH_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
ENGLISH_MONTHS = (
    "January February March April May June July August September October November December".split()
)


@pytest.mark.django_db
class TestReferences:
    ACCESSED = datetime.date(2026, 3, 9)

    def references(self, page, language):
        citable = CitableItem(page, language=language, accessed=self.ACCESSED)
        return {reference["key"]: reference for reference in citable.references}

    def test_apa_and_chicago_name_the_item_its_version_and_address(self, site_pages):
        page = dated(CaseFilePageFactory(title="Tri automatisé des demandes"))
        for language in ("fr", "en"):
            references = self.references(page, language)
            assert set(references) == {"apa", "chicago"}
            for reference in references.values():
                text = reference["text"]
                assert page.title in text
                assert page.public_id in text
                assert f"http://testserver/cite/{page.public_id}/" in text
                assert "2025-09-10" in text  # the version read
                assert "2024" in text  # first published
                assert "Vigie IA" in text
                assert KIND_BY_LANGUAGE["casefile"][language] in text

    def test_chicago_carries_the_access_date_in_the_readers_language(self, site_pages):
        page = dated(CaseFilePageFactory())
        french = self.references(page, "fr")["chicago"]["text"]
        english = self.references(page, "en")["chicago"]["text"]
        assert f"Consulté le 9 {FRENCH_MONTHS[2]} 2026" in french
        assert f"Accessed {ENGLISH_MONTHS[2]} 9, 2026" in english

    def test_a_single_version_is_not_called_versions(self, site_pages):
        page = dated(CaseFilePageFactory())
        for language in ("fr", "en"):
            for reference in self.references(page, language).values():
                assert "Version 2025-09-10" in reference["text"]
                assert "Versions" not in reference["text"]

    def test_brief_and_agreement_references_name_their_authors(self, site_pages):
        brief = AdvocacyBriefPageFactory(authors=[{"person_name": "Marie Tremblay"}])
        agreement = CollaborationAgreementPageFactory()
        for reference in self.references(brief, "fr").values():
            assert "Marie Tremblay" in reference["text"]
            assert KIND_BY_LANGUAGE["brief"]["fr"] in reference["text"]
        names = [party.organization.name for party in agreement.parties.all()]
        for reference in self.references(agreement, "en").values():
            assert all(name in reference["text"] for name in names)
            assert KIND_BY_LANGUAGE["agreement"]["en"] in reference["text"]

    def test_html_is_escaped_except_citeprocs_formatting(self, site_pages):
        page = CaseFilePageFactory(title=AWKWARD_TITLE)
        for reference in self.references(page, "fr").values():
            fragment = lxml.html.fragment_fromstring(str(reference["html"]), create_parent="div")
            assert {element.tag for element in fragment.iter()} <= {"div", "i", "b", "sup", "sub", "span"}
            assert fragment.text_content() == reference["text"]
            assert page.title in fragment.text_content()
            assert "&lt;script&gt;" in str(reference["html"])

    def test_a_value_cannot_forge_a_formatting_instruction(self, site_pages):
        page = CaseFilePageFactory(title="Titre \ue000piégé\ue001 \ue00cx\ue00d")
        for reference in self.references(page, "fr").values():
            fragment = lxml.html.fragment_fromstring(str(reference["html"]), create_parent="div")
            assert fragment.xpath("//span[@lang]") == []
            assert [element.text_content() for element in fragment.iter("i")] == ["Titre piégé x"]
            assert "Titre piégé x" in reference["text"]

    def test_references_are_cached_by_their_content(self, site_pages):
        page = CaseFilePageFactory(title="Premier titre")
        assert "Premier titre" in self.references(page, "fr")["apa"]["text"]
        page.title = "Second titre"
        assert "Second titre" in self.references(page, "fr")["apa"]["text"]


# --- The cite box ----------------------------------------------------------------------------


@pytest.mark.django_db
class TestCiteBox:
    @pytest.mark.parametrize(
        ("factory", "heading"),
        [
            (CaseFilePageFactory, "Cite this case file"),
            (AdvocacyBriefPageFactory, "Cite this brief"),
            (CollaborationAgreementPageFactory, "Cite this agreement"),
        ],
    )
    def test_every_item_page_has_a_cite_box(self, client, site_pages, factory, heading):
        page = dated(factory())
        box = cite_box_of(html_of(client.get(page.url)))
        title = box.xpath("./h2")[0]
        assert title.get("id") == box.get("aria-labelledby")
        # Until the French catalogue has it, the heading shows its English msgid.
        assert title.text_content().strip() in {heading, *french_headings(heading)}
        links = [a.get("href") for a in box.xpath(".//a")]
        assert cite_url(page) in links
        for format_name in ("bibtex", "ris", "csl-json"):
            href = f"/cite/{page.public_id}/?format={format_name}&lang=fr"
            assert href in links
            assert client.get(href).status_code == 200
        assert box.xpath('.//time[@datetime="2025-09-10"]')  # the version cited
        assert box.xpath(f'.//time[@datetime="{timezone.localdate().isoformat()}"]')  # consulted on
        text = box.text_content()
        assert "APA" in text and "Chicago" in text and page.title in text
        assert not box.xpath(".//script")

    def test_the_box_comes_before_the_history_of_changes(self, client, site_pages):
        page = CaseFilePageFactory()
        content = client.get(page.url).content.decode()
        assert content.index('class="cite-box"') < content.index('class="change-history"')

    def test_an_untranslated_item_marks_its_title_in_its_language(self, client, site_pages):
        page = CaseFilePageFactory(title="Dossier pas encore traduit")
        document = html_of(client.get(fallback_url(page)))
        assert document.get("lang") == "en"
        box = cite_box_of(document)
        assert box.get("lang") is None  # the box speaks the interface's language, as the page
        titles = box.xpath('.//dl[contains(@class, "cite-box__references")]//span[@lang="fr"]')
        assert [span.text_content() for span in titles] == [page.title, page.title]
        assert "Case file" in box.text_content()
        assert f"/cite/{page.public_id}/?format=bibtex&lang=en" in [a.get("href") for a in box.xpath(".//a")]

    def test_a_translated_item_needs_no_language_marks(self, client, site_pages):
        page = CaseFilePageFactory()
        english = translate_page(page, title="Translated case file", slug="translated-case-file")
        box = cite_box_of(html_of(client.get(english.url)))
        assert box.xpath(".//*[@lang]") == []
        assert "Translated case file" in box.text_content()

    def test_a_private_item_shows_no_permanent_address(self, client, site_pages):
        page = CaseFilePageFactory()
        PageViewRestrictionFactory(page=page)
        session = client.session
        session["passed_page_view_restrictions"] = list(
            page.get_view_restrictions().values_list("pk", flat=True)
        )
        session.save()
        response = client.get(page.url)
        assert response.status_code == 200
        content = response.content.decode()
        assert page.title in content
        assert 'class="cite-box"' not in content
        assert "application/ld+json" not in content

    def test_a_preview_of_a_draft_shows_the_draft(self, site_pages, rf, superuser):
        page = AdvocacyBriefPageFactory(authors=[{"person_name": "Autrice publiée"}])
        draft = AdvocacyBriefPage.objects.get(pk=page.pk)
        draft.authors.add(BriefAuthor(person_name="Autrice du brouillon"))
        draft.save_revision()
        preview = draft.get_latest_revision_as_object()
        request = rf.get("/")
        request.user = superuser
        response = preview.make_preview_request(request)
        response.render()
        box = cite_box_of(lxml.html.fromstring(response.content.decode()))
        assert "Autrice du brouillon" in box.text_content()

    def test_a_preview_of_a_never_published_item_renders(self, site_pages, rf, superuser):
        page = CaseFilePageFactory(live=False, title="Jamais publié")
        preview = CaseFilePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        request = rf.get("/")
        request.user = superuser
        response = preview.make_preview_request(request)
        response.render()
        assert response.status_code == 200
        box = cite_box_of(lxml.html.fromstring(response.content.decode()))
        assert "Jamais publié" in box.text_content()

    @pytest.mark.parametrize(
        "make",
        [
            lambda: CaseFilePageFactory(risks=["opacite", "discrimination"]),
            lambda: AdvocacyBriefPageFactory(authors=[{}, {"person_name": ""}, {}], risks=["opacite"]),
            lambda: CollaborationAgreementPageFactory(parties=[{}, {}, {}]),
        ],
        ids=["casefile", "brief", "agreement"],
    )
    def test_the_box_and_json_ld_cost_at_most_two_queries(self, client, site_pages, monkeypatch, make):
        page = make()
        translated_url = page.url
        untranslated_url = fallback_url(page)
        for url in (translated_url, untranslated_url):
            with_citation = count_queries(client, url)
            monkeypatch.setattr(citation_tags, "_citable", lambda *args, **kwargs: None)
            without = count_queries(client, url)
            monkeypatch.undo()
            assert with_citation - without <= 2, (url, with_citation, without)
            assert without < with_citation  # the measure measures something

    def test_the_cost_does_not_grow_with_authors(self, client, site_pages):
        """Whatever the page itself spends per author, the citation adds the same."""
        few = AdvocacyBriefPageFactory(authors=[{}])
        many = AdvocacyBriefPageFactory(authors=[{}, {}, {}, {}, {}])
        added_few = count_queries(client, few.url) - count_without_citation(client, few.url)
        added_many = count_queries(client, many.url) - count_without_citation(client, many.url)
        assert added_many == added_few


def french_headings(english):
    """What the French catalogue may make of a heading (so the test holds before and after the
    catalogue is filled)."""
    return {
        "Cite this case file": {"Citer ce dossier"},
        "Cite this brief": {"Citer ce mémoire"},
        "Cite this agreement": {"Citer cette entente"},
    }[english]


def count_queries(client, url):
    client.get(url)  # warm the caches a real site keeps warm (labels, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def count_without_citation(client, url):
    original = citation_tags._citable
    citation_tags._citable = lambda *args, **kwargs: None
    try:
        return count_queries(client, url)
    finally:
        citation_tags._citable = original


# --- JSON-LD and hreflang --------------------------------------------------------------------


@pytest.mark.django_db
class TestStructuredData:
    def test_a_case_file_is_a_report(self, client, site_pages):
        page = dated(
            CaseFilePageFactory(
                title="Un titre </script><script>alert(1)</script> & co",
                services=["sante"],
                regions=["montreal", "laval"],
                risks=["opacite"],
            )
        )
        response = client.get(page.url)
        raw = re.search(
            r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
        )
        assert raw and "<" not in raw.group(1) and ">" not in raw.group(1) and "&" not in raw.group(1)
        data = json_ld_of(html_of(response))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "Report"
        assert data["identifier"] == page.public_id
        assert data["name"] == page.title
        assert data["url"] == cite_url(page)
        assert data["datePublished"] == "2024-05-06"
        assert data["dateModified"] == "2025-09-10"
        assert data["inLanguage"] == "fr"
        assert data["publisher"] == {"@type": "Organization", "name": "Vigie IA"}
        assert data["isAccessibleForFree"] is True
        regions = Region.objects.filter(key__in=["montreal", "laval"], locale__language_code="fr")
        assert [(term["termCode"], term["name"]) for term in data["about"]] == [
            ("sante", label(Service, "sante", "fr")),
            *[(region.key, region.label) for region in regions.order_by("sort_order", "key")],
            ("opacite", label(Risk, "opacite", "fr")),
        ]
        assert "disambiguatingDescription" not in data

    def test_a_brief_is_a_report_by_its_authors_and_an_agreement_a_creative_work(self, client, site_pages):
        brief = AdvocacyBriefPageFactory(authors=[{"person_name": "Marie Tremblay"}, {"person_name": ""}])
        data = json_ld_of(html_of(client.get(brief.url)))
        assert data["@type"] == "Report"
        organization = BriefAuthor.objects.filter(brief=brief, person_name="").get().organization
        assert data["author"] == [
            {"@type": "Person", "name": "Marie Tremblay"},
            {"@type": "Organization", "name": organization.name},
        ]
        agreement = CollaborationAgreementPageFactory()
        data = json_ld_of(html_of(client.get(agreement.url)))
        assert data["@type"] == "CreativeWork"
        assert data["identifier"] == agreement.public_id
        assert [author["name"] for author in data["author"]] == [
            party.organization.name for party in agreement.parties.all()
        ]

    def test_an_untranslated_item_declares_the_language_of_its_content(self, client, site_pages):
        page = CaseFilePageFactory(services=["sante"])
        data = json_ld_of(html_of(client.get(fallback_url(page))))
        assert data["inLanguage"] == "fr"
        assert data["name"] == page.title
        assert data["url"] == cite_url(page)

    def test_demo_content_is_not_presented_as_real(self, client, site_pages):
        page = CaseFilePageFactory()
        DemoMarker.objects.create()
        cache.clear()
        data = json_ld_of(html_of(client.get(page.url)))
        assert (
            "fictif" in data["disambiguatingDescription"] or "fictional" in data["disambiguatingDescription"]
        )

    def test_pages_other_than_items_have_no_item_json_ld(self, client, site_pages):
        content = client.get(site_pages["fr"]["home"].url).content.decode()
        assert "application/ld+json" not in content

    def test_hreflang_links_a_translated_item_to_its_translation(self, client, site_pages):
        page = CaseFilePageFactory()
        english = translate_page(page, title="Translated", slug="translated")
        expected = {"fr": f"http://testserver{page.url}", "en": f"http://testserver{english.url}"}
        for url in (page.url, english.url):
            links = hreflang_links(client.get(url))
            assert links == {**expected, "x-default": expected["fr"]}
        for language, url in expected.items():
            document = html_of(client.get(url))
            assert document.get("lang") == language
            assert document.xpath("//h1")[0].get("lang") is None  # the content is in that language

    def test_hreflang_of_an_untranslated_item_declares_its_only_version(self, client, site_pages):
        page = AdvocacyBriefPageFactory()
        original = f"http://testserver{page.url}"
        expected = {"fr": original, "x-default": original}
        assert hreflang_links(client.get(page.url)) == expected
        assert hreflang_links(client.get(fallback_url(page))) == expected
        served = html_of(client.get(fallback_url(page)))
        assert served.get("lang") == "en"  # the interface
        assert served.xpath("//h1")[0].get("lang") == "fr"  # the content, marked


def hreflang_links(response):
    assert response.status_code == 200
    links = html_of(response).xpath('//head/link[@rel="alternate"][@hreflang]')
    return {link.get("hreflang"): link.get("href") for link in links}


@pytest.mark.django_db
def test_an_added_party_shows_at_once(client, site_pages):
    """The reference cache is keyed by content: a new party changes the reference."""
    page = CollaborationAgreementPageFactory()
    client.get(page.url)
    AgreementPartyFactory(agreement=page, organization=OrganizationFactory(name="Nouvelle partie fictive"))
    box = cite_box_of(html_of(client.get(page.url)))
    assert "Nouvelle partie fictive" in box.text_content()
