"""Permanent, citable items.

Every item of a registered type (``hub.items``) is described once, as a CSL-JSON item
(https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html): its public id, title, the
permanent ``/cite/<id>/`` address, the date it was first published (``issued``), the date of
the version being read (``version``, so a citation says which version was read), the access
date, its authors and publisher. Everything else is derived from that one item: the APA and
Chicago references (``references``), the BibTeX, RIS and CSL-JSON downloads served at
``/cite/<id>/?format=…`` (``bibtex``, ``ris``, ``formats``) and the schema.org JSON-LD of the
item's page (``json_ld``).

What differs between types comes from the type (its ``label``, ``csl_type`` and
``schema_type``) and from its page class: the ``citation_*`` methods of ``hub.models.ItemPage``
(heading of the cite box, first publication, authors, taxonomies).

A part of an item with an id of its own (``hub.models.ItemPart``: a commitment of an agreement)
is cited the same way, as a piece of its item: its own id, title, genre and address, in its
item (``container-title``), with the item's dates, authors and taxonomies."""

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from wagtail.models import PageViewRestriction

from hub.demo import demo_is_loaded
from hub.items import type_of
from hub.models import term_labels

from .bibtex import to_bibtex
from .formats import FORMATS, to_csl_json
from .json_ld import json_ld_data, json_ld_script
from .lookup import cite_path, cite_url
from .references import STYLES, format_references
from .ris import to_ris

PUBLISHER = "Vigie IA"


def _date_parts(day):
    return {"date-parts": [[day.year, day.month, day.day]]}


def _day(value):
    if value is None:
        return None
    return timezone.localdate(value)


class CitableItem:
    """One item (a live page, or the page of a preview) described for citation in ``language``:
    the interface language of the reader, which sets the terms of the references and the names
    of organizations. Values are computed on first use, each in at most one query."""

    def __init__(self, page, *, part=None, language, request=None, accessed=None):
        self.page = page
        self.part = part
        self.language = language
        self.request = request
        self.accessed = accessed or timezone.localdate()
        self.item_type = type_of(type(page))

    @property
    def public_id(self):
        return (self.part or self.page).public_id

    @property
    def title(self):
        return self.part.citation_title() if self.part else self.page.title

    @property
    def content_language(self):
        return self.page.content_language

    @property
    def heading(self):
        return (self.part or self.page).citation_heading()

    @cached_property
    def url(self):
        return cite_url(self.public_id, self.request)

    @property
    def is_preview(self):
        return bool(getattr(self.request, "is_preview", False))

    @property
    def issued(self):
        """First publication, as the page says (``citation_issued``)."""
        return self.page.citation_issued()

    @property
    def revised(self):
        """The day the version being read was published."""
        return _day(self.page.last_published_at)

    # Authors ---------------------------------------------------------------------------------

    @cached_property
    def authors(self):
        """``[(name, is_person)]`` in order, without repeats: each author's person, or their
        organization (named in ``self.language``) when no person is named. An item that names no
        author (a case file) has the hub itself as its group author (citeproc-py would otherwise
        print the title twice in APA)."""
        authors, seen = [], set()
        for person, organization, names in self._credits:
            name, is_person = (person, True) if person else (names.get(self.language) or organization, False)
            if name and name not in seen:
                seen.add(name)
                authors.append((name, is_person))
        return authors or [(PUBLISHER, False)]

    @property
    def _credits(self):
        """The page's ``citation_authors``, read once per page object: the JSON-LD speaks the
        content's language, the cite box the interface's, and both share one query."""
        if "_citation_authors" not in self.page.__dict__:
            self.page.__dict__["_citation_authors"] = self.page.citation_authors()
        return self.page.__dict__["_citation_authors"]

    # Taxonomies and privacy ------------------------------------------------------------------

    @property
    def _terms_and_privacy(self):
        """``([(taxonomy, key)], restricted)``: the item's terms of each ``citation_about``
        taxonomy, and whether a view restriction covers the page (itself or an ancestor), in one
        query, kept on the page: it does not depend on the language."""
        if "_citation_terms" not in self.page.__dict__:
            self.page.__dict__["_citation_terms"] = self._read_terms_and_privacy()
        return self.page.__dict__["_citation_terms"]

    def _read_terms_and_privacy(self):
        taxonomies = self.page.citation_about()
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
        """``[(taxonomy, key, label)]``: the terms of each ``citation_about`` taxonomy in turn,
        each in the taxonomy's order, labelled in ``self.language`` (labels come from the cached
        label table)."""
        keys = self._terms_and_privacy[0]
        about = []
        for name in self.page.citation_about():
            model = type(self.page)._meta.get_field(name).related_model
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
            genre = str(self.part.label if self.part else self.item_type.label)
            note = str(settings.DEMO_NOTICE) if demo_is_loaded() else ""
        item = {
            "id": self.public_id,
            "type": self.item_type.csl_type,
            "title": self.title,
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
        event_date = self.page.citation_event_date()
        if event_date:
            item["event-date"] = _date_parts(event_date)
        if self.revised:
            item["version"] = self.revised.isoformat()
        if self.part:
            item["container-title"] = self.page.title
        elif self.page.summary:
            item["abstract"] = self.page.summary
        if note:
            item["note"] = note
        return item

    @property
    def keywords(self):
        """The labels of the item's terms."""
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

    def json_ld(self):
        """``<script type="application/ld+json">`` with the item's JSON-LD, safe in HTML."""
        return json_ld_script(json_ld_data(self))
