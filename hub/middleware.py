"""Language negotiation for the public pages only, and the kiosk mode of public computers."""

from html import escape
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

from .html_rewriting import HTMLRewriter

UNPREFIXED_PATHS = (
    "/api/",
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/i18n/",
    "/cite/",
    "/sitemap.xml",
)


class HubLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware redirects any 404 to a language-prefixed address when one would
    match; Wagtail's catch-all makes that every address. The API and the admin are not under a
    language prefix, so their 404s must stay 404s."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


# --- Kiosk mode ------------------------------------------------------------------------------
# Library and Fab Lab computers open the hub with ``?kiosk=1``: larger text, a "start over"
# button, and nothing that leads out of the hub. The choice lasts for the browser session.

KIOSK_COOKIE = "vigie_kiosk"
KIOSK_PARAMETER = "kiosk"
# Where "start over" leads when the kiosk was started on a page other than a home page (a
# library's list of its own dialogues, ``/fr/dialogues/?venue=<key>&kiosk=1``): that address.
KIOSK_START_COOKIE = "vigie_kiosk_start"
# Inside the hub but no place for a kiosk visitor: the admin's login form (its links keep their
# text only; the admin's own pages are never rewritten) and the API, whose JSON answers have no
# way back (written out like other hosts').
LOGIN_PATHS = ("/admin", "/django-admin")
MACHINE_PATHS = ("/api",)


def kiosk_requested(request):
    """True, False, or None when the address does not say (then the cookie decides)."""
    value = request.GET.get(KIOSK_PARAMETER)
    if value == "1":
        return True
    if value == "0":
        return False
    return None


def kiosk_start(request):
    """The address the kiosk is started on, without ``kiosk``; "" for a home page."""
    homes = {"/", *(f"/{code}/" for code, _name in settings.LANGUAGES)}
    if request.path in homes:
        return ""
    query = request.GET.copy()
    query.pop(KIOSK_PARAMETER, None)
    return request.path + (f"?{query.urlencode()}" if query else "")


def remembered_start(request):
    """The start address the cookie holds, when it is one of the hub's own paths."""
    start = request.COOKIES.get(KIOSK_START_COOKIE, "")
    return start if start.startswith("/") and not start.startswith(("//", "/\\")) else ""


class KioskMiddleware:
    """Turns kiosk mode on or off from ``?kiosk=1|0``, remembers it in a session cookie, sets
    ``request.kiosk``, and in kiosk mode rewrites every HTML page so that no link leaves the hub
    or opens a new window, whatever template, rich text or block produced it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        requested = kiosk_requested(request)
        request.kiosk = requested if requested is not None else request.COOKIES.get(KIOSK_COOKIE) == "1"
        request.kiosk_start = kiosk_start(request) if requested else remembered_start(request)
        response = self.get_response(request)
        if requested is True:
            # No max_age: session cookies, gone when the library closes the browser.
            for name, value in ((KIOSK_COOKIE, "1"), (KIOSK_START_COOKIE, request.kiosk_start)):
                if value:
                    response.set_cookie(
                        name, value, httponly=True, samesite="Lax", secure=settings.KIOSK_COOKIE_SECURE
                    )
                elif name in request.COOKIES:
                    response.delete_cookie(name, samesite="Lax")
        elif requested is False:
            for name in (KIOSK_COOKIE, KIOSK_START_COOKIE):
                if name in request.COOKIES:
                    response.delete_cookie(name, samesite="Lax")
        if not _is_html(response) or under(request.path_info, LOGIN_PATHS):
            return response
        # The same address answers differently with and without the cookie: a shared cache must
        # never give one visitor's version to the other.
        patch_vary_headers(response, ("Cookie",))
        if request.kiosk:
            patch_cache_control(response, private=True)
            response.content = kiosk_html(
                response.content.decode(response.charset), request.build_absolute_uri("/")
            )
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response


def _is_html(response):
    return not response.streaming and response.get("Content-Type", "").startswith("text/html")


def leaves_kiosk(href, host):
    """True when following ``href`` leaves the kiosk: another host, another scheme (mailto:,
    tel:, javascript:…), the admin's login or the API."""
    parts = urlsplit(href)
    if parts.scheme and parts.scheme.lower() not in ("http", "https"):
        return True
    if parts.netloc and parts.netloc.lower() != host.lower():
        return True
    return under(parts.path, LOGIN_PATHS + MACHINE_PATHS)


def under(path, prefixes):
    return any(path == prefix or path.startswith(prefix + "/") for prefix in prefixes)


def kiosk_html(markup, base_url):
    """``markup`` with every ``target`` attribute dropped and every link leaving the kiosk turned
    into plain text followed by its full address (login links: their text only). ``base_url``
    is the hub's own root, to tell its links from others and complete relative ones."""
    return KioskRewriter(base_url).rewrite(markup)


def _written_address(link):
    """What follows an inert link: its address, unless the link's text already is the address."""
    address = link["address"]
    if not address or "".join(link["text"]).strip() == address:
        return ""
    return f' <span class="kiosk-address">({escape(address)})</span>'


class KioskRewriter(HTMLRewriter):
    """Copies HTML token by token; tags it does not change are copied as they were written."""

    def __init__(self, base_url):
        super().__init__()
        self.base_url = base_url
        self.host = urlsplit(base_url).netloc
        self.links = []  # per open <a>: None when kept, else the address to write out and the text

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        self.output[-1] = self._start(tag, attrs, self.output[-1], closed=False)

    def handle_startendtag(self, tag, attrs):
        self.output.append(self._start(tag, attrs, self.get_starttag_text(), closed=True))
        if tag == "a":
            link = self.links.pop()
            if link is not None:
                self.output.append(f"{_written_address(link)}</span>")

    def _start(self, tag, attrs, original, closed):
        if tag == "a":
            href = (dict(attrs).get("href") or "").strip()
            if href and leaves_kiosk(href, self.host):
                login = under(urlsplit(href).path, LOGIN_PATHS)
                self.links.append({"address": "" if login else urljoin(self.base_url, href), "text": []})
                return '<span class="kiosk-external">'
            self.links.append(None)
        if not any(name == "target" for name, _value in attrs):
            return original
        kept = "".join(
            f" {name}" if value is None else f' {name}="{escape(value)}"'
            for name, value in attrs
            if name != "target"
        )
        return f"<{tag}{kept}{' /' if closed else ''}>"

    def handle_endtag(self, tag):
        if tag == "a" and self.links:
            link = self.links.pop()
            if link is not None:
                self.output.append(f"{_written_address(link)}</span>")
                return
        super().handle_endtag(tag)

    def handle_data(self, data):
        if self.links and self.links[-1] is not None:
            self.links[-1]["text"].append(data)
        super().handle_data(data)
