"""The public commitment tracker: every commitment of every public item that has commitments
(``HasCommitments``: an agreement, a consultation report), one row per commitment as a reader of
one language finds it, filtered by facets, counted, sorted and summed up per organization.

The item types are found through the registry (``hub.items``), never named. A row is the
commitment of the item's public version in the reader's language when that version shows it,
else of its original (the first public version that shows it), as search shows an untranslated
item. Its status comes from its published progress updates only (``standings``).

Everything is read in a number of queries that does not grow with the commitments: each item
model's public pages and their taxonomies, their commitments, their owners' names, their updates;
facets and counts are then computed in memory. A facet's counts ignore its own selection
(values of one facet are OR'd, facets AND'ed), as in the site search."""

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from hub.items import PUBLIC_ID_RE
from hub.models import Organization, Region, Service, term_labels

from .models import Commitment, CommitmentStatus, commitment_item_types, is_overdue

PAGE_SIZE = 25
NO_DATE = "none"  # the due-year value of a commitment without a due date
YES, NO = "yes", "no"
FACETS = ("organization", "status", "overdue", "year", "service", "region", "system")
FACET_LABELS = {
    "organization": _("Responsible organization"),
    "status": _("Status"),
    "overdue": pgettext_lazy("tracker facet", "Overdue"),
    "year": _("Due year"),
    "service": _("Public service"),
    "region": _("Region"),
    "system": _("AI system"),
}
SORTS = {
    "due": _("Due date, soonest first"),
    "updated": _("Last update, newest first"),
}
DEFAULT_SORT = "due"


def systems_field(model):
    """The name of ``model``'s relation to the AI systems its items are about, if it has one."""
    name = getattr(model, "systems_field", None)
    if not name:
        return None
    try:
        model._meta.get_field(name)
    except LookupError:
        return None
    return name


# --- What a reader asks ---------------------------------------------------------------------------


class FacetField(forms.MultipleChoiceField):
    """Several values of one facet; its choices are read when the request is validated."""

    def __init__(self, valid=None, **kwargs):
        self.valid = valid
        super().__init__(required=False, **kwargs)

    def valid_value(self, value):
        return self.valid(value) if self.valid else super().valid_value(value)


def organization_keys():
    return [(key, key) for key in Organization.objects.values_list("key", flat=True).distinct()]


def term_keys(model):
    return lambda: [(key, key) for key in term_labels(model)]


def system_ids():
    """The public ids of the public AI systems items with commitments may name."""
    ids = set()
    for item_type in commitment_item_types():
        name = systems_field(item_type.model)
        if name:
            related = item_type.model._meta.get_field(name).related_model
            ids.update(related.objects.public().values_list("public_id", flat=True))
    return [(public_id, public_id) for public_id in sorted(ids)]


class TrackerForm(forms.Form):
    """Every parameter of the tracker, its feed and its downloads; a bad one is named in a 400."""

    organization = FacetField(choices=organization_keys)
    status = FacetField(choices=CommitmentStatus.choices)
    overdue = FacetField(choices=[(YES, YES), (NO, NO)])
    year = FacetField(valid=lambda value: value == NO_DATE or bool(re.fullmatch(r"[12][0-9]{3}", value)))
    service = FacetField(choices=term_keys(Service))
    region = FacetField(choices=term_keys(Region))
    system = FacetField(choices=system_ids)
    sort = forms.ChoiceField(choices=[(key, key) for key in SORTS], required=False)
    page = forms.IntegerField(min_value=1, required=False)


@dataclass(frozen=True)
class TrackerQuery:
    """A validated request: per facet the values selected, the sort and the page."""

    selections: dict = field(default_factory=dict)  # facet → frozenset of values, non-empty only
    sort: str = DEFAULT_SORT
    page: int = 1

    def selected(self, facet):
        return self.selections.get(facet, frozenset())

    def params(self, page=None, sort=None, **overrides):
        """The query string's pairs of this query, with ``overrides`` (facet → values)."""
        pairs = []
        for facet in FACETS:
            values = overrides.get(facet, self.selected(facet))
            pairs += [(facet, value) for value in sorted(values)]
        sort = self.sort if sort is None else sort
        if sort and sort != DEFAULT_SORT:
            pairs.append(("sort", sort))
        if page and page > 1:
            pairs.append(("page", page))
        return pairs


def parse(data):
    """``(TrackerQuery, None)``, or ``(None, {parameter: [messages]})``."""
    form = TrackerForm(data)
    if not form.is_valid():
        return None, {name: [str(message) for message in messages] for name, messages in form.errors.items()}
    cleaned = form.cleaned_data
    selections = {facet: frozenset(cleaned[facet]) for facet in FACETS if cleaned.get(facet)}
    return TrackerQuery(selections, cleaned.get("sort") or DEFAULT_SORT, cleaned.get("page") or 1), None


# --- The rows ----------------------------------------------------------------------------------


@dataclass
class Row:
    """One commitment as the tracker shows it, with its item's version and its facet values."""

    commitment: Commitment
    values: dict  # facet → tuple of keys

    @property
    def item(self):
        return self.commitment.item

    @cached_property
    def sort_id(self):
        """Its public id as numbers, for a stable tie-break: item prefix, year, number, commitment."""
        match = PUBLIC_ID_RE.match(self.item.public_id)
        return match["prefix"], int(match["year"]), int(match["number"]), self.commitment.number

    def matches(self, selections, leaving_out=None):
        return all(
            set(self.values[facet]) & values for facet, values in selections.items() if facet != leaving_out
        )


def public_rows(language):
    """Every public commitment as a reader of ``language`` finds it, unsorted."""
    chosen = []
    systems = {}  # item page pk → public ids of its public AI systems
    for item_type in commitment_item_types():
        pages, item_systems = public_pages(item_type.model)
        systems.update(item_systems)
        chosen += shown_in(language, pages)
    Commitment.for_reading(chosen)
    today = timezone.localdate()
    rows = []
    for commitment in chosen:
        item, due = commitment.item, commitment.due_date
        overdue = is_overdue(due, commitment.status, today)
        values = {
            "organization": (commitment.owner.key,),
            "status": (commitment.status,),
            "overdue": (YES if overdue else NO,),
            "year": (str(due.year) if due else NO_DATE,),
            "service": tuple(term.key for term in item.services.all()),
            "region": tuple(term.key for term in item.regions.all()),
            "system": systems.get(item.pk, ()),
        }
        rows.append(Row(commitment, values))
    return rows


def public_pages(model):
    """The public pages of ``model`` that hold commitments, with their taxonomies, and ``{page pk:
    public ids}`` of the public AI systems each names. Only those: the others give no row, and
    reading every agreement took seconds at 100,000 items (the home page's figure reads this)."""
    pages = (
        model.objects.public()
        .filter(pk__in=Commitment.objects.values("page_id"))
        .select_related("locale")
        .prefetch_related("services", "regions")
    )
    name = systems_field(model)
    if name is None:
        return list(pages), {}
    pages = list(pages.prefetch_related(name))
    related = model._meta.get_field(name).related_model
    named = {system.pk for page in pages for system in getattr(page, name).all()}
    public = dict(related.objects.public().filter(pk__in=named).values_list("pk", "public_id"))
    return pages, {
        page.pk: tuple(
            sorted({public[system.pk] for system in getattr(page, name).all() if system.pk in public})
        )
        for page in pages
    }


def shown_in(language, pages):
    """The commitments of ``pages`` (public versions of items) a reader of ``language`` sees: each
    once, from the version in that language when it shows it, else from the first version."""
    by_pk = {page.pk: page for page in pages}
    commitments = Commitment.objects.filter(page_id__in=by_pk).select_related("owner").order_by("pk")
    best = {}
    for commitment in commitments:
        page = by_pk[commitment.page_id]
        rank = (page.locale.language_code != language, page.pk)
        key = (page.translation_key, commitment.translation_key)
        if key not in best or rank < best[key][0]:
            best[key] = (rank, commitment)
    shown = []
    for _rank, commitment in best.values():
        commitment.__dict__["item"] = by_pk[commitment.page_id]
        shown.append(commitment)
    return shown


# --- Facets, sorts, headlines ---------------------------------------------------------------------


def facet_labels(facet, rows, language):
    """``{value: label}`` of a facet in ``language``, in display order."""
    if facet == "status":
        return {key: str(label) for key, label in CommitmentStatus.choices}
    if facet == "overdue":
        return {YES: str(_("Overdue")), NO: str(_("Not overdue"))}
    if facet == "year":
        years = sorted({value for row in rows for value in row.values["year"]} - {NO_DATE})
        return {**{year: year for year in years}, NO_DATE: str(_("No due date"))}
    if facet == "service":
        return term_labels(Service, language)
    if facet == "region":
        return term_labels(Region, language)
    if facet == "organization":
        names = {row.commitment.owner.key: row.commitment.owner_localized.name for row in rows}
        return dict(sorted(names.items(), key=lambda pair: (pair[1].casefold(), pair[0])))
    if facet == "system":
        return system_titles({value for row in rows for value in row.values["system"]}, language)
    raise KeyError(facet)


def system_titles(public_ids, language):
    """``{public id: title}`` of public AI systems, as a reader of ``language`` finds them."""
    titles = {}
    for item_type in commitment_item_types():
        name = systems_field(item_type.model)
        if name and public_ids - set(titles):
            related = item_type.model._meta.get_field(name).related_model
            found = related.objects.public().filter(public_id__in=public_ids).in_language(language)
            for public_id, title in found.order_by("-pk").values_list("public_id", "title"):
                titles[public_id] = title
    return dict(sorted(titles.items(), key=lambda pair: (pair[1].casefold(), pair[0])))


def sort_rows(rows, sort):
    """Due date soonest first (none last), or last update newest first (none last); ties by id."""
    if sort == "updated":
        return sorted(
            rows,
            key=lambda row: (
                row.commitment.last_update is None,
                -(row.commitment.last_update.toordinal() if row.commitment.last_update else 0),
                row.sort_id,
            ),
        )
    return sorted(
        rows,
        key=lambda row: (row.commitment.due_date is None, row.commitment.due_date or date.min, row.sort_id),
    )


def headline(count, done, overdue):
    """ "12 commitments, 5 done, 3 overdue": the parts that are zero left out, the count kept."""
    parts = [ngettext("%(count)d commitment", "%(count)d commitments", count) % {"count": count}]
    if done:
        parts.append(ngettext("%(count)d done", "%(count)d done", done) % {"count": done})
    if overdue:
        parts.append(ngettext("%(count)d overdue", "%(count)d overdue", overdue) % {"count": overdue})
    return ", ".join(parts)


def headline_of(rows):
    done = sum(row.commitment.status == CommitmentStatus.DONE for row in rows)
    overdue = sum(row.values["overdue"] == (YES,) for row in rows)
    return headline(len(rows), done, overdue)


@dataclass
class Tracker:
    """What one tracker request finds: the matching rows (sorted), facet values with counts, and
    a headline per organization among them."""

    query: TrackerQuery
    language: str
    universe: list  # every public row

    @cached_property
    def rows(self):
        matching = [row for row in self.universe if row.matches(self.query.selections)]
        return sort_rows(matching, self.query.sort)

    @property
    def count(self):
        return len(self.rows)

    @property
    def page_count(self):
        return max(1, -(-self.count // PAGE_SIZE))

    @property
    def page_rows(self):
        start = (self.query.page - 1) * PAGE_SIZE
        return self.rows[start : start + PAGE_SIZE]

    def counts(self, facet):
        """``{value: count}`` among the rows every other facet's selection keeps."""
        counts = {}
        for row in self.universe:
            if row.matches(self.query.selections, leaving_out=facet):
                for value in set(row.values[facet]):
                    counts[value] = counts.get(value, 0) + 1
        return counts

    @cached_property
    def facets(self):
        """Per facet, ``[{"key", "label", "count", "selected"}]``: values with rows, and the
        selected ones always, in display order."""
        facets = {}
        for facet in FACETS:
            counts = self.counts(facet)
            selected = self.query.selected(facet)
            labels = facet_labels(facet, self.universe, self.language)
            labels.update({key: self.missing_label(facet, key) for key in selected if key not in labels})
            facets[facet] = [
                {"key": key, "label": label, "count": counts.get(key, 0), "selected": key in selected}
                for key, label in labels.items()
                if counts.get(key) or key in selected
            ]
        return facets

    def missing_label(self, facet, key):
        """The label of a selected value no public commitment has."""
        if facet == "organization":
            owner = Organization.objects.filter(key=key).order_by("pk").first()
            return owner.localized.name if owner else key
        if facet == "system":
            return system_titles({key}, self.language).get(key, key)
        return key

    @property
    def headline(self):
        return headline_of(self.rows)

    def headlines(self):
        """``[(organization key, name, headline)]`` of every owner among the rows, by name."""
        by_owner = {}
        for row in self.rows:
            by_owner.setdefault(row.commitment.owner.key, []).append(row)
        named = [
            (key, rows[0].commitment.owner_localized.name, headline_of(rows))
            for key, rows in by_owner.items()
        ]
        return sorted(named, key=lambda entry: (entry[1].casefold(), entry[0]))


def run(query, language):
    return Tracker(query, language, public_rows(language))
