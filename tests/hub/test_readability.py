"""The readability indicator: scores recomputed here from counted words, sentences and syllables,
levels and advice, the stored score of drafts, publications and translations, the live admin
endpoint, the editor's panel, and the content checker's project rules."""

import json
import re
import threading

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pyphen import Pyphen
from textstat.textstat import textstatistics
from wagtail.users.models import UserProfile

from advocacy.data_columns import AGREEMENT_COLUMNS, BRIEF_COLUMNS
from hub import readability
from hub.content_checks import ProjectContentCheckerItem
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, REVIEWERS
from impacts.data_columns import CASEFILE_COLUMNS
from impacts.interchange import COLUMNS, export_csv
from impacts.models import CaseFilePage
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    role_user,
)
from tests.hub.test_translation import start_translation, translate_everything

PLAIN_FR = "Une machine trie les demandes. Une personne peut vérifier. Vous pouvez demander pourquoi."
COMPLEX_FR = (
    "La municipalité a implanté un système automatisé de détermination de l'admissibilité "
    "qui complique considérablement l'évaluation individualisée des demandes présentées par "
    "des résidents vulnérables dans plusieurs arrondissements."
)
PLAIN_EN = "A machine sorts the forms. A person can check it. You can ask why."
COMPLEX_EN = (
    "The municipality implemented an automated eligibility determination system that considerably "
    "complicates the individualized evaluation of applications submitted by vulnerable residents."
)

# The published formulas: Flesch (1948) for English, Kandel & Moles (1958) for French.
FORMULAS = {"en": (206.835, 1.015, 84.6), "fr": (207, 1.015, 73.6)}


def expected_score(text, language):
    """Reading ease counted here: sentences end with a full stop, words are runs of letters,
    syllables are pyphen's hyphenation points + 1. Test texts avoid apostrophes and hyphens."""
    sentences = [sentence for sentence in text.split(".") if sentence.strip()]
    words = re.findall(r"[^\W\d_]+", text)
    hyphenator = Pyphen(lang=language)
    syllables = sum(len(hyphenator.positions(word.lower())) + 1 for word in words)
    base, per_sentence, per_word = FORMULAS[language]
    score = base - per_sentence * len(words) / len(sentences) - per_word * syllables / len(words)
    return round(min(100, max(0, score)), 1)


@pytest.fixture
def english():
    """Advice in English (the site's default language is French)."""
    with translation.override("en"):
        yield


def words(count):
    return " ".join(["mot"] * count) + "."


# --- The assessment ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        (PLAIN_FR, "fr"),
        (
            "La commission a examiné plusieurs dossiers difficiles. Elle publiera ses conclusions bientôt.",
            "fr",
        ),
        (PLAIN_EN, "en"),
        ("The commission examined several difficult files. It will publish its conclusions soon.", "en"),
    ],
)
def test_score_is_the_flesch_formula_of_the_language(text, language):
    result = readability.assess(text, language)
    assert result.score == expected_score(text, language)
    assert result.words == len(re.findall(r"[^\W\d_]+", text))
    assert result.sentences == text.count(".")


def test_french_score_is_textstats_kandel_moles():
    statistics = textstatistics()
    statistics.set_lang("fr")
    text = "La commission a examiné plusieurs dossiers difficiles. Elle publiera ses conclusions bientôt."
    assert readability.assess(text, "fr").score == round(statistics.flesch_reading_ease(text), 1)


def test_the_same_text_scores_differently_in_french_and_english():
    text = "Le document est disponible. Le formulaire est simple."
    assert readability.assess(text, "fr").score == expected_score(text, "fr")
    assert readability.assess(text, "en").score == expected_score(text, "en")
    assert readability.assess(text, "fr").score != readability.assess(text, "en").score


def test_english_never_downloads_a_dictionary(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr("nltk.download", refuse)
    monkeypatch.setattr("nltk.data.find", refuse)
    assert readability.assess(COMPLEX_EN, "en").score == expected_score(COMPLEX_EN, "en")


def test_concurrent_languages_do_not_mix():
    texts = {"fr": COMPLEX_FR.replace("'", " "), "en": COMPLEX_EN}
    # The advice is in the active interface language, which is per thread: pin it everywhere.
    with translation.override("en"):
        expected = {language: readability.assess(text, language) for language, text in texts.items()}
    seen = []

    def run(language):
        with translation.override("en"):
            for _ in range(50):
                seen.append(readability.assess(texts[language], language) == expected[language])

    threads = [threading.Thread(target=run, args=(language,)) for language in ("fr", "en") * 4]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 400 and all(seen)


@pytest.mark.parametrize(
    "score, level",
    [
        (100, "easy"),
        (80, "easy"),
        (79.9, "fairly_easy"),
        (70, "fairly_easy"),
        (69.9, "standard"),
        (readability.TOO_COMPLEX_BELOW, "standard"),
        (readability.TOO_COMPLEX_BELOW - 0.1, "difficult"),
        (0, "difficult"),
        (None, ""),
    ],
)
def test_levels_at_their_boundaries(score, level):
    assert readability.level_for(score) == level


def test_too_complex_is_below_the_threshold():
    plain = readability.assess(PLAIN_FR, "fr")
    complex_ = readability.assess(COMPLEX_FR, "fr")
    assert plain.score >= readability.TOO_COMPLEX_BELOW and not plain.too_complex
    assert complex_.score < readability.TOO_COMPLEX_BELOW and complex_.too_complex
    assert complex_.level == "difficult"


def test_empty_text_has_no_score_and_asks_for_a_summary(english):
    for text in ("", "   ", "…"):
        result = readability.assess(text, "fr")
        assert result.score is None and result.level == "" and not result.too_complex
        assert result.advice == ("Write a plain-language summary.",)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        readability.assess(PLAIN_FR, "de")


def test_long_sentences_are_counted_and_shortened(english):
    text = f"{words(readability.LONG_SENTENCE_WORDS)} {words(21)} {words(30)}"
    result = readability.assess(text, "fr")
    assert len(result.long_sentences) == 2
    assert all(sentence.endswith("…") for sentence in result.long_sentences)
    assert all(
        len(sentence.split()) == readability.SHORTENED_SENTENCE_WORDS + 1
        for sentence in result.long_sentences
    )
    assert "2 sentences have more than 20 words: split them." in result.advice
    one = readability.assess(f"{words(20)} {words(21)}", "fr")
    assert "1 sentence has more than 20 words: split it." in one.advice
    assert not any("words: split" in line for line in readability.assess(words(20), "fr").advice)


def test_long_words_by_language(english):
    english = readability.assess(COMPLEX_EN, "en").long_words
    assert english[:3] == ("municipality", "implemented", "eligibility")
    assert "considerably" in english and "complicates" in english
    assert "machine" not in readability.assess(PLAIN_EN, "en").long_words
    french = readability.assess(COMPLEX_FR, "fr")
    assert "municipalité" in french.long_words and "système" not in french.long_words
    assert any(line.startswith("Many long words (") for line in french.advice)
    assert not any(line.startswith("Many long words") for line in readability.assess(PLAIN_FR, "fr").advice)


def test_advice_is_in_the_active_language():
    with translation.override("fr"):
        assert readability.assess("", "en").advice == ("Rédigez un résumé en langage clair.",)
        result = readability.assess(f"{words(21)} {words(22)}", "en")
        assert "2 phrases ont plus de 20 mots : coupez-les." in result.advice


# --- Stored on the page ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "factory", [CaseFilePageFactory, AdvocacyBriefPageFactory, CollaborationAgreementPageFactory]
)
def test_score_is_stored_when_an_item_is_saved(site_pages, factory):
    page = factory(plain_summary=COMPLEX_FR)
    page = type(page).objects.get(pk=page.pk)
    assert page.plain_summary_score == readability.assess(COMPLEX_FR, "fr").score
    assert page.plain_summary_level == "difficult"


def test_draft_revision_carries_its_score_and_publication_stores_it(site_pages):
    page = CaseFilePageFactory(plain_summary=PLAIN_FR)
    live_score = CaseFilePage.objects.get(pk=page.pk).plain_summary_score
    page.plain_summary = COMPLEX_FR
    revision = page.save_revision()

    assert revision.as_object().plain_summary_score == readability.assess(COMPLEX_FR, "fr").score
    assert revision.as_object().plain_summary_level == "difficult"
    assert CaseFilePage.objects.get(pk=page.pk).plain_summary_score == live_score

    revision.publish()
    stored = CaseFilePage.objects.get(pk=page.pk)
    assert stored.plain_summary_score == readability.assess(COMPLEX_FR, "fr").score
    assert stored.plain_summary_level == "difficult"


def test_saving_only_the_summary_updates_the_score(site_pages):
    page = CaseFilePageFactory(plain_summary=PLAIN_FR)
    page.plain_summary = COMPLEX_FR
    page.save(update_fields=["plain_summary"])
    assert CaseFilePage.objects.get(pk=page.pk).plain_summary_level == "difficult"


def test_a_translation_gets_its_own_score_in_its_language(site_pages, django_capture_on_commit_callbacks):
    source = CaseFilePageFactory(
        title="Tri des demandes",
        slug="tri-demandes",
        summary="Un outil fictif trie les demandes.",
        plain_summary=PLAIN_FR,
        decision_role="Trie.",
        body=[],
    )
    job = start_translation(source)
    translate_everything(
        job,
        {
            "Tri des demandes": "Sorting requests",
            "tri-demandes": "sorting-requests",
            "Un outil fictif trie les demandes.": "A fictional tool sorts requests.",
            PLAIN_FR: COMPLEX_EN,
            "Trie.": "Sorts.",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        job.save_target(publish=True)

    english = CaseFilePage.objects.get(translation_key=source.translation_key, locale__language_code="en")
    french = CaseFilePage.objects.get(pk=source.pk)
    assert english.plain_summary_score == readability.assess(COMPLEX_EN, "en").score
    assert english.plain_summary_level == "difficult"
    assert french.plain_summary_score == readability.assess(PLAIN_FR, "fr").score
    assert french.plain_summary_level != "difficult"


def test_score_fields_are_neither_translated_nor_synchronised():
    names = {field.field_name for field in CaseFilePage.translatable_fields}
    assert "plain_summary" in names
    assert not names & {"plain_summary_score", "plain_summary_level"}


def test_backfill_scores_existing_pages(site_pages):
    page = CaseFilePageFactory(plain_summary=COMPLEX_FR)
    CaseFilePage.objects.filter(pk=page.pk).update(plain_summary_score=None, plain_summary_level="")
    readability.backfill(CaseFilePage)
    stored = CaseFilePage.objects.get(pk=page.pk)
    assert stored.plain_summary_score == readability.assess(COMPLEX_FR, "fr").score
    assert stored.plain_summary_level == "difficult"


# --- The live endpoint -------------------------------------------------------------------------

URL = "/admin/readability/"


@pytest.fixture
def casefile(site_pages):
    return CaseFilePageFactory(plain_summary=PLAIN_FR)


@pytest.fixture
def editor_client(client, site_pages):
    client.force_login(role_user(COMMUNITY_EDITORS, "editor"))
    return client


def english_speaker(role, username):
    """A user whose admin language is English (the site's default is French)."""
    user = role_user(role, username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def test_endpoint_url_is_registered():
    assert reverse("hub_readability") == URL


def test_endpoint_assesses_the_text_for_an_editor(editor_client, casefile):
    response = editor_client.post(URL, {"text": COMPLEX_EN, "language": "en", "page": casefile.pk})
    assert response.status_code == 200
    data = response.json()
    assert data["score"] == readability.assess(COMPLEX_EN, "en").score
    assert data["level"] == "difficult" and data["too_complex"] is True
    assert data["advice"] and data["no_advice"]


def test_endpoint_works_for_a_new_page_under_a_parent_the_editor_may_add_to(editor_client, casefile):
    response = editor_client.post(
        URL, {"text": PLAIN_FR, "language": "fr", "parent": casefile.get_parent().pk}
    )
    assert response.status_code == 200


def test_endpoint_answers_in_the_editors_admin_language(client, casefile):
    client.force_login(english_speaker(COMMUNITY_EDITORS, "english"))
    response = client.post(URL, {"text": "", "language": "fr", "page": casefile.pk})
    assert response.json()["advice"] == ["Write a plain-language summary."]


def test_anonymous_is_sent_to_the_login(client, casefile):
    response = client.post(URL, {"text": PLAIN_FR, "language": "fr", "page": casefile.pk})
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_partner_without_edit_rights_is_refused(client, casefile):
    client.force_login(role_user(MUNICIPAL_PARTNERS, "partner", organization=OrganizationFactory()))
    response = client.post(URL, {"text": PLAIN_FR, "language": "fr", "page": casefile.pk})
    assert response.status_code == 403
    response = client.post(URL, {"text": PLAIN_FR, "language": "fr", "parent": casefile.get_parent().pk})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": PLAIN_FR}, "Say which language the text is in."),
        ({"text": PLAIN_FR, "language": "de"}, "Readability is measured in French or English only."),
        ({"language": "fr"}, "Send the text to assess."),
        (
            {"text": "a" * (readability.MAX_TEXT_LENGTH + 1), "language": "fr"},
            f"The text is too long to assess (more than {readability.MAX_TEXT_LENGTH} characters).",
        ),
    ],
)
def test_bad_input_gets_a_400_that_says_why(client, casefile, data, message):
    client.force_login(english_speaker(COMMUNITY_EDITORS, "editor"))
    response = client.post(URL, {**data, "page": casefile.pk})
    assert response.status_code == 400
    assert response.json() == {"error": message}


@pytest.mark.parametrize("page", ["", "abc", "999999", "-1", "9" * 30, "１２"])
def test_missing_or_unknown_page_is_refused_not_an_error(editor_client, casefile, page):
    response = editor_client.post(URL, {"text": PLAIN_FR, "language": "fr", "page": page})
    assert response.status_code == 403


def test_only_post_with_a_csrf_token(casefile, editor_client):
    assert editor_client.get(URL).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(role_user(COMMUNITY_EDITORS, "strict"))
    assert strict.post(URL, {"text": PLAIN_FR, "language": "fr", "page": casefile.pk}).status_code == 403


# --- The editor's panel ------------------------------------------------------------------------


def test_reviewer_sees_score_level_and_advice_in_the_edit_view(client, site_pages):
    page = CaseFilePageFactory(plain_summary=COMPLEX_FR)
    client.force_login(role_user(REVIEWERS, "reviewer"))
    with translation.override("fr"):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    result = readability.assess(COMPLEX_FR, "fr")
    assert "data-readability " in html or "data-readability\n" in html
    assert f"{result.score:.0f}/100" in html
    assert 'aria-live="polite"' in html
    assert 'data-readability-language="fr"' in html
    assert f'data-readability-page="{page.pk}"' in html
    assert "hub/admin/readability.js" in html
    assert "(difficile)" in html


def test_panel_shows_in_the_create_view_with_the_parent(superuser_client, site_pages):
    index = site_pages["fr"]["impacts.CaseFileIndexPage"]
    response = superuser_client.get(
        reverse("wagtailadmin_pages:add", args=["impacts", "casefilepage", index.pk])
    )
    assert response.status_code == 200
    assert f'data-readability-parent="{index.pk}"' in response.content.decode()


# --- Never public ------------------------------------------------------------------------------


def test_score_is_not_in_public_html_api_or_csv(client, site_pages):
    page = CaseFilePageFactory(plain_summary=COMPLEX_FR)
    html = client.get(page.url).content.decode()
    assert "readability" not in html and "plain_summary_score" not in html
    assert "vigie-summary" not in html
    items = client.get("/api/v2/pages/", {"type": "impacts.CaseFilePage", "fields": "*"}).json()["items"]
    assert items and all(not {"plain_summary_score", "plain_summary_level"} & item.keys() for item in items)
    assert "plain_summary_score" not in export_csv() and "plain_summary_level" not in COLUMNS
    for column in (*CASEFILE_COLUMNS, *BRIEF_COLUMNS, *AGREEMENT_COLUMNS):
        assert "plain_summary_score" not in repr(column) and "plain_summary_level" not in repr(column)


# --- The content checker -----------------------------------------------------------------------


def axe_configuration(html):
    match = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "no content checker configuration"
    return json.loads(match.group(1))


def test_userbar_checker_has_the_project_rules(superuser_client, site_pages):
    page = CaseFilePageFactory(plain_summary=COMPLEX_FR)
    html = superuser_client.get(page.url).content.decode()
    config = axe_configuration(html)
    rules = {rule["id"]: rule for rule in config["spec"]["rules"]}
    checks = {check["id"]: check for check in config["spec"]["checks"]}
    ours = [
        "vigie-plain-summary-missing",
        "vigie-plain-summary-complex",
        "vigie-image-alt",
        "vigie-heading-levels",
    ]
    assert set(ours) <= set(config["options"]["runOnly"])
    assert set(ours) <= rules.keys() and set(ours) <= config["messages"].keys()
    assert "alt-text-quality" in rules and "heading-order" in config["options"]["runOnly"]
    assert rules["vigie-image-alt"]["selector"] == ".item-body img"
    assert checks["vigie-summary-not-complex"]["options"] == {"status": "complex", "problem": "complex"}
    assert "photo" in checks["vigie-meaningful-alt"]["options"]["generic"]
    assert "hub/admin/content_checks.js" in html


def test_checker_messages_in_both_languages(site_pages):
    page = CaseFilePageFactory(plain_summary=PLAIN_FR)
    item = ProjectContentCheckerItem(page=page)
    with translation.override("fr"):
        french = {key: str(value["error_name"]) for key, value in item.get_axe_messages(None).items()}
    with translation.override("en"):
        english = {key: str(value["error_name"]) for key, value in item.get_axe_messages(None).items()}
    assert english["vigie-image-alt"] == "Image without meaningful alternative text"
    assert french["vigie-image-alt"] == "Image sans texte de remplacement utile"
    assert french["vigie-heading-levels"] != english["vigie-heading-levels"]
    assert french["vigie-plain-summary-complex"] != english["vigie-plain-summary-complex"]


def test_summary_status_follows_the_page(site_pages):
    page = CaseFilePageFactory(plain_summary=PLAIN_FR)
    item = ProjectContentCheckerItem(page=page)
    checks = {check["id"]: check for check in item.get_axe_custom_checks(None)}
    assert checks["vigie-summary-not-missing"]["options"]["status"] == "ok"
    empty = CaseFilePage(plain_summary="", locale=page.locale)
    checks = {
        check["id"]: check for check in ProjectContentCheckerItem(page=empty).get_axe_custom_checks(None)
    }
    assert checks["vigie-summary-not-missing"]["options"]["status"] == "missing"
    assert "vigie-plain-summary-missing" not in ProjectContentCheckerItem(
        page=site_pages["fr"]["home"]
    ).get_axe_run_only(None)


def test_editor_checks_panel_uses_the_project_rules(superuser_client, site_pages):
    page = CaseFilePageFactory(plain_summary=COMPLEX_FR)
    html = superuser_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    config = axe_configuration(html)
    assert "vigie-heading-levels" in config["options"]["runOnly"]
    assert "vigie-plain-summary-complex" in config["messages"]


def test_reviewer_dashboard_lists_the_submitted_summarys_score(client, site_pages):
    editor = role_user(COMMUNITY_EDITORS, "author")
    page = CaseFilePageFactory(live=False, title="Dossier soumis", plain_summary=COMPLEX_FR, owner=editor)
    page.get_workflow().start(page, editor)
    client.force_login(english_speaker(REVIEWERS, "reviewer"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Plain-language summaries awaiting your review" in html
    assert f"{readability.assess(COMPLEX_FR, 'fr').score:.0f}/100" in html
    assert "<strong>difficult</strong> (too complex)" in html
    client.force_login(english_speaker(COMMUNITY_EDITORS, "other-editor"))
    assert (
        "Plain-language summaries awaiting your review"
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
