"""Template tags of the public site: navigation and language switching, taxonomy labels in the
interface language, links that respect the untranslated-item fallback, ``lang`` attributes,
links from a text to the glossary, and the ``datetime`` of every ``<time>``. They name no item
type: a type's own tags live in its app (``impacts_tags``, ``advocacy_tags``)."""

from datetime import date, datetime
from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from hub import fragments
from hub.glossary import Glossary
from hub.items import public_pages
from hub.models import HubContact, ItemIndexPage, ItemPage, term_labels
from hub.safe_urls import is_safe_url, neutralise_links

register = template.Library()

SHOWN_PAGES = "hub_fragment_shown_pages"  # where a kept fragment's items are noted while it renders


def interface_language(context=None):
    """The language the visitor reads the interface in (two-letter code)."""
    code = (context.get("LANGUAGE_CODE") if context is not None else None) or get_language()
    code = code or settings.LANGUAGE_CODE
    return code[:2]


def _request_cache(context, name, compute):
    """Compute ``name`` once per request: header and footer both need the home page and sections."""
    request = context.get("request")
    store = getattr(request, "_hub_tags_cache", None) if request is not None else None
    if store is None:
        store = {}
        if request is not None:
            request._hub_tags_cache = store
    if name not in store:
        store[name] = compute()
    return store[name]


def _home_in(context, language_code):
    """The live home page in ``language_code``, or None when the site has none in that language;
    the same for every visitor of the site, so kept (``hub.fragments``) until a change."""

    def find(site):
        root = site.root_page
        if root.locale.language_code == language_code:
            return root.specific if root.live else None
        translation = (
            Page.objects.live().filter(
                translation_key=root.translation_key, locale__language_code=language_code
            )
        ).first()
        return translation.specific if translation else None

    def site_home():
        request = context.get("request")
        site = Site.find_for_request(request) if request is not None else None
        site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return None
        # A list: the cache cannot tell a kept None from a miss.
        return fragments.kept("home", (site.pk, language_code), lambda: [find(site)], structural=True)[0]

    return _request_cache(context, f"home:{language_code}", site_home)


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page in the interface language."""
    return _home_in(context, interface_language(context))


@register.simple_tag(takes_context=True)
def nav_sections(context):
    """The sections of the main navigation, each with its ``aria-current`` value.

    Item indexes always appear; other pages only when an editor ticked "show in menus"."""

    def find():
        home = _home_in(context, interface_language(context))
        if home is None:
            return []
        return [
            page
            for page in fragments.home_sections(home)
            if isinstance(page, ItemIndexPage) or page.show_in_menus
        ]

    sections = _request_cache(context, "sections", find)
    page = context.get("page")
    # An untranslated item served by an index's fallback route belongs to that index's section.
    within = context.get("interface_index") or page
    links = []
    for section in sections:
        state = ""
        if isinstance(page, Page) and page.pk == section.pk:
            state = "page"
        elif isinstance(within, Page) and within.path.startswith(section.path):
            state = "true"
        links.append({"page": section, "current": state})
    return links


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language of ``settings.LANGUAGES`` to this page as read in that language.

    Items go where ``url_in`` says (their translation or the index's fallback route); other
    pages go to their live translation, else to that language's home page."""
    return _request_cache(context, "languages", lambda: _language_links(context))


def _language_links(context):
    current = interface_language(context)
    # A view serving a page of its own under a page of the tree (a route) gives its addresses.
    given = context.get("language_urls") or {}
    links = []
    for code, name in settings.LANGUAGES:
        url = (
            given.get(code)
            or _page_url_in(context.get("page"), code)
            or _view_url_in(context.get("request"), code)
        )
        if not url:
            home = _home_in(context, code)
            url = home.url if home else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return links


def _page_url_in(page, language_code):
    """The URL of ``page`` for a reader of ``language_code``, or None when it has none there
    (no page, the preview of a page not created yet, or no live translation)."""
    if not isinstance(page, Page) or not page.pk:
        return None
    if isinstance(page, ItemPage):
        return page.url_in(language_code)
    if page.locale.language_code == language_code:
        return page.url
    translation = (
        Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key, locale__language_code=language_code)
        .first()
    )
    return translation.url if translation else None


def _view_url_in(request, language_code):
    """For a Django view outside the page tree (the search page), the same view and query in
    ``language_code``; None for Wagtail's pages, whose URLs ``_page_url_in`` knows."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name in (None, "wagtail_serve"):
        return None
    return translate_url(request.get_full_path(), language_code)


@register.filter
def labels(terms):
    """Labels of taxonomy terms in the interface language, looked up by key, in term order.

    Items may point at the terms of their own locale; the label shown is always the interface's."""
    terms = list(terms.all() if hasattr(terms, "all") else terms)
    if not terms:
        return []
    table = term_labels(type(terms[0]), interface_language())
    seen, result = set(), []
    for term in terms:
        if term.key not in seen:
            seen.add(term.key)
            result.append(table.get(term.key, term.label))
    return result


@register.simple_tag(takes_context=True)
def prepare_cards(context, items):
    """The items of a list with their locale and taxonomies fetched in a few queries, not per card.

    Taxonomies land in ``card_services`` and ``card_regions``: modelcluster's managers ignore
    Django's prefetch cache, so ``item.services.all`` would query again. Inside a kept fragment
    (``public_fragment``) the items are noted: the fragment is kept only while they are public."""
    items = list(items)
    shown = context.get(SHOWN_PAGES)
    if shown is not None:
        shown.extend(item.pk for item in items)
    if items:
        prefetch_related_objects(
            items,
            "locale",
            Prefetch("services", to_attr="card_services"),
            Prefetch("regions", to_attr="card_regions"),
        )
    return items


@register.simple_tag(takes_context=True)
def item_url(context, item, index=None):
    """Where the visitor reads ``item``: through ``index`` (or the index page being shown) so an
    untranslated item goes to that index's fallback route, else through ``item.url_in``."""
    index = index or context.get("page")
    language = interface_language(context)
    if isinstance(index, ItemIndexPage) and index.locale.language_code == language:
        return index.item_url(item)
    return item.url_in(language)


@register.simple_tag(takes_context=True)
def content_lang(context, page):
    """`` lang="xx"`` for passages of ``page`` when its language is not the interface's."""
    locale = getattr(page, "locale", None)
    if locale is None or locale.language_code == interface_language(context):
        return ""
    return format_html(' lang="{}"', locale.language_code)


@register.simple_tag(takes_context=True)
def interface_lang(context, page):
    """`` lang="xx"`` for interface words placed inside content marked with ``content_lang``."""
    locale = getattr(page, "locale", None)
    language = interface_language(context)
    if locale is None or locale.language_code == language:
        return ""
    return format_html(' lang="{}"', language)


@register.filter
def is_untranslated(page):
    """True when ``page`` is shown in a language other than the interface's."""
    locale = getattr(page, "locale", None)
    return locale is not None and locale.language_code != interface_language()


def as_read_in(pages, language):
    """``pages`` (public items of one type), in their order, each replaced by its public
    translation in ``language`` where there is one: what a list of related items shows a reader."""
    if not pages:
        return []
    keys = [page.translation_key for page in pages]
    translations = {
        page.translation_key: page
        for page in type(pages[0])
        .objects.public()
        .filter(translation_key__in=keys, locale__language_code=language)
        .select_related("locale")
    }
    return [translations.get(page.translation_key, page) for page in pages]


def linked_items(page, links, language):
    """``[(field, heading, items)]`` for ``links`` (``[(field, heading)]``: many-to-many fields of
    ``page`` to other items): the public ones, each as a reader of ``language`` finds it (its
    translation where there is one); a field with none is left out."""
    found = []
    for field, heading in links:
        items = as_read_in(public_pages(list(getattr(page, field).all())), language)
        if items:
            found.append((field, heading, items))
    return found


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """The pages above the current one, from the home page, in the interface language."""
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    index = context.get("interface_index")
    if index is not None:
        return [*live_ancestors(index), index]
    return live_ancestors(page) if page.pk else list(page.get_ancestors().filter(depth__gt=1).live())


def live_ancestors(page):
    """The live pages above ``page``, from the home page: the same for every page of its parent,
    so kept by the parent's place (``hub.fragments``) until a change."""
    parent_path = page.path[: -page.steplen]
    return fragments.kept(
        "ancestors",
        (parent_path,),
        lambda: list(page.get_ancestors().filter(depth__gt=1).live()),
        structural=True,
    )


@register.filter
def url_in(item, language_code):
    """Where a visitor using ``language_code`` reads ``item`` (see ``ItemPage.url_in``)."""
    return item.url_in(language_code)


@register.filter(expects_localtime=True)
def html_datetime(value):
    """What a ``<time datetime>`` holds: ``YYYY-MM-DD`` for a date; for a moment, its local time
    to the second (to the millisecond when it has a fraction: HTML allows no more than three
    digits, ``|date:'c'`` writes six) with its offset."""
    if isinstance(value, datetime):
        timespec = "milliseconds" if value.microsecond else "seconds"
        return value.isoformat(timespec=timespec)
    if isinstance(value, date):
        return value.isoformat()
    return ""


@register.filter
def safe_url(value):
    """The address if a reader can safely follow it, else nothing."""
    return value if is_safe_url(value) else ""


@register.simple_tag(takes_context=True)
def absolute_url(context, address):
    """``address`` written out in full for print: a relative one completed with the site's
    scheme and host (the request's, else the admin base URL). Unsafe addresses give nothing."""
    if not address or not is_safe_url(address):
        return ""
    request = context.get("request")
    if request is not None:
        return request.build_absolute_uri(address)
    return urljoin(settings.WAGTAILADMIN_BASE_URL, address)


@register.filter(is_safe=True)
def inert_links(markup):
    """Rendered blocks with any unsafe link address replaced: the last guard after validation."""
    return mark_safe(neutralise_links(str(markup)))  # noqa: S308 - the markup is the template's own output


@register.simple_tag(takes_context=True)
def glossary_for(context, page):
    """The glossary in ``page``'s own language, read once per request: a French case file shown
    to an English reader links French words to French definitions."""
    locale = getattr(page, "locale", None)
    language = locale.language_code if locale is not None else interface_language(context)
    return _request_cache(context, f"glossary:{language}", lambda: Glossary.for_language(language))


@register.filter(is_safe=True)
def link_glossary_terms(markup, glossary):
    """Rendered blocks with the first use of each term of ``glossary`` linked to its definition;
    unchanged without a glossary (``item_body.html`` is shared by pages that do not link terms)."""
    if not isinstance(glossary, Glossary):
        return markup
    return glossary.link_terms(markup)


@register.tag
def public_fragment(parser, token):
    """``{% public_fragment "name" value ... %}...{% endpublic_fragment %}``: the enclosed markup
    rendered once and kept for every visitor (``hub.fragments``) by ``name``, the interface
    language and the values given, which must name everything else it depends on (a value None:
    it depends on more, so it is rendered, not kept). Only on a live page of the tree; a preview
    (a draft, an old revision) always renders afresh."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("public_fragment needs a name.")
    nodelist = parser.parse(("endpublic_fragment",))
    parser.delete_first_token()
    return PublicFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class PublicFragmentNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values

    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        shared = (
            request is not None
            and not getattr(request, "is_preview", False)
            and isinstance(page, Page)
            and page.pk
            and page.live
        )
        if not shared:
            return self.nodelist.render(context)
        name, *values = (value.resolve(context) for value in self.values)
        if any(value is None for value in values):
            return self.nodelist.render(context)
        parts = (interface_language(context), *(_fragment_part(value) for value in values))
        return mark_safe(fragments.kept_showing(name, parts, lambda: self.render_noting_pages(context)))  # noqa: S308 - the template's own output

    def render_noting_pages(self, context):
        """The markup and the ids of the items it shows (noted by ``prepare_cards``)."""
        shown = []
        with context.push({SHOWN_PAGES: shown}):
            markup = str(self.nodelist.render(context))
        return markup, shown


def _fragment_part(value):
    """What a value contributes to a fragment's key: a model instance by its class and id."""
    if hasattr(value, "_meta") and hasattr(value, "pk"):
        return (value._meta.label_lower, value.pk)
    return value


@register.simple_tag(takes_context=True)
def hub_contact(context):
    """The team's contact as a reader may follow it: ``{"email", "page"}``, the page in the
    reader's language and only if anyone may see it; None when there is nothing to show."""

    def compute():
        contact = HubContact.load(request_or_site=context.get("request"))
        page = None
        if contact.page_id:
            candidates = [contact.page.localized, contact.page]  # the reader's language first
            public = set(
                Page.objects.filter(pk__in=[candidate.pk for candidate in candidates])
                .live()
                .public()
                .values_list("pk", flat=True)
            )
            page = next((candidate for candidate in candidates if candidate.pk in public), None)
        if not contact.email and page is None:
            return None
        return {"email": contact.email, "page": page}

    return _request_cache(context, "hub_contact", compute)
