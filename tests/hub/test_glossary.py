"""The glossary of AI terms: its page in both languages, the links from a case file's body to the
definitions, the admin rights of each role, and translation with wagtail-localize.

Expectations are written out by hand (the order of the terms, the words that must or must not
be linked), never computed with the code under test."""

from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail_localize.models import Translation, TranslationSource

from hub.glossary import Glossary
from hub.models import DemoMarker, GlossaryTerm
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, REVIEWERS
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    GlossaryTermFactory,
    OrganizationFactory,
    locale,
    paragraph,
    role_user,
    translate_page,
    translate_term,
)

VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def glossary_path(language):
    with translation.override(language):
        return reverse("glossary")


def dfn_ids(page):
    return [dfn["id"] for dfn in page.select("dl.glossary-list dfn")]


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def linked_words(page):
    """``[(word, href)]`` of the glossary links in the case file's body, in order."""
    return [(a.get_text(), a["href"]) for a in page.select(".item-body a.glossary-term")]


class BalanceChecker(HTMLParser):
    """Every element that is opened is closed, in order (void elements aside)."""

    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def assert_balanced(markup):
    checker = BalanceChecker()
    checker.feed(markup)
    checker.close()
    assert checker.errors == [] and checker.stack == [], (checker.errors, checker.stack)


# --- The glossary page --------------------------------------------------------------------


@pytest.fixture
def terms(site_pages):
    """Four French terms and their English translations, in a different alphabetical order."""
    french = {
        "profilage": GlossaryTermFactory(term="profilage", slug="profilage"),
        "evaluation": GlossaryTermFactory(term="évaluation d'impact", slug="evaluation-impact"),
        "algorithme": GlossaryTermFactory(term="Algorithme", slug="algorithme"),
        "biais": GlossaryTermFactory(term="biais", slug="biais"),
    }
    french["algorithme"].related_terms = [french["biais"], french["profilage"]]
    french["algorithme"].save()
    english = {
        "profilage": translate_term(french["profilage"], term="profiling", definition="Sorting people."),
        "evaluation": translate_term(french["evaluation"], term="algorithmic impact assessment"),
        "algorithme": translate_term(french["algorithme"], term="algorithm"),
        "biais": translate_term(french["biais"], term="bias"),
    }
    return {"fr": french, "en": english}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        # « évaluation » files under E, between « biais » and « profilage »; case is ignored.
        ("fr", ["algorithme", "biais", "evaluation-impact", "profilage"]),
        # "algorithmic impact assessment" files after "algorithm", before "bias".
        ("en", ["algorithme", "evaluation-impact", "biais", "profilage"]),
    ],
)
def test_the_page_lists_the_terms_alphabetically_with_dfn_anchors(client, terms, language, expected):
    page = soup(client.get(glossary_path(language)))
    assert dfn_ids(page) == expected
    shown = [dfn.get_text() for dfn in page.select("dl.glossary-list dfn")]
    assert (
        shown
        == {
            "fr": ["Algorithme", "biais", "évaluation d'impact", "profilage"],
            "en": ["algorithm", "algorithmic impact assessment", "bias", "profiling"],
        }[language]
    )


def test_the_letter_index_follows_each_languages_words(client, terms):
    """« évaluation » makes an E in French; its English translation files under A."""
    page = soup(client.get(glossary_path("en")))
    letters = [a.get_text() for a in page.select("nav.glossary-letters a")]
    assert letters == ["A", "B", "P"]
    french_letters = [
        a.get_text() for a in soup(client.get(glossary_path("fr"))).select("nav.glossary-letters a")
    ]
    assert french_letters == ["A", "B", "E", "P"]
    for link in page.select("nav.glossary-letters a"):
        assert page.find(id=link["href"][1:]) is not None


def test_the_paths_are_translated(site_pages):
    assert glossary_path("fr") == "/fr/glossaire/"
    assert glossary_path("en") == "/en/glossary/"


def test_definition_example_and_related_terms_are_shown_in_the_same_language(client, terms):
    for language, related in (("fr", ["biais", "profilage"]), ("en", ["bias", "profiling"])):
        page = soup(client.get(glossary_path(language)))
        entry = page.find("dfn", id="algorithme").find_parent(class_="glossary-entry")
        links = entry.select(".glossary-related a")
        assert [a.get_text() for a in links] == related
        assert [a["href"] for a in links] == ["#biais", "#profilage"]
        assert terms[language]["algorithme"].definition in entry.get_text()
        assert terms[language]["algorithme"].example in entry.get_text()


def test_a_related_term_not_translated_yet_is_left_out_in_english(client, site_pages):
    source = GlossaryTermFactory(term="source", slug="source")
    alone = GlossaryTermFactory(term="seul", slug="seul")
    source.related_terms = [alone]
    source.save()
    translate_term(source, term="source-en")
    page = soup(client.get(glossary_path("en")))
    assert dfn_ids(page) == ["source"]
    assert page.select(".glossary-related") == []
    french = soup(client.get(glossary_path("fr")))
    assert [a["href"] for a in french.select(".glossary-related a")] == ["#seul"]


def test_the_language_switcher_leads_to_the_glossary_in_the_other_language(client, terms):
    french = soup(client.get(glossary_path("fr")))
    switch = {a["hreflang"]: a["href"] for a in french.select(".language-switcher a")}
    assert switch == {"fr": "/fr/glossaire/", "en": "/en/glossary/"}
    english = soup(client.get("/en/glossary/"))
    switch = {a["hreflang"]: a["href"] for a in english.select(".language-switcher a")}
    assert switch == {"fr": "/fr/glossaire/", "en": "/en/glossary/"}
    assert english.html["lang"] == "en"


def test_the_footer_links_the_glossary_and_the_page_says_when_the_content_is_a_demo(client, terms):
    DemoMarker.objects.create()
    page = soup(client.get("/en/"))
    assert page.select_one('footer a[href="/en/glossary/"]') is not None
    assert soup(client.get(glossary_path("fr"))).select_one(".demo-banner") is not None


def test_an_empty_glossary_says_so_and_odd_requests_do_not_fail(client, site_pages):
    page = soup(client.get(glossary_path("fr") + "?lettre=%3Cscript%3E&page=-1"))
    assert page.select("dl.glossary-list") == []
    assert page.select_one("main [role=status]") is not None
    assert client.post(glossary_path("fr")).status_code == 405


def test_the_page_reads_the_glossary_in_a_constant_number_of_queries(
    client, terms, django_assert_max_num_queries
):
    path = glossary_path("fr")
    client.get(path)  # the site's own caches (demo flag, site root) filled once
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    warm = len(few.captured_queries)  # read now: the next request empties the connection's log
    for n in range(12):
        extra = GlossaryTermFactory(term=f"mot {n}", slug=f"mot-{n}")
        extra.related_terms = [terms["fr"]["biais"], terms["fr"]["profilage"]]
        extra.save()
    client.get(path)  # the new terms renewed the kept fragments (menus, footer): kept again
    with django_assert_max_num_queries(warm):
        page = soup(client.get(path))
    assert len(dfn_ids(page)) == 16


def test_the_sitemap_lists_the_glossary_of_each_language_that_has_terms(client, site_pages):
    def glossary_locations():
        text = client.get("/sitemap.xml").content.decode()
        return {
            path
            for path in ("/fr/glossaire/", "/en/glossary/")
            if f"<loc>http://testserver{path}</loc>" in text
        }

    assert glossary_locations() == set()
    term = GlossaryTermFactory(term="profilage", slug="profilage")
    assert glossary_locations() == {"/fr/glossaire/"}
    translate_term(term, term="profiling")
    assert glossary_locations() == {"/fr/glossaire/", "/en/glossary/"}
    text = client.get("/sitemap.xml").content.decode()
    assert 'hreflang="en" href="http://testserver/en/glossary/"' in text


# --- Terms linked from a case file's body -------------------------------------------------


def casefile_page(client, body, language="fr"):
    casefile = CaseFilePageFactory(body=body)
    if language != "fr":
        casefile = translate_page(casefile, language, body=body)
    return soup(client.get(casefile.url))


@pytest.fixture
def modele(site_pages):
    return GlossaryTermFactory(term="modèle", slug="modele", definition="Un programme qui prédit.")


def test_the_first_use_of_a_term_links_to_its_definition_with_a_tooltip(client, modele):
    page = casefile_page(client, [paragraph("Le modèle classe les dossiers. Le modèle se trompe.")])
    assert linked_words(page) == [("modèle", "/fr/glossaire/#modele")]
    link = page.select_one(".item-body a.glossary-term")
    tip = page.find(id=link["aria-describedby"])
    assert tip is not None and tip["role"] == "tooltip"
    assert tip.get_text() == "Un programme qui prédit."
    assert tip.find_previous_sibling("a") is link
    # Without the tooltip, the sentence reads as written.
    tip.decompose()
    assert page.select_one(".item-body p").get_text() == "Le modèle classe les dossiers. Le modèle se trompe."


def test_matching_ignores_case_but_not_accents_and_takes_whole_words_only(client, site_pages):
    GlossaryTermFactory(term="modèle", slug="modele")
    GlossaryTermFactory(term="évaluation", slug="evaluation")
    GlossaryTermFactory(term="biais", slug="biais")
    page = casefile_page(
        client,
        [
            paragraph("Les modèles, on remodèle, le remodèlement, un modele sans accent, une evaluation."),
            paragraph("Une ÉVALUATION publique. Un Modèle. Des biaisés, puis un biais."),
        ],
    )
    assert [word for word, _href in linked_words(page)] == ["ÉVALUATION", "Modèle", "biais"]


def test_other_forms_are_matched_as_whole_words(client, site_pages):
    GlossaryTermFactory(
        term="intelligence artificielle", other_forms="IA\nintelligences artificielles", slug="ia"
    )
    GlossaryTermFactory(term="modèle", other_forms="modèles", slug="modele")
    page = casefile_page(client, [paragraph("Pas la MAFIA ni les IAs, mais les modèles de l'IA.")])
    assert linked_words(page) == [("modèles", "/fr/glossaire/#modele"), ("IA", "/fr/glossaire/#ia")]


def test_a_term_written_across_a_line_break_or_with_another_apostrophe_is_found(client, site_pages):
    GlossaryTermFactory(term="données d'entraînement", slug="donnees-entrainement")
    page = casefile_page(client, [paragraph("Ses données\nd’entraînement datent de 2018.")])
    assert linked_words(page) == [("données\nd’entraînement", "/fr/glossaire/#donnees-entrainement")]


def test_no_link_inside_headings_links_or_code(client, site_pages):
    GlossaryTermFactory(term="algorithme", slug="algorithme")
    page = casefile_page(
        client,
        [
            heading("Un algorithme trie"),
            paragraph(
                '<a href="https://example.org/">un algorithme célèbre</a> et <code>algorithme()</code>'
            ),
            paragraph("Ensuite, l'algorithme se trompe."),
        ],
    )
    body = page.select_one(".item-body")
    assert body.select("h2 a, h2 .glossary-tip, code a, a a, a .glossary-tip") == []
    assert linked_words(page) == [("algorithme", "/fr/glossaire/#algorithme")]
    assert page.select_one(".item-body a.glossary-term").find_parent("p").get_text().startswith("Ensuite")


def test_terms_of_the_other_language_are_not_applied(client, site_pages):
    algorithme = GlossaryTermFactory(term="algorithme", slug="algorithme")
    translate_term(algorithme, term="algorithm", definition="A set of steps.")
    french = casefile_page(client, [paragraph("Le mot anglais algorithm, puis un algorithme.")])
    assert linked_words(french) == [("algorithme", "/fr/glossaire/#algorithme")]
    english = casefile_page(client, [paragraph("The French word algorithme, then an algorithm.")], "en")
    assert linked_words(english) == [("algorithm", "/en/glossary/#algorithme")]
    assert english.select_one(".item-body [role=tooltip]").get_text() == "A set of steps."


def test_an_untranslated_case_file_read_in_english_links_to_the_french_definitions(client, site_pages):
    algorithme = GlossaryTermFactory(term="algorithme", slug="algorithme")
    translate_term(algorithme, term="algorithm")
    casefile = CaseFilePageFactory(body=[paragraph("Un algorithme décide.")])
    index_en = site_pages["en"]["impacts.CaseFileIndexPage"]
    page = soup(client.get(index_en.item_url(casefile)))
    assert linked_words(page) == [("algorithme", "/fr/glossaire/#algorithme")]


def test_hostile_terms_and_definitions_are_escaped_and_the_html_stays_well_formed(client, site_pages):
    GlossaryTermFactory(
        term="<script>",
        slug="script",
        definition='"><img src=x onerror=alert(1)> & <b>gras</b>',
    )
    GlossaryTermFactory(term='guillemets "doubles"', slug="guillemets")
    page_response = client.get(
        CaseFilePageFactory(
            body=[
                paragraph("Un &lt;script&gt; dans le texte, des guillemets &quot;doubles&quot;."),
                paragraph('<a href="https://example.org/" title="&lt;script&gt;">lien</a> fin.'),
            ]
        ).url
    )
    html = page_response.content.decode()
    page = soup(page_response)
    assert [word for word, _href in linked_words(page)] == ["<script>", 'guillemets "doubles"']
    assert page.select(".item-body script, .item-body img, .item-body b") == []
    tip = page.find(id="tip-script")
    assert tip.get_text() == '"><img src=x onerror=alert(1)> & <b>gras</b>'
    assert 'title="&lt;script&gt;"' in html
    assert_balanced(html)


def test_the_link_text_keeps_the_case_and_accents_of_the_text(site_pages):
    glossary = Glossary("fr", [("ia", "IA", "", "Définition.")])
    out = str(glossary.link_terms('<p title="IA">ia <!-- IA --> et IA</p><pre>IA</pre><br/>'))
    assert out.count('class="glossary-term"') == 1
    assert '<p title="IA">' in out and "<!-- IA -->" in out and "<pre>IA</pre>" in out and "<br/>" in out
    assert '<a class="glossary-term" href="/fr/glossaire/#ia" aria-describedby="tip-ia">ia</a>' in out


def test_the_glossary_is_read_once_per_case_file_view(client, site_pages):
    for n in range(8):
        GlossaryTermFactory(term=f"mot{n}", slug=f"mot-{n}")
    casefile = CaseFilePageFactory(body=[paragraph(" ".join(f"mot{n}" for n in range(8)))])
    client.get(casefile.url)
    with CaptureQueriesContext(connection) as queries:
        page = soup(client.get(casefile.url))
    assert len(linked_words(page)) == 8
    glossary_queries = [q["sql"] for q in queries.captured_queries if "hub_glossaryterm" in q["sql"]]
    assert len(glossary_queries) == 1


def test_an_advocacy_brief_sharing_the_body_template_is_shown_without_links(client, site_pages):
    GlossaryTermFactory(term="algorithme", slug="algorithme")
    brief = AdvocacyBriefPageFactory(body=[paragraph("Un algorithme décide.")])
    page = soup(client.get(brief.url))
    assert "Un algorithme décide." in page.select_one(".item-body").get_text()
    assert page.select(".glossary-term") == []


def test_a_case_file_without_glossary_terms_is_unchanged(client, site_pages):
    page = casefile_page(client, [paragraph("Un texte sans terme.")])
    assert page.select(".item-body .glossary") == []


# --- The model -------------------------------------------------------------------------


def test_the_anchor_is_made_from_the_term_and_unique_per_language(site_pages):
    first = GlossaryTermFactory(term="Biais algorithmique")
    assert first.slug == "biais-algorithmique"
    second = GlossaryTermFactory(term="biais algorithmique")
    assert second.slug == "biais-algorithmique-2"
    clash = GlossaryTerm(term="autre", slug="biais-algorithmique", definition="x", locale=locale("fr"))
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "slug" in error.value.message_dict
    english = translate_term(first, term="algorithmic bias")
    english.full_clean()
    english.slug = "algorithmic-bias"
    with pytest.raises(ValidationError):
        english.full_clean()


# --- Admin: who may write the glossary ------------------------------------------------------


def add_term(client, term, slug):
    return client.post(
        reverse("wagtailsnippets_hub_glossaryterm:add") + "?locale=fr",
        {"term": term, "slug": slug, "definition": "Une définition.", "example": "", "other_forms": ""},
    )


@pytest.mark.parametrize(
    ("role", "can_add_and_change", "can_delete"),
    [(COMMUNITY_EDITORS, True, False), (REVIEWERS, True, True), (MUNICIPAL_PARTNERS, False, False)],
)
def test_snippet_rights_by_role(client, site_pages, role, can_add_and_change, can_delete):
    organization = OrganizationFactory() if role == MUNICIPAL_PARTNERS else None
    client.force_login(role_user(role, "personne", organization=organization))
    existing = GlossaryTermFactory(term="profilage", slug="profilage")

    response = add_term(client, "biais", "biais")
    assert GlossaryTerm.objects.filter(slug="biais").exists() is can_add_and_change, response.status_code

    edit_url = reverse("wagtailsnippets_hub_glossaryterm:edit", args=[existing.pk])
    client.post(edit_url, {"term": "profilage modifié", "slug": "profilage", "definition": "Nouvelle."})
    existing.refresh_from_db()
    assert (existing.term == "profilage modifié") is can_add_and_change

    client.post(reverse("wagtailsnippets_hub_glossaryterm:delete", args=[existing.pk]))
    assert GlossaryTerm.objects.filter(pk=existing.pk).exists() is not can_delete

    listing = client.get(reverse("wagtailsnippets_hub_glossaryterm:list"))
    assert (listing.status_code == 200) is can_add_and_change


def test_the_admin_offers_only_same_language_terms_as_related(superuser_client, terms):
    response = superuser_client.get(
        reverse("wagtailsnippets_hub_glossaryterm:edit", args=[terms["fr"]["algorithme"].pk])
    )
    choices = BeautifulSoup(response.content.decode(), "html.parser").select('input[name="related_terms"]')
    offered = {int(choice["value"]) for choice in choices}
    assert offered == {terms["fr"][key].pk for key in ("biais", "evaluation", "profilage")}


# --- Translation with wagtail-localize ----------------------------------------------------


def test_translation_with_wagtail_localize_keeps_the_anchor_and_resolves_related_terms(
    client, site_pages, django_capture_on_commit_callbacks
):
    biais = GlossaryTermFactory(
        term="biais", slug="biais", definition="Une erreur qui se répète.", example=""
    )
    modele = GlossaryTermFactory(
        term="modèle", slug="modele", definition="Un programme qui prédit.", example="", related_terms=[biais]
    )
    english = {
        "biais": "bias",
        "Une erreur qui se répète.": "An error that repeats.",
        "modèle": "model",
        "Un programme qui prédit.": "A program that predicts.",
    }
    for term in (biais, modele):
        source, _created = TranslationSource.get_or_create_from_instance(term)
        job = Translation.objects.create(source=source, target_locale=locale("en"))
        po = job.export_po()
        for entry in po:
            entry.msgstr = english[entry.msgid]
        assert job.import_po(po) == []
        with django_capture_on_commit_callbacks(execute=True):
            job.save_target(publish=True)

    model_en = GlossaryTerm.objects.get(translation_key=modele.translation_key, locale=locale("en"))
    assert (model_en.term, model_en.slug, model_en.definition) == (
        "model",
        "modele",
        "A program that predicts.",
    )
    page = soup(client.get(glossary_path("en")))
    entry = page.find("dfn", id="modele").find_parent(class_="glossary-entry")
    assert [(a.get_text(), a["href"]) for a in entry.select(".glossary-related a")] == [("bias", "#biais")]
