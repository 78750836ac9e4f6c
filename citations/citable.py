"""Permanent, citable items.

Every case file, brief and agreement is described once, as a CSL-JSON item
(https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html): its public id, title, the
permanent ``/cite/<id>/`` address, the date it was first published (``issued``), the date of
the version being read (``version``, so a citation says which version was read), the access
date, its authors and publisher. Everything else is derived from that one item:

- the APA and Chicago references, formatted by citeproc-py with the styles shipped in
  ``citations/csl/`` and the French (``fr-CA``) or English (``en-US``) locale of citeproc-py;
- the BibTeX, RIS and CSL-JSON downloads served at ``/cite/<id>/?format=…``;
- the schema.org JSON-LD of the item's page.

Formatted references are cached by a hash of the item they were made from (plus the style and
language), so a page view only pays for them when something in the reference changed.
"""

import datetime
import hashlib
import html
import json
import logging
import re
import threading
from pathlib import Path
from urllib.parse import urlencode

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc.source.json import CiteProcJSON
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from hub.demo import demo_is_loaded
from hub.items import PUBLIC_ID_RE
from hub.models import Organization, Region, Risk, Service, term_labels

logger = logging.getLogger(__name__)

PUBLISHER = "Vigie IA"
CSL_DIR = Path(__file__).resolve().parent / "csl"
LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)

# Public id prefix → (page model, kind, CSL type). A collaboration agreement is neither a report
# nor a treaty between states: CSL's generic "document" fits it.
ITEM_TYPES = {
    "CF": ("impacts.CaseFilePage", "casefile", "report"),
    "BR": ("advocacy.AdvocacyBriefPage", "brief", "report"),
    "AC": ("advocacy.CollaborationAgreementPage", "agreement", "document"),
}
KIND_LABELS = {
    "casefile": _("Case file"),
    "brief": _("Advocacy brief"),
    "agreement": _("Collaboration agreement"),
}

# Style key → (file in citations/csl/, name shown in the cite box).
STYLES = {
    "apa": ("apa.csl", _("APA (7th edition)")),
    "chicago": ("chicago-author-date-access-dates.csl", _("Chicago (author-date)")),
}
CSL_LOCALES = {"fr": "fr-CA", "en": "en-US"}
CSL_NS = "{http://purl.org/net/xbiblio/csl}"

# Download format → (media type, file extension, label).
FORMATS = {
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib", "BibTeX"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris", "RIS"),
    "csl-json": ("application/vnd.citationstyles.csl+json", "json", "CSL-JSON"),
}

# Bumped whenever the formatting below changes, so cached references are not reused.
FORMAT_VERSION = 1
REFERENCE_CACHE_SECONDS = 24 * 3600


# --- Finding the item ------------------------------------------------------------------------


def item_type(public_id):
    """``(model, kind, CSL type)`` for a public id, or None when it is not an item's id."""
    match = PUBLIC_ID_RE.match(public_id or "")
    if not match or match["prefix"] not in ITEM_TYPES:
        return None
    model_path, kind, csl_type = ITEM_TYPES[match["prefix"]]
    return apps.get_model(model_path), kind, csl_type


def citable_version(public_id, language):
    """The live, public version of the item ``public_id`` a reader of ``language`` cites: its
    translation in that language, else its original. None for an unknown id and for an item
    that is only a draft or private: those must not be revealed."""
    found = item_type(public_id)
    if found is None:
        return None
    model = found[0]
    versions = list(
        model.objects.live().public().filter(public_id=public_id).select_related("locale").order_by("pk")
    )
    for page in versions:
        if page.locale.language_code == language:
            return page
    return versions[0] if versions else None


def cite_path(public_id, **query):
    path = reverse("citations:cite", args=[public_id])
    return f"{path}?{urlencode(query)}" if query else path


def cite_url(public_id, request=None):
    """The permanent address of an item, absolute."""
    path = cite_path(public_id)
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# --- The CSL-JSON item -----------------------------------------------------------------------


def _date_parts(day):
    return {"date-parts": [[day.year, day.month, day.day]]}


def _day(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value)
    return value


def _is_saved_queryset(rows):
    """True for a query on the database; False for the in-memory rows of a revision (a preview)."""
    return isinstance(rows, models.QuerySet)


class CitableItem:
    """One item (a live page, or the page of a preview) described for citation in ``language``:
    the interface language of the reader, which sets the terms of the references and the names
    of organizations. Values are computed on first use, each in at most one query."""

    def __init__(self, page, *, language, request=None, accessed=None):
        self.page = page
        self.language = language
        self.request = request
        self.accessed = accessed or timezone.localdate()
        _model, self.kind, self.csl_type = item_type(page.public_id) or (None, "casefile", "report")

    @property
    def public_id(self):
        return self.page.public_id

    @property
    def content_language(self):
        return self.page.content_language

    @cached_property
    def url(self):
        return cite_url(self.public_id, self.request)

    @property
    def is_preview(self):
        return bool(getattr(self.request, "is_preview", False))

    @property
    def issued(self):
        """First publication: a brief's own publication date when it has one, otherwise the day
        this page was first published on the hub."""
        publication_date = getattr(self.page, "publication_date", None)
        return publication_date or _day(self.page.first_published_at)

    @property
    def revised(self):
        """The day the version being read was published."""
        return _day(self.page.last_published_at)

    # Authors ---------------------------------------------------------------------------------

    @cached_property
    def authors(self):
        """``[(name, is_person)]`` in order, without repeats. Briefs: each author's person, or
        organization when no person is named. Agreements: the parties. Case files name no author:
        the hub itself stands as the group author (citeproc-py would otherwise print the title
        twice in APA)."""
        if self.kind == "brief":
            rows = self._party_rows("authors", person_field="person_name")
        elif self.kind == "agreement":
            rows = self._party_rows("parties", person_field=None)
        else:
            rows = []
        authors, seen = [], set()
        for person, organization in rows:
            name, is_person = (person, True) if person else (organization, False)
            if name and name not in seen:
                seen.add(name)
                authors.append((name, is_person))
        return authors or [(PUBLISHER, False)]

    def _party_rows(self, relation, person_field):
        """``[(person name, organization name in self.language)]`` for a brief's authors or an
        agreement's parties."""
        return [
            (person, names.get(self.language) or name)
            for person, name, names in self._parties(relation, person_field)
        ]

    def _parties(self, relation, person_field):
        """``[(person name, organization name, {language: organization name})]``, read once per
        page object in one query with the organization's name in every language (the JSON-LD
        speaks the content's language, the cite box the interface's)."""
        if "_citation_parties" not in self.page.__dict__:
            self.page.__dict__["_citation_parties"] = self._read_parties(relation, person_field)
        return self.page.__dict__["_citation_parties"]

    def _read_parties(self, relation, person_field):
        rows = getattr(self.page, relation).all()
        if _is_saved_queryset(rows):
            names = {
                f"name_{code}": models.Subquery(
                    Organization.objects.filter(
                        translation_key=models.OuterRef("organization__translation_key"),
                        locale__language_code=code,
                    ).values("name")[:1]
                )
                for code in LANGUAGE_CODES
            }
            person = person_field or models.Value("", output_field=models.CharField())
            return [
                (person_name or "", name or "", dict(zip(LANGUAGE_CODES, localized, strict=True)))
                for person_name, name, *localized in rows.annotate(**names).values_list(
                    person, "organization__name", *names
                )
            ]
        # A preview: the rows live in memory, as the editor left them.
        result = []
        for row in rows:
            organization = row.organization if row.organization_id else None
            translations = {}
            if organization is not None:
                for translation_ in organization.get_translations(inclusive=True).select_related("locale"):
                    translations[translation_.locale.language_code] = translation_.name
            person_name = getattr(row, person_field, "") if person_field else ""
            result.append((person_name or "", organization.name if organization else "", translations))
        return result

    # Taxonomies and privacy ------------------------------------------------------------------

    @property
    def _terms_and_privacy(self):
        """``([(taxonomy, key)], restricted)``: the item's services, regions and risks, and
        whether a view restriction covers the page (itself or an ancestor), in one query, kept
        on the page: it does not depend on the language."""
        if "_citation_terms" not in self.page.__dict__:
            self.page.__dict__["_citation_terms"] = self._read_terms_and_privacy()
        return self.page.__dict__["_citation_terms"]

    def _read_terms_and_privacy(self):
        taxonomies = [name for name in ("services", "regions", "risks") if hasattr(self.page, name)]
        if self.is_preview or not self.page.pk:
            keys = [(name, term.key) for name in taxonomies for term in getattr(self.page, name).all()]
            return keys, False
        text = models.CharField()
        arms = []
        for name in taxonomies:
            field = type(self.page)._meta.get_field(name)
            through = field.remote_field.through
            arms.append(
                through.objects.filter(**{field.m2m_field_name(): self.page.pk}).values_list(
                    models.Value(name, output_field=text), f"{field.m2m_reverse_field_name()}__key"
                )
            )
        path, step = self.page.path, self.page.steplen
        ancestor_paths = [path[:end] for end in range(step, len(path) + 1, step)]
        arms.append(
            PageViewRestriction.objects.filter(page__path__in=ancestor_paths).values_list(
                models.Value("restricted", output_field=text), models.Value("", output_field=text)
            )
        )
        rows = list(arms[0].union(*arms[1:], all=True))
        restricted = any(name == "restricted" for name, _key in rows)
        return [(name, key) for name, key in rows if name != "restricted"], restricted

    @property
    def is_public(self):
        """False for a page behind a view restriction: its permanent address answers 404."""
        return not self._terms_and_privacy[1]

    @cached_property
    def about(self):
        """``[(taxonomy, key, label)]``: services, regions, then risks, each in the taxonomy's
        order, labelled in ``self.language`` (labels come from the cached label table)."""
        taxonomy_models = {"services": Service, "regions": Region, "risks": Risk}
        keys = self._terms_and_privacy[0]
        about = []
        for name, model in taxonomy_models.items():
            chosen = {key for taxonomy, key in keys if taxonomy == name}
            for key, label in term_labels(model, self.language).items():
                if key in chosen:
                    about.append((name, key, label))
        return about

    # CSL-JSON --------------------------------------------------------------------------------

    @cached_property
    def csl(self):
        """The CSL-JSON item (a dict) describing this version of the item."""
        with translation.override(self.language):
            genre = str(KIND_LABELS[self.kind])
            note = str(settings.DEMO_NOTICE) if demo_is_loaded() else ""
        item = {
            "id": self.public_id,
            "type": self.csl_type,
            "title": self.page.title,
            "author": [{"literal": name} for name, _is_person in self.authors],
            "publisher": PUBLISHER,
            "genre": genre,
            "number": self.public_id,
            "URL": self.url,
            "language": self.content_language,
            "accessed": _date_parts(self.accessed),
        }
        if self.issued:
            item["issued"] = _date_parts(self.issued)
        if self.revised:
            item["version"] = self.revised.isoformat()
        if self.page.summary:
            item["abstract"] = self.page.summary
        if note:
            item["note"] = note
        return item

    @property
    def keywords(self):
        """The labels of the item's services, regions and risks."""
        return [label for _taxonomy, _key, label in self.about]

    def csl_with_keywords(self):
        """The CSL item with the taxonomy labels as ``keyword`` (for the downloads)."""
        item = dict(self.csl)
        if self.keywords:
            item["keyword"] = ", ".join(self.keywords)
        return item

    # Outputs ---------------------------------------------------------------------------------

    @cached_property
    def references(self):
        """``[{"key", "name", "html", "text"}]``: the APA and Chicago references in
        ``self.language``; an empty list if citeproc-py failed (logged)."""
        formatted = format_references(self.csl, self.language)
        with translation.override(self.language):
            return [
                {"key": key, "name": str(STYLES[key][1]), **formatted[key]}
                for key in STYLES
                if key in formatted
            ]

    def downloads(self):
        """``[{"format", "label", "url", "media_type"}]``: the download links, in this language."""
        return [
            {
                "format": name,
                "label": label,
                "url": cite_path(self.public_id, format=name, lang=self.language),
                "media_type": media_type.split(";")[0],
            }
            for name, (media_type, _extension, label) in FORMATS.items()
        ]

    def render(self, format_name):
        """The download in ``format_name`` (a key of FORMATS), as text."""
        item = self.csl_with_keywords()
        if format_name == "bibtex":
            return to_bibtex(item)
        if format_name == "ris":
            return to_ris(item, keywords=self.keywords)
        if format_name == "csl-json":
            return to_csl_json(item)
        raise ValueError(format_name)

    def json_ld_data(self):
        """The schema.org description of the item (a dict)."""
        item = self.csl
        data = {
            "@context": "https://schema.org",
            "@type": "Report" if self.csl_type == "report" else "CreativeWork",
            "identifier": self.public_id,
            "name": self.page.title,
            "url": self.url,
            "inLanguage": self.content_language,
            "isAccessibleForFree": True,
            "publisher": {"@type": "Organization", "name": PUBLISHER},
            "author": [
                {"@type": "Person" if is_person else "Organization", "name": name}
                for name, is_person in self.authors
            ],
            "genre": item["genre"],
        }
        if self.csl_type == "report":
            data["reportNumber"] = self.public_id
        if self.page.summary:
            data["description"] = self.page.summary
        if self.issued:
            data["datePublished"] = self.issued.isoformat()
        if self.revised:
            data["dateModified"] = self.revised.isoformat()
            data["version"] = self.revised.isoformat()
        about = [{"@type": "DefinedTerm", "name": label, "termCode": key} for _name, key, label in self.about]
        if about:
            data["about"] = about
        if item.get("note"):
            # Demonstration content: say so in the data too, never present it as a real case.
            data["disambiguatingDescription"] = item["note"]
        return data

    def json_ld(self):
        """``<script type="application/ld+json">`` with the item's JSON-LD, safe in HTML."""
        return json_ld_script(self.json_ld_data())


# --- JSON-LD ---------------------------------------------------------------------------------

# The characters that could end the script element or open a comment in it, as JSON escapes.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld_script(data):
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


# --- Formatted references (citeproc-py) ------------------------------------------------------

# citeproc-py's HTML formatter does not escape the values of the item (a title holding "<" or
# "&" would reach the page as markup). References are therefore rendered as text in which each
# formatting instruction is a pair of private-use characters; the text is then escaped whole
# and only those pairs become tags.
_MARKUP = {
    "Italic": ("\ue000", "\ue001", "<i>", "</i>"),
    "Oblique": ("\ue000", "\ue001", "<i>", "</i>"),
    "Bold": ("\ue002", "\ue003", "<b>", "</b>"),
    "Underline": ("\ue004", "\ue005", "<u>", "</u>"),
    "Superscript": ("\ue006", "\ue007", "<sup>", "</sup>"),
    "Subscript": ("\ue008", "\ue009", "<sub>", "</sub>"),
    "SmallCaps": ("\ue00a", "\ue00b", '<span class="small-caps">', "</span>"),
}
# Around a title in another language than the reference's: becomes <span lang="…">.
_FOREIGN = ("\ue00c", "\ue00d")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _wrapper(name, opening, closing):
    """A ``str`` type whose values are ``text`` between the two markers (as citeproc-py's own
    formatters wrap text in tags)."""

    def wrap(cls, text):
        return str.__new__(cls, f"{opening}{text}{closing}")

    return type(name, (str,), {"__new__": wrap})


def _marker_formatter():
    """A citeproc-py output format (what ``citeproc.formatter.html`` provides), with markers."""
    wrappers = {
        name: _wrapper(name, opening, closing) for name, (opening, closing, *_tags) in _MARKUP.items()
    }
    return type(
        "MarkerFormatter", (), {"preformat": staticmethod(lambda text: text), "Light": str, **wrappers}
    )


_MarkerFormatter = _marker_formatter()


def _strip_markers(value):
    """Remove private-use characters from every string of an item, so no value can forge a
    formatting instruction."""
    if isinstance(value, str):
        return _PRIVATE_USE.sub("", value)
    if isinstance(value, dict):
        return {key: _strip_markers(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_strip_markers(inner) for inner in value]
    return value


def _as_html(text, foreign_language):
    result = html.escape(text, quote=True)
    for opening, closing, html_open, html_close in _MARKUP.values():
        result = result.replace(opening, html_open).replace(closing, html_close)
    return result.replace(_FOREIGN[0], f'<span lang="{foreign_language}">').replace(_FOREIGN[1], "</span>")


def _as_text(text):
    return _PRIVATE_USE.sub("", text)


_styles = threading.local()


def _style(key, language):
    """The parsed style ``key`` with the citeproc-py locale of ``language``, parsed once per
    thread (a style holds the formatter of the bibliography being rendered)."""
    loaded = getattr(_styles, "loaded", None)
    if loaded is None:
        loaded = _styles.loaded = {}
    if (key, language) not in loaded:
        style = CitationStylesStyle(
            str(CSL_DIR / STYLES[key][0]), locale=CSL_LOCALES[language], validate=False
        )
        # The hub's version is a date ("2026-03-04"): citeproc-py would take it for a range of
        # numbers and print "Versions". A version label is always singular here.
        for label in style.root.iter(f"{CSL_NS}label"):
            if label.get("variable") == "version":
                label.set("plural", "never")
        loaded[(key, language)] = style
    return loaded[(key, language)]


def _render(key, language, item):
    style = _style(key, language)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), _MarkerFormatter)
    bibliography.register(Citation([CitationItem(item["id"])]))
    entries = bibliography.bibliography()
    return str(entries[0]) if entries else ""


def format_references(item, language):
    """``{style key: {"html": safe HTML, "text": plain text}}`` for a CSL item, in ``language``
    ("fr" or "en"). Cached by the content of the item."""
    payload = json.dumps(item, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{FORMAT_VERSION}|{language}|{payload}".encode()).hexdigest()
    cache_key = f"hub:citation:{digest}"
    cached = cache.get(cache_key)
    if cached is not None:
        return {
            key: {"html": mark_safe(value["html"]), "text": value["text"]} for key, value in cached.items()
        }

    item = _strip_markers(item)
    content_language = (item.get("language") or language)[:2]
    foreign = content_language != language
    if foreign:
        item = {**item, "title": f"{_FOREIGN[0]}{item['title']}{_FOREIGN[1]}"}
    result = {}
    for key in STYLES:
        try:
            rendered = _render(key, language, item)
        except Exception:  # noqa: BLE001 — a reference that cannot be formatted must not break the page
            logger.exception(
                "citeproc-py could not format %s in style %s (%s)", item.get("id"), key, language
            )
            continue
        result[key] = {"html": _as_html(rendered, content_language), "text": _as_text(rendered)}
    cache.set(cache_key, result, REFERENCE_CACHE_SECONDS)
    return {key: {"html": mark_safe(value["html"]), "text": value["text"]} for key, value in result.items()}


# --- BibTeX ----------------------------------------------------------------------------------

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")
BIBTEX_LANGUAGES = {"fr": "french", "en": "english"}


_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\r\n\v\f\x85\u2028\u2029])+[ \t]*")


def one_line(value):
    """``value`` on one line (no-break spaces, which French typography needs, are kept)."""
    return _LINE_BREAKS.sub(" ", str(value)).strip()


def bibtex_escape(value):
    value = one_line(value)
    return _BIBTEX_SPECIAL_RE.sub(lambda match: _BIBTEX_SPECIAL[match.group()], value)


def _iso(date_value):
    year, month, day = date_value["date-parts"][0]
    return f"{year:04d}-{month:02d}-{day:02d}"


def to_bibtex(item):
    """One BibTeX entry (BibTeX and biblatex fields) for a CSL item. Names and the title are
    braced so they are printed as written (organizations, capitals)."""
    is_report = item["type"] == "report"
    fields = [
        ("author", " and ".join("{" + bibtex_escape(name["literal"]) + "}" for name in item["author"])),
        ("title", "{" + bibtex_escape(item["title"]) + "}"),
        ("institution" if is_report else "publisher", bibtex_escape(item["publisher"])),
        ("type", bibtex_escape(item["genre"])),
        ("number", bibtex_escape(item["number"])),
    ]
    if "issued" in item:
        fields += [("year", str(item["issued"]["date-parts"][0][0])), ("date", _iso(item["issued"]))]
    if "version" in item:
        fields.append(("version", bibtex_escape(item["version"])))
    fields += [
        ("url", item["URL"].replace("{", "%7B").replace("}", "%7D")),
        ("urldate", _iso(item["accessed"])),
    ]
    language = BIBTEX_LANGUAGES.get(item["language"][:2])
    if language:
        fields += [("language", language), ("langid", language)]
    for csl_name, bibtex_name in (("abstract", "abstract"), ("keyword", "keywords"), ("note", "note")):
        if item.get(csl_name):
            fields.append((bibtex_name, bibtex_escape(item[csl_name])))
    entry_type = "techreport" if is_report else "misc"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{item['id']},\n{body}\n}}\n"


# --- RIS -------------------------------------------------------------------------------------

RIS_TYPES = {"report": "RPRT", "document": "GEN"}


def _ris_date(date_value):
    year, month, day = date_value["date-parts"][0]
    return f"{year:04d}/{month:02d}/{day:02d}"


def to_ris(item, keywords=None):
    """One RIS record for a CSL item (tags of the RIS specification; CRLF line ends). One ``KW``
    line per keyword: ``keywords``, else the item's comma-separated ``keyword``."""
    lines = [("TY", RIS_TYPES.get(item["type"], "GEN")), ("ID", item["id"]), ("TI", item["title"])]
    lines += [("AU", name["literal"]) for name in item["author"]]
    if "issued" in item:
        lines += [("PY", str(item["issued"]["date-parts"][0][0])), ("DA", _ris_date(item["issued"]))]
    if "version" in item:
        lines.append(("ET", item["version"]))
    lines += [
        ("PB", item["publisher"]),
        ("M3", item["genre"]),
        ("M1", item["number"]),
        ("UR", item["URL"]),
        ("Y2", _ris_date(item["accessed"])),
        ("LA", item["language"]),
    ]
    if item.get("abstract"):
        lines.append(("AB", item["abstract"]))
    if keywords is None:
        keywords = [keyword.strip() for keyword in item.get("keyword", "").split(",")]
    lines += [("KW", keyword) for keyword in keywords if keyword]
    if item.get("note"):
        lines.append(("N1", item["note"]))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines)


# --- CSL-JSON --------------------------------------------------------------------------------


def to_csl_json(item):
    """A CSL-JSON document: a list holding the one item."""
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"
