"""The project's rules in Wagtail's content checker, run by the real userbar in Chromium: a page
with a complex summary, a skipped heading level and a camera file name as alternative text is
flagged; a clean page is not. The checks' pure functions are also run on small documents."""

import pytest
from django.test import Client

from hub import readability
from hub.content_checks import CAMERA_FILE_NAME
from tests.factories import CaseFilePageFactory, ImageFactory, paragraph, role_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COMPLEX_FR = (
    "La municipalité a implanté un système automatisé de détermination de l'admissibilité "
    "qui complique considérablement l'évaluation individualisée des demandes présentées."
)
PROJECT_RULES_EN = {
    "Plain-language summary too complex",
    "Plain-language summary missing",
    "Heading level skipped",
    "Image without meaningful alternative text",
}


def heading(text, level):
    return {"type": "heading", "value": {"text": text, "level": level}}


def image(alt):
    return {
        "type": "image",
        "value": {"image": ImageFactory().pk, "alt_text": alt, "caption": "", "credit": ""},
    }


def signed_in(page, live_site):
    """Give the browser an English-speaking administrator's session: the userbar shows to
    editors only, in their admin language."""
    from wagtail.users.models import UserProfile

    user = role_user(None, "checker")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_site.base_url}]
    )


def checker_issues(page, url):
    """The names of the issues the userbar's content checker lists once axe has run."""
    page.goto(url)
    page.wait_for_function(
        """() => {
            const root = document.querySelector("wagtail-userbar")?.shadowRoot;
            const count = root?.querySelector("[data-content-checker-count]");
            return count && count.textContent !== "";
        }""",
        timeout=20000,
    )
    return page.evaluate(
        """() => Array.from(
            document.querySelector("wagtail-userbar").shadowRoot
                .querySelectorAll("#checker-results [data-content-checker-name]"),
            (node) => node.textContent.trim())"""
    )


def test_checker_flags_a_bad_page_and_passes_a_good_one(live_site, open_page):
    bad = CaseFilePageFactory(
        title="Page fautive",
        plain_summary=COMPLEX_FR,
        body=[
            heading("Contexte", "h2"),
            paragraph("Texte fictif."),
            heading("Détail", "h4"),
            image("DSC_0042"),
            image("Illustration"),
        ],
    )
    good = CaseFilePageFactory(
        title="Page correcte",
        plain_summary="Une machine trie les demandes. Une personne peut vérifier. Vous pouvez demander pourquoi.",
        body=[
            heading("Contexte", "h2"),
            paragraph("Texte fictif."),
            heading("Détail", "h3"),
            image("Une file d'attente devant un guichet municipal"),
        ],
    )
    page = open_page("desktop")
    signed_in(page, live_site)

    issues = checker_issues(page, live_site.absolute(bad.url))
    assert issues.count("Image without meaningful alternative text") == 2
    assert "Heading level skipped" in issues
    assert "Plain-language summary too complex" in issues
    assert "Plain-language summary missing" not in issues

    issues = checker_issues(page, live_site.absolute(good.url))
    assert not PROJECT_RULES_EN & set(issues), issues

    # The editor's checks panel runs axe in the preview frame, where the same checks are registered.
    page.goto(live_site.absolute(f"/admin/pages/{bad.pk}/edit/"))
    page.locator('[data-side-panel-toggle="checks"]').click()
    names = "[data-checks-panel] [data-content-checker-name]"
    page.wait_for_function(f"() => document.querySelectorAll('{names}').length > 0", timeout=20000)
    issues = page.evaluate(
        f"() => Array.from(document.querySelectorAll('{names}'), (node) => node.textContent.trim())"
    )
    assert {"Plain-language summary too complex", "Heading level skipped"} <= set(issues)
    assert "Image without meaningful alternative text" in issues


CHECKS_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"></head><body><h1>Titre</h1>
<section class="item-body"><h2 id="a">A</h2><h3 id="b">B</h3><h2 id="c">C</h2><h4 id="d">D</h4>
<img id="empty" src="/m/carte.png" alt="">
<img id="decorative" src="/m/ligne.png" alt="" role="presentation">
<img id="generic" src="/m/x.png" alt="Photo">
<img id="generic-fr" src="/m/x.png" alt="Capture d'écran">
<img id="camera" src="/m/x.png" alt="IMG_1234">
<img id="dsc" src="/m/x.png" alt="DSC01234">
<img id="extension" src="/m/x.png" alt="plan.jpg">
<img id="filename" src="/media/images/carte_du_quartier.2e16d0ba.fill-800x600.jpg" alt="Carte du quartier">
<img id="good" src="/m/x.png" alt="Carte des quartiers touchés, en rouge">
</section><script src="/static/hub/admin/content_checks.js"></script></body></html>"""


def test_check_functions_one_by_one(live_site, open_page):
    """The registered functions on a small document, outside axe: each rule's edge cases."""
    page = open_page("desktop")
    page.route(
        live_site.absolute("/checks/"),
        lambda route: route.fulfill(body=CHECKS_PAGE, content_type="text/html"),
    )
    page.goto(live_site.absolute("/checks/"))
    results = page.evaluate(
        """(pattern) => {
            const checks = window.vigieContentChecks;
            const alt = {generic: ["photo", "capture d'écran"], pattern: pattern};
            const result = {};
            for (const node of document.querySelectorAll("img")) {
                result[node.id] = checks["vigie-meaningful-alt"](node, alt);
            }
            for (const node of document.querySelectorAll("h2, h3, h4")) {
                result[node.id] = checks["vigie-no-skipped-heading"](node, {container: ".item-body"});
            }
            result.complex = checks["vigie-summary-not-complex"](null, {status: "complex", problem: "complex"});
            result.missingWhenComplex = checks["vigie-summary-not-missing"](null, {status: "complex", problem: "missing"});
            return result;
        }""",
        CAMERA_FILE_NAME,
    )
    assert results == {
        "empty": False,
        "decorative": True,
        "generic": False,
        "generic-fr": False,
        "camera": False,
        "dsc": False,
        "extension": False,
        "filename": False,
        "good": True,
        "a": True,
        "b": True,
        "c": True,
        "d": False,
        "complex": False,
        "missingWhenComplex": True,
    }


def test_readability_panel_updates_while_the_author_types(live_site, open_page, shoot):
    item = live_site.content.pages["casefile"]["fr"]
    page = open_page("desktop")
    signed_in(page, live_site)
    page.goto(live_site.absolute(f"/admin/pages/{item.pk}/edit/"))
    panel = page.locator("[data-readability]")
    advice = panel.locator("[data-readability-advice]")
    assert advice.get_attribute("aria-live") == "polite"
    assert panel.locator("[data-readability-score]").inner_text() == (
        f"{readability.assess(item.plain_summary, 'fr').score:.0f}/100"
    )

    page.locator("textarea[name=plain_summary]").fill(COMPLEX_FR)
    expected = f"{readability.assess(COMPLEX_FR, 'fr').score:.0f}/100"
    page.wait_for_function(
        "(expected) => document.querySelector('[data-readability-score]').textContent === expected",
        arg=expected,
        timeout=10000,
    )
    assert panel.locator("[data-readability-level]").inner_text() == "(difficult)"
    assert "Reading ease" in advice.inner_text() and "too complex" in advice.inner_text()
    shoot(page, "readability panel", "complex summary")

    page.locator("textarea[name=plain_summary]").fill("")
    page.wait_for_function(
        "() => document.querySelector('[data-readability-score]').textContent === '–'", timeout=10000
    )
    assert advice.inner_text() == "Write a plain-language summary."
