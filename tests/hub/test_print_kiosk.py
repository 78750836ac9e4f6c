"""The printed case file (id, dates, permanent address and its QR code, full source addresses) and
the kiosk mode of library computers (``?kiosk=1``).

Expected addresses are written out here from the test client's host, never taken from
``hub.citations``; the QR code is read back module by module from the page's SVG and compared
with what segno encodes for that address."""

import datetime
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import segno
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.formats import date_format

from hub.middleware import KIOSK_COOKIE, KIOSK_START_COOKIE, kiosk_html
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DeclaredRecordFactory,
    DocumentFactory,
    SystemPageFactory,
    evidence,
    paragraph,
)

HOST = "http://testserver"
OUTSIDE = "https://ailleurs.example.net/rapport?annee=2025&page=2"
# Link text and address an editor could paste: both must stay text after the kiosk rewrite.
HOSTILE_TEXT = "<script>alert('texte')</script> & <b>gras</b>"
HOSTILE_URL = 'https://piege.example.net/"><script>alert(1)</script>'


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def richtext_link(href, text, **attributes):
    """A paragraph block holding one link, written the way Wagtail stores an external link."""
    tag = soup_tag("a", text, href=href, **attributes)
    return paragraph(f"Voir {tag}.")


def soup_tag(name, text, **attributes):
    document = BeautifulSoup("", "html.parser")
    tag = document.new_tag(name, attrs=attributes)
    tag.string = text
    return str(tag)


# --- Print -----------------------------------------------------------------------------------


def dark_modules(svg):
    """The dark modules of a QR code drawn by an SVG path of horizontal runs (``M``/``m`` moves,
    ``h`` runs), as ``(column, row)`` from the top-left module."""
    path = re.search(r'\sd="([^"]+)"', svg).group(1)
    x = y = 0.0
    dark = set()
    for command, numbers in re.findall(r"([MmHh])([^MmHh]*)", path):
        values = [float(value) for value in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        elif command == "h":
            dark.update((int(x + step), int(y)) for step in range(int(values[0])))
            x += values[0]
        else:
            raise AssertionError(f"unexpected path command {command}")
    left = min(column for column, _row in dark)
    top = min(row for _column, row in dark)
    return {(column - left, row - top) for column, row in dark}


def segno_modules(address):
    """What segno encodes for ``address``, at any error correction level the page may have chosen."""
    return [
        {
            (column, row)
            for row, line in enumerate(segno.make(address, error=level).matrix)
            for column, value in enumerate(line)
            if value
        }
        for level in "LMQH"
    ]


@pytest.fixture
def casefile(site_pages, clock):
    """A case file first published on 1 January 2026, updated on 5 March 2026, with one source
    on another site and one archived copy kept on the hub (a relative address)."""
    archive = DocumentFactory()
    archived = evidence("https://journal.example.org/dossier-imprime", title="Article imprimé")
    archived["value"]["archived_document"] = archive.pk
    page = CaseFilePageFactory(
        title="Dossier à imprimer",
        plain_summary="Une machine trie les demandes. Cet exemple est inventé.",
        body=[paragraph("Contenu fictif pour les tests."), archived],
    )
    clock.set(2026, 3, 5, 15)
    page.save_revision().publish()
    page.refresh_from_db()
    page.archive_document = archive
    return page


def print_facts(response):
    block = soup(response).select_one(".print-facts")
    assert block is not None, "no print block"
    return block


def test_the_print_block_names_the_id_the_dates_and_the_full_permanent_address(client, casefile):
    block = print_facts(client.get(casefile.url))
    permanent = f"{HOST}/cite/{casefile.public_id}/"
    text = block.get_text(" ", strip=True)
    assert casefile.public_id in text
    assert permanent in text
    with translation.override("fr"):
        first, updated = date_format(datetime.date(2026, 1, 1)), date_format(datetime.date(2026, 3, 5))
    assert [time["datetime"] for time in block.select("time")][:2] == ["2026-01-01", "2026-03-05"]
    assert f"Publié {first}" in text
    assert f"Dernière mise à jour {updated}" in text


def test_the_qr_code_encodes_the_permanent_address_and_names_it(client, casefile):
    svg = print_facts(client.get(casefile.url)).select_one("svg")
    permanent = f"{HOST}/cite/{casefile.public_id}/"
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == permanent
    assert svg.get("viewbox") or svg.get("viewBox"), "sized by CSS, not by fixed attributes"
    drawn = dark_modules(str(svg))
    assert drawn in segno_modules(permanent)
    assert drawn not in segno_modules(f"{HOST}/cite/CF-0000-0000/"), "the comparison must tell codes apart"


def test_the_qr_code_uses_the_address_the_visitor_reached_the_hub_at(client, casefile, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "vigie.example"]
    svg = print_facts(client.get(casefile.url, HTTP_HOST="vigie.example", secure=True)).select_one("svg")
    assert dark_modules(str(svg)) in segno_modules(f"https://vigie.example/cite/{casefile.public_id}/")


@pytest.mark.parametrize(
    "factory", [AdvocacyBriefPageFactory, CollaborationAgreementPageFactory, SystemPageFactory]
)
def test_briefs_agreements_and_register_entries_print_the_same_block(client, site_pages, factory):
    page = factory()
    block = print_facts(client.get(page.url))
    assert f"{HOST}/cite/{page.public_id}/" in block.get_text(" ", strip=True)
    assert block.select_one("svg[role=img]") is not None


def test_sources_print_as_full_addresses(client, casefile):
    addresses = [
        element.get_text(" ", strip=True)
        for element in soup(client.get(casefile.url)).select(".block-evidence .print-only")
    ]
    assert addresses == [
        "https://journal.example.org/dossier-imprime",
        f"{HOST}{casefile.archive_document.url}",
    ]
    assert casefile.archive_document.url.startswith("/"), "the archived copy is a relative address"


def test_print_only_blocks_are_hidden_by_the_screen_sheet_and_shown_by_the_print_sheet(client, casefile):
    """hub.css is for screens only and hides the print blocks; print.css, for print only, does not."""
    page = soup(client.get(casefile.url))
    sheets = {
        link["href"].rsplit("/", 1)[-1]: link.get("media") for link in page.select("link[rel=stylesheet]")
    }
    assert sheets == {"hub.css": "screen", "print.css": "print"}
    hidden = re.compile(r"([^{}]*)\{[^}]*display:\s*none", re.S)
    screen = " ".join(hidden.findall(Path(finders.find("hub/css/hub.css")).read_text()))
    printed = " ".join(hidden.findall(Path(finders.find("hub/css/print.css")).read_text()))
    for selector in (".print-facts", ".print-only"):
        assert selector in screen
        assert selector not in printed


# --- Kiosk: turning it on and off ------------------------------------------------------------


def kiosk_cookie(response):
    return response.cookies.get(KIOSK_COOKIE)


def is_kiosk(response):
    page = soup(response)
    return "kiosk" in page.body.get("class", [])


def test_kiosk_mode_starts_with_the_query_and_lasts_for_the_browser_session(client, site_pages):
    response = client.get("/fr/?kiosk=1")
    assert is_kiosk(response)
    cookie = kiosk_cookie(response)
    assert cookie.value == "1"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert not cookie["max-age"] and not cookie["expires"], "a session cookie, gone with the browser"
    assert is_kiosk(client.get("/en/case-files/"))


def test_kiosk_mode_stops_with_kiosk_0(client, site_pages):
    client.get("/fr/?kiosk=1")
    response = client.get("/fr/?kiosk=0")
    assert not is_kiosk(response)
    assert kiosk_cookie(response)["max-age"] == 0
    assert not is_kiosk(client.get("/fr/"))


def test_a_page_without_the_query_or_cookie_is_not_in_kiosk_mode(client, site_pages):
    response = client.get("/fr/")
    assert not is_kiosk(response)
    assert kiosk_cookie(response) is None
    assert soup(response).select(".kiosk-start-over") == []


def test_kiosk_mode_survives_the_language_redirect(client, site_pages):
    response = client.get("/?kiosk=1")
    assert response.status_code == 302
    assert kiosk_cookie(response).value == "1"
    assert is_kiosk(client.get(response["Location"]))


@pytest.mark.parametrize(("language", "label"), [("fr", "Recommencer"), ("en", "Start over")])
def test_every_kiosk_page_has_a_start_over_button_to_the_home_page_in_its_language(
    client, site_pages, language, label
):
    client.cookies[KIOSK_COOKIE] = "1"
    casefile = CaseFilePageFactory()
    index = site_pages[language]["impacts.CaseFileIndexPage"]
    for url in (f"/{language}/", index.url, casefile.url_in(language), f"/{language}/nulle-part/"):
        response = client.get(url)
        links = soup(response).select(".kiosk-start-over a")
        assert [(link["href"], link.get_text(strip=True)) for link in links] == [(f"/{language}/", label)], (
            url
        )


def test_a_kiosk_started_on_a_page_starts_over_on_that_page(client, site_pages):
    """A library starts its kiosk on its own list (its dialogues, say): every visitor's "start
    over" leads back there, not to the home page; a kiosk started again at home forgets it."""
    casefile = CaseFilePageFactory()
    index = site_pages["fr"]["impacts.CaseFileIndexPage"]
    started = client.get(f"{index.url}?service=sante&kiosk=1")
    cookie = started.cookies[KIOSK_START_COOKIE]
    assert (cookie["httponly"], cookie["samesite"], cookie["max-age"]) == (True, "Lax", "")
    start = f"{index.url}?service=sante"
    for url in (casefile.url, "/en/", f"{index.url}?service=sante"):
        links = soup(client.get(url)).select(".kiosk-start-over a")
        assert [link["href"] for link in links] == [start], url

    client.get("/fr/?kiosk=1")
    assert [link["href"] for link in soup(client.get(casefile.url)).select(".kiosk-start-over a")] == ["/fr/"]

    client.get(f"{index.url}?kiosk=1")
    ended = client.get("/fr/?kiosk=0")
    assert ended.cookies[KIOSK_START_COOKIE]["max-age"] == 0
    assert not is_kiosk(client.get(index.url))


def test_a_start_cookie_that_leaves_the_hub_is_ignored(client, site_pages):
    client.cookies[KIOSK_COOKIE] = "1"
    for forged in ("https://example.org/", "//example.org/", "/\\example.org/"):
        client.cookies[KIOSK_START_COOKIE] = forged
        links = soup(client.get("/fr/")).select(".kiosk-start-over a")
        assert [link["href"] for link in links] == ["/fr/"], forged


def test_no_userbar_or_login_link_in_kiosk_mode_even_for_a_logged_in_editor(superuser_client, site_pages):
    casefile = CaseFilePageFactory(body=[richtext_link("/admin/login/", "Connexion des éditeurs")])
    assert "wagtail-userbar" in superuser_client.get(casefile.url).content.decode()
    response = superuser_client.get(casefile.url + "?kiosk=1")
    page = soup(response)
    assert "wagtail-userbar" not in response.content.decode()
    assert [a["href"] for a in page.select("a[href]") if "admin" in a["href"]] == []
    assert "Connexion des éditeurs" in page.select_one(".prose").get_text()
    assert "/admin/login/" not in page.select_one(".prose").get_text(), "a login address is not advertised"


# --- Kiosk: links that leave the hub ---------------------------------------------------------


@pytest.fixture
def linked_casefile(site_pages):
    return CaseFilePageFactory(
        body=[
            richtext_link(OUTSIDE, "le rapport"),
            richtext_link("mailto:contact@groupe.example.org", "écrire au groupe"),
            richtext_link("/fr/dossiers/", "les autres dossiers", target="_blank"),
            evidence("https://journal.example.org/preuve", title="Article de preuve"),
        ]
    )


def inert(page):
    """``{text: address written after it}`` for each link made inert by the kiosk."""
    return {
        span.find(string=True, recursive=False).strip(): span.select_one(".kiosk-address").get_text()
        for span in page.select(".kiosk-external")
        if span.select_one(".kiosk-address")
    }


def test_links_leaving_the_hub_become_text_with_their_address(client, linked_casefile):
    page = soup(client.get(linked_casefile.url + "?kiosk=1"))
    leaving = [
        a["href"] for a in page.select("a[href]") if urlsplit(a["href"]).netloc not in ("", "testserver")
    ]
    assert leaving == []
    assert [a["href"] for a in page.select("a[href]") if urlsplit(a["href"]).scheme not in ("", "http")] == []
    written = inert(page)
    assert written["le rapport"] == f"({OUTSIDE})"
    assert written["écrire au groupe"] == "(mailto:contact@groupe.example.org)"
    assert written["Article de preuve"] == "(https://journal.example.org/preuve)"
    assert written["Données ouvertes (API)"] == f"({HOST}/api/v2/pages/)", "the footer's link to the JSON API"
    agency = linked_casefile.agency.website
    assert written[linked_casefile.agency.name] == f"({agency})"


def test_a_register_entrys_contact_and_pages_become_text_with_their_address(client, site_pages):
    """At a kiosk no mail program opens and no other site: the contact is written out."""
    system = SystemPageFactory(public_page_url=OUTSIDE)
    DeclaredRecordFactory(system=system, contact="registre@organisme.example.org")
    page = soup(client.get(system.url + "?kiosk=1"))
    box = page.select_one(".what-you-can-do")
    assert box.select("a[href^='mailto:']") == []
    written = inert(box)
    assert written["registre@organisme.example.org"] == "(mailto:registre@organisme.example.org)"
    # An address shown as its own text is not written twice.
    assert OUTSIDE in [span.get_text() for span in box.select(".kiosk-external")]
    assert box.find("a", href=OUTSIDE) is None
    assert box.find("a", href="/fr/recherche/") is not None, "a link inside the hub stays a link"


def test_links_inside_the_hub_stay_links_without_new_windows(client, linked_casefile):
    page = soup(client.get(linked_casefile.url + "?kiosk=1"))
    link = page.find("a", string="les autres dossiers")
    assert link is not None and link["href"] == "/fr/dossiers/"
    assert page.select("[target]") == []


def test_the_same_page_outside_kiosk_mode_keeps_its_links(client, linked_casefile):
    page = soup(client.get(linked_casefile.url))
    assert page.find("a", string="le rapport")["href"] == OUTSIDE
    assert page.select(".kiosk-external") == []


def test_hostile_link_text_and_address_stay_escaped_after_the_rewrite(client, site_pages):
    casefile = CaseFilePageFactory(body=[richtext_link(HOSTILE_URL, HOSTILE_TEXT)])
    plain = client.get(casefile.url)
    kiosk = client.get(casefile.url + "?kiosk=1")
    markup = kiosk.content.decode()
    assert "<script>alert" not in markup
    assert "<b>gras</b>" not in markup
    page = soup(kiosk)
    span = page.select_one(".prose .kiosk-external")
    assert span.find(string=True, recursive=False).strip() == HOSTILE_TEXT
    assert span.select_one(".kiosk-address").get_text() == f"({HOSTILE_URL})"
    # Everything else reads the same: same text, same JSON-LD, every tag closed.
    assert json.loads(page.select_one("script[type='application/ld+json']").string) == json.loads(
        soup(plain).select_one("script[type='application/ld+json']").string
    )
    assert markup.count("<span") == markup.count("</span>")
    assert page.select_one("h1").get_text() == soup(plain).select_one("h1").get_text()


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            '<a href="https://ailleurs.example/">https://ailleurs.example/</a>',
            '<span class="kiosk-external">https://ailleurs.example/</span>',
        ),
        (
            '<a href="http://testserver/fr/" target="_blank" rel="noopener">ici</a>',
            '<a href="http://testserver/fr/" rel="noopener">ici</a>',
        ),
        ('<a href="/fr/?a=1&amp;b=2">ici</a>', '<a href="/fr/?a=1&amp;b=2">ici</a>'),
        ('<a href="/django-admin/">admin</a>', '<span class="kiosk-external">admin</span>'),
        (
            '<a href="JavaScript:alert(1)">x</a>',
            '<span class="kiosk-external">x <span class="kiosk-address">(JavaScript:alert(1))</span></span>',
        ),
        (
            '<!DOCTYPE html><!-- note --><p title="a &amp; b">&lt;i&gt;</p>',
            '<!DOCTYPE html><!-- note --><p title="a &amp; b">&lt;i&gt;</p>',
        ),
        (
            "<script>var a = \"<a href='https://x.example'>\";</script>",
            "<script>var a = \"<a href='https://x.example'>\";</script>",
        ),
        (
            '<form action="/fr/recherche/" target="_blank"><input name="q"></form>',
            '<form action="/fr/recherche/"><input name="q"></form>',
        ),
    ],
)
def test_the_rewrite_changes_only_what_it_must(markup, expected):
    assert kiosk_html(markup, "http://testserver/") == expected


# --- Caches ----------------------------------------------------------------------------------


def test_pages_vary_on_the_cookie_and_kiosk_pages_stay_private(client, site_pages):
    plain = client.get("/fr/")
    assert "Cookie" in plain["Vary"]
    kiosk = client.get("/fr/?kiosk=1")
    assert "Cookie" in kiosk["Vary"]
    assert "private" in kiosk["Cache-Control"]
    assert int(kiosk["Content-Length"]) == len(kiosk.content)


def test_the_api_answers_the_same_with_or_without_kiosk_mode(client, site_pages):
    CaseFilePageFactory()
    plain = client.get("/api/v1/search/")
    client.cookies[KIOSK_COOKIE] = "1"
    kiosk = client.get("/api/v1/search/")
    assert kiosk.content == plain.content
    assert kiosk["ETag"] == plain["ETag"]
    assert "private" not in kiosk.get("Cache-Control", "")


# --- The whole site --------------------------------------------------------------------------


def public_urls(site_pages):
    casefile = CaseFilePageFactory()
    brief = AdvocacyBriefPageFactory(citations=[casefile])
    agreement = CollaborationAgreementPageFactory()
    system = SystemPageFactory(contact="registre@organisme.example.org")
    CaseFilePageFactory(system=system)
    urls = []
    for language in ("fr", "en"):
        urls += [
            f"/{language}/",
            *(site_pages[language][name].url for name in site_pages[language] if name != "home"),
            casefile.url_in(language),
            brief.url_in(language),
            agreement.url_in(language),
            system.url_in(language),
            f"/{language}/{'recherche' if language == 'fr' else 'search'}/?q=fictif&service=sante",
            f"/{language}/{'recherche' if language == 'fr' else 'search'}/?q=zzzqqq",
            f"/{language}/{'donnees' if language == 'fr' else 'data'}/",
            f"/{language}/{'donnees/dictionnaire' if language == 'fr' else 'data/dictionary'}/",
            f"/{language}/{'glossaire' if language == 'fr' else 'glossary'}/",
            f"/{language}/nulle-part/",
        ]
    return urls


@pytest.mark.parametrize("query", ["", "?kiosk=1"])
def test_no_page_opens_a_new_window(client, site_pages, query):
    for url in public_urls(site_pages):
        response = client.get(url + (("&" if "?" in url else "?") + query[1:] if query else ""))
        assert response.status_code in (200, 404), url
        page = soup(response)
        assert page.select("[target]") == [], url
        if query:
            assert is_kiosk(response), url


def test_wide_tables_scroll_in_a_named_focusable_region(client, site_pages):
    page = soup(client.get("/fr/donnees/dictionnaire/"))
    tables = page.select("table")
    assert tables
    for table in tables:
        box = table.parent
        assert "table-scroll" in box.get("class", []), table.get("class")
        assert box.get("tabindex") == "0"
        assert box.get("role") == "region"
        named_by = box.get("aria-labelledby")
        assert box.get("aria-label") or (named_by and page.find(id=named_by).get_text(strip=True))
