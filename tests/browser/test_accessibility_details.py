"""What axe-core does not check, checked in a real browser:

- a visible focus indicator (changed outline or box shadow, 3:1 against what surrounds it) on
  every element of the search form reached with Tab;
- targets of at least 24 × 24 CSS px on every audited page, with WCAG 2.5.8's inline and
  spacing exceptions;
- ``lang`` on the page, on the language switcher and on content shown untranslated;
- the facet checkboxes grouped in fieldsets with a legend;
- with JavaScript, a facet or sort change updates the results in place and the new count is
  announced by a polite live region; without it, or when the fetch fails, the form submits.
"""

import re

import pytest

from tests.browser.axe import audit
from tests.browser.test_accessibility_audit import AUDITED_PAGES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Montréal items one per result page, so pagination, an active filter and results all show.
FOCUS_QUERY = "?region=montreal&page_size=1"

# --- Focus -------------------------------------------------------------------------------------

# Computed styles of an element, the effective background behind it, and WCAG contrast.
STYLE_HELPERS = """
const parseColour = (text) => {
    const m = (text || "").match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
};
const luminance = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
};
const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
};
const backgroundBehind = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
        const c = parseColour(getComputedStyle(node).backgroundColor);
        if (c && c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
};
const focusStyle = (el) => {
    const s = getComputedStyle(el);
    return {outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
            outlineColor: s.outlineColor, boxShadow: s.boxShadow,
            backgroundColor: s.backgroundColor, color: s.color};
};
"""

# Every focusable element of the search form, keyed so the Tab loop can find its resting style.
SNAPSHOT_RESTING = (
    "() => {"
    + STYLE_HELPERS
    + """
    const form = document.querySelector("form.search-form");
    const all = [...form.querySelectorAll("a[href], button, input, select, textarea")];
    all.forEach((el, i) => { el.dataset.focusKey = String(i); });
    window.__resting = Object.fromEntries(all.map((el) => [el.dataset.focusKey, focusStyle(el)]));
    return all.length;
}"""
)

# The focused element judged against its resting style: a description and the problem, if any.
JUDGE_FOCUSED = (
    "() => {"
    + STYLE_HELPERS
    + """
    const el = document.activeElement;
    const form = document.querySelector("form.search-form");
    if (!el || !form.contains(el)) return null;
    const label = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        (el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : "") +
        (el.type && el.tagName !== "A" ? "[type=" + el.type + "]" : "") +
        " \\"" + ((el.labels && el.labels[0] ? el.labels[0].innerText : el.innerText) || el.value || "")
            .trim().slice(0, 40) + "\\"";
    const kind = el.type === "checkbox" ? "checkbox" : el.tagName === "SELECT" ? "select" :
        el.closest(".remove-filter") ? "remove filter" : el.closest(".result") ? "result" :
        el.closest(".pagination") ? "pagination" : el.closest(".downloads") ? "download" :
        el.tagName === "BUTTON" ? "button" : el.type === "search" ? "search box" : "link";
    const focused = focusStyle(el);
    // An element added after the snapshot (none expected) is judged against no indicator at all.
    const resting = window.__resting[el.dataset.focusKey] ||
        {outlineStyle: "none", outlineWidth: 0, outlineColor: "", boxShadow: "none"};
    const around = backgroundBehind(el.parentElement);
    const problems = [];
    const outline = focused.outlineStyle !== "none" && focused.outlineWidth >= 2;
    const outlineChanged = outline && (resting.outlineStyle === "none" || resting.outlineWidth < 2 ||
        resting.outlineColor !== focused.outlineColor);
    const shadow = focused.boxShadow !== "none" && focused.boxShadow !== resting.boxShadow;
    if (!outlineChanged && !shadow) {
        problems.push(`no focus indicator (outline ${focused.outlineStyle} ${focused.outlineWidth}px, ` +
            `box-shadow ${focused.boxShadow}; at rest ${resting.outlineStyle} ${resting.outlineWidth}px, ` +
            `${resting.boxShadow})`);
    } else {
        const ratios = [];
        if (outlineChanged) ratios.push(contrast(parseColour(focused.outlineColor), around));
        if (shadow) ratios.push(contrast(parseColour(focused.boxShadow), around));
        const best = Math.max(...ratios);
        if (!(best >= 3)) {
            problems.push(`focus indicator contrast ${best.toFixed(2)}:1 against the background ` +
                `(outline ${focused.outlineColor}, box-shadow ${focused.boxShadow})`);
        }
    }
    return {key: el.dataset.focusKey, label, kind, problems};
}"""
)

EXPECTED_KINDS = {
    "search box",
    "button",
    "checkbox",
    "select",
    "remove filter",
    "result",
    "pagination",
    "download",
}


def tab_through_search_form(page, limit=120):
    """Tab from the search box to the end of the form: ``[{key, label, kind, problems}]``."""
    page.evaluate(SNAPSHOT_RESTING)
    page.focus("#search-q")
    page.keyboard.press("Shift+Tab")  # focus arrived from the keyboard, so :focus-visible applies
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        judged = page.evaluate(JUDGE_FOCUSED)
        if judged is None:
            if seen:
                break
            continue
        seen.append(judged)
    return seen


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_every_element_of_the_search_form_shows_a_visible_focus_indicator(live_site, open_page, viewport):
    page = open_page(viewport, language="fr")
    page.goto(live_site.url("search", "fr", FOCUS_QUERY))
    summary = page.locator("#search-filters > summary")
    if summary.is_visible() and page.locator("#search-filters[open]").count() == 0:
        summary.click()  # on a phone the filters fold into one line: open them
    seen = tab_through_search_form(page)
    missing = EXPECTED_KINDS - {element["kind"] for element in seen}
    assert not missing, f"Tab never reached: {sorted(missing)}; reached {[e['label'] for e in seen]}"
    problems = [f"{e['label']}: {problem}" for e in seen for problem in e["problems"]]
    assert not problems, "Focus not visible enough:\n" + "\n".join(problems)


# --- Target size -------------------------------------------------------------------------------

# WCAG 2.5.8 Target Size (Minimum): each target is at least 24 × 24 CSS px, unless
# - inline: it sits in a sentence or block of text (an inline box whose block holds other text);
# - spacing: a 24 px circle centred on it meets no other target and no other small target's circle.
TARGET_SIZE_CHECK = """
() => {
    const SELECTOR = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, ' +
        '[tabindex]:not([tabindex="-1"]), [role="button"], [role="link"], [role="checkbox"]';
    const visible = (el) => {
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return s.visibility !== "hidden" && s.display !== "none" && r.width > 1 && r.height > 1 &&
            !(s.position === "absolute" && s.clip === "rect(0px, 0px, 0px, 0px)");
    };
    const describe = (el) => {
        let path = [];
        for (let node = el; node && node.nodeType === 1 && path.length < 4; node = node.parentElement) {
            let part = node.tagName.toLowerCase();
            if (node.id) { path.unshift(part + "#" + node.id); break; }
            if (node.classList.length) part += "." + [...node.classList].join(".");
            path.unshift(part);
        }
        return path.join(" > ") + ' "' + (el.innerText || el.value || "").trim().slice(0, 30) + '"';
    };
    const blockOf = (el) => {
        for (let node = el.parentElement; node; node = node.parentElement) {
            if (!getComputedStyle(node).display.startsWith("inline")) return node;
        }
        return document.body;
    };
    const targets = [...document.querySelectorAll(SELECTOR)].filter(visible);
    const inSentence = (el) => {
        if (getComputedStyle(el).display !== "inline") return false;
        const block = blockOf(el);
        // The block's text once every target's own text is taken out: a sentence around the link.
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        let other = "";
        while (walker.nextNode()) {
            const text = walker.currentNode;
            if (!targets.some((t) => t.contains(text))) other += text.textContent;
        }
        return other.replace(/[\\s·•|,;:()\\[\\]–—-]+/g, "").length > 0;
    };
    const boxes = targets.map((el) => {
        const r = el.getBoundingClientRect();
        return {el, x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height,
                cx: r.left + scrollX + r.width / 2, cy: r.top + scrollY + r.height / 2};
    });
    const small = boxes.filter((b) => b.w < 23.95 || b.h < 23.95);
    const circleMeetsRect = (c, b) => {
        const nx = Math.max(b.x, Math.min(c.cx, b.x + b.w));
        const ny = Math.max(b.y, Math.min(c.cy, b.y + b.h));
        return Math.hypot(c.cx - nx, c.cy - ny) < 12;
    };
    const offenders = [];
    for (const b of small) {
        if (inSentence(b.el)) continue;
        const crowded = boxes.filter((o) => o.el !== b.el && !o.el.contains(b.el) && !b.el.contains(o.el) &&
            (circleMeetsRect(b, o) || (small.includes(o) && Math.hypot(b.cx - o.cx, b.cy - o.cy) < 24)));
        if (crowded.length) {
            offenders.push(`${describe(b.el)}: ${b.w.toFixed(1)}×${b.h.toFixed(1)} px, ` +
                `too close to ${describe(crowded[0].el)}`);
        }
    }
    return offenders;
}
"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_every_target_is_24_px_or_spaced_or_inline(live_site, open_page, viewport):
    found = {}
    for language in ("fr", "en"):
        page = open_page(viewport, language=language)
        for name, url_for in AUDITED_PAGES.items():
            page.goto(url_for(live_site, language))
            offenders = page.evaluate(TARGET_SIZE_CHECK)
            if offenders:
                found[f"{name} ({language})"] = offenders
    assert not found, "Targets under 24 × 24 CSS px without the spacing or inline exception:\n" + "\n".join(
        f"{name}:\n  " + "\n  ".join(lines) for name, lines in found.items()
    )


# --- Languages ---------------------------------------------------------------------------------

OTHER = {"fr": "en", "en": "fr"}


def test_the_page_and_the_language_switcher_carry_the_right_lang(live_site, open_page):
    problems = []
    for language in ("fr", "en"):
        page = open_page("desktop", language=language)
        for name, url_for in AUDITED_PAGES.items():
            page.goto(url_for(live_site, language))
            html_lang = page.locator("html").get_attribute("lang")
            if html_lang != language:
                problems.append(f"{name} ({language}): <html lang={html_lang!r}>")
            switcher = page.locator(".language-switcher a")
            codes = {link.get_attribute("hreflang"): link.get_attribute("lang") for link in switcher.all()}
            if codes.get(OTHER[language]) != OTHER[language]:
                problems.append(f"{name} ({language}): the link to {OTHER[language]} has lang={codes}")
    assert not problems, "\n".join(problems)


def test_a_case_file_shown_untranslated_on_the_english_site_is_marked_french(live_site, open_page):
    untranslated = live_site.content.pages["untranslated casefile"]["fr"]
    page = open_page("desktop", language="en")

    page.goto(live_site.url("casefile index", "en"))
    card = page.locator(".card", has_text=untranslated.public_id)
    assert card.locator(".card__title a").get_attribute("lang") == "fr"
    assert card.locator(".card__summary").get_attribute("lang") == "fr"
    # The notice is interface text: English, the page's language.
    assert card.locator(".untranslated-notice").evaluate("el => el.closest('[lang]').lang") == "en"

    page.goto(live_site.url("search", "en", f"?q={untranslated.public_id}"))
    hit = page.locator(".result article", has_text=untranslated.public_id)
    assert hit.get_attribute("lang") == "fr"
    assert hit.locator(".untranslated").get_attribute("lang") == "en"

    response = page.goto(live_site.url("untranslated casefile", "en"))
    assert response.status == 200 and page.url.startswith(live_site.url("casefile index", "en"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == untranslated.title
    assert page.locator(".untranslated-notice").evaluate("el => el.closest('[lang]').lang") == "en"
    assert page.locator(".summary p").get_attribute("lang") == "fr"


def test_a_french_testimony_on_the_english_case_file_is_marked_french(live_site, open_page):
    page = open_page("desktop", language="en")
    page.goto(live_site.url("casefile", "en"))
    testimony = page.locator(".testimony")
    assert testimony.count() == 1
    french = testimony.locator("[lang='fr']")
    marked = (
        " ".join(french.all_text_contents())
        + " "
        + " ".join(img.get_attribute("alt") for img in testimony.locator("img[lang='fr']").all())
    )
    for passage in (
        "Témoignage fictif",
        "La machine a dit non",
        "Personne fictive, Laval",
        "lettre de refus",
    ):
        assert passage in marked, f"{passage!r} is not inside lang='fr' on the English page"
    assert testimony.locator("summary").evaluate("el => el.closest('[lang]').lang") == "en"


# --- Facets ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_facet_checkbox_is_in_a_fieldset_with_a_legend(live_site, open_page, language):
    page = open_page("desktop", language=language)
    page.goto(live_site.url("search", language))
    checkboxes = page.locator("form.search-form input[type=checkbox]")
    assert checkboxes.count() >= 5
    orphans = checkboxes.evaluate_all(
        """els => els.filter(el => {
            const fieldset = el.closest("fieldset");
            const legend = fieldset && fieldset.querySelector(":scope > legend");
            return !legend || !legend.textContent.trim();
        }).map(el => el.id || el.name + "=" + el.value)"""
    )
    assert not orphans, f"Checkboxes outside a fieldset with a non-empty legend: {orphans}"


# --- The result count announced when filters change ---------------------------------------------


def result_count(page):
    return re.sub(r"\s+", " ", page.locator("#results-heading").inner_text()).strip()


def wait_for_announcement(page):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(
            "() => document.getElementById('search-status').textContent.trim() !== ''", timeout=10_000
        )
    except PlaywrightTimeout:
        pytest.fail(
            "The live region #search-status announced nothing within 10 s of the change; results heading: "
            f"{result_count(page)!r}, address: {page.url}"
        )


def assert_count_matches_results(page):
    """The heading's number is the number of results listed (all fit on one page here)."""
    count = int(result_count(page).split()[0])
    assert count == page.locator(".result").count(), (result_count(page), page.locator(".result").count())
    return count


@pytest.mark.parametrize("language", ["fr", "en"])
def test_ticking_a_facet_updates_the_results_in_place_and_announces_the_count(live_site, open_page, language):
    page = open_page("desktop", language=language)
    page.goto(live_site.url("search", language))
    status = page.locator("#search-status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert page.locator("#search-region #search-status").count() == 0, "the swap would replace it"
    before = result_count(page)
    page.evaluate("window.__notReloaded = true")

    checkbox = page.locator("#f-region-montreal")
    checkbox.focus()
    page.keyboard.press("Space")
    wait_for_announcement(page)

    after = result_count(page)
    assert after != before
    montreal = assert_count_matches_results(page)
    assert status.inner_text().strip() == after
    assert page.evaluate("window.__notReloaded === true"), "the page was reloaded"
    assert "region=montreal" in page.url
    assert page.locator("#f-region-montreal").is_checked()
    assert page.evaluate("document.activeElement.id") == "f-region-montreal"
    assert page.locator(".remove-filter").count() == 1
    violations = audit(page)
    assert not violations, "After the in-place update:\n" + "\n".join(violations)

    # A second change (here the sort) is announced too: the region keeps working after the swap.
    page.evaluate("document.getElementById('search-status').textContent = ''")
    page.locator("#f-risk-discrimination").check()
    wait_for_announcement(page)
    assert status.inner_text().strip() == result_count(page)
    assert assert_count_matches_results(page) < montreal
    page.evaluate("document.getElementById('search-status').textContent = ''")
    page.select_option("#search-sort", "title")
    wait_for_announcement(page)
    assert "sort=title" in page.url and page.evaluate("document.activeElement.id") == "search-sort"
    assert page.evaluate("window.__notReloaded === true")


def test_without_javascript_the_filters_apply_with_the_button(live_site, open_page):
    page = open_page("desktop", javascript=False)
    page.goto(live_site.url("search", "fr"))
    page.locator("#f-region-montreal").check()
    assert "region=" not in page.url
    page.locator(".search-facets button[type=submit]").click()
    page.wait_for_url(re.compile(r"region=montreal"))
    assert page.locator("#f-region-montreal").is_checked()
    assert_count_matches_results(page)


def test_when_the_fetch_fails_the_form_is_submitted_normally(live_site, open_page):
    page = open_page("desktop")
    page.goto(live_site.url("search", "fr"))
    page.route(
        re.compile(r".*/recherche/.*"),
        lambda route: route.abort() if route.request.resource_type == "fetch" else route.continue_(),
    )
    page.evaluate("window.__notReloaded = true")
    page.locator("#f-region-montreal").check()
    page.wait_for_url(re.compile(r"region=montreal"))
    page.wait_for_load_state()
    assert page.evaluate("window.__notReloaded === undefined"), "the form should have been submitted"
    assert page.locator("#f-region-montreal").is_checked()
    assert_count_matches_results(page)
