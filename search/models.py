"""The embedded search index: one row per published item per interface language, in the
project's own database (SQLite by default, PostgreSQL at scale).

Full text lives beside these tables: an FTS5 table on SQLite, a ``tsvector`` column on
PostgreSQL (see the migrations); ``search.backends.embedded`` keeps them in step. Beside the
index, the search alerts people subscribe to by e-mail."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hub.models import Subscription


class IndexedItem(models.Model):
    public_id = models.CharField(max_length=20)
    locale = models.CharField(max_length=8)
    item_type = models.CharField(max_length=40)  # an item type's key: "learning_resource"
    content_locale = models.CharField(max_length=8)
    page_id = models.IntegerField()
    title = models.TextField()
    sort_title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    plain_summary = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    services = models.TextField(blank=True)
    regions = models.TextField(blank=True)
    risks = models.TextField(blank=True)
    impact_level = models.PositiveSmallIntegerField(null=True)
    status = models.CharField(max_length=20, blank=True)
    date = models.DateField()
    updated = models.DateTimeField()  # the latest material update, for the "updated" sort
    published = models.DateField(null=True)  # the day it first went live, for the overview
    # The facets and sorts of the item's type's own (``hub.items.TypeFacet``, ``TypeSort``):
    # ``key=value`` pairs joined by ``|``, empty for a type that declares none.
    type_facets = models.TextField(blank=True, default="")
    ranks = models.TextField(blank=True, default="")
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    fingerprint = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["public_id", "locale"], name="search_item_unique")]
        indexes = [
            models.Index(fields=["locale", "date", "public_id"], name="search_item_date"),
            models.Index(fields=["locale", "sort_title"], name="search_item_title"),
            models.Index(fields=["page_id"], name="search_item_page"),
        ]

    def __str__(self):
        return f"{self.public_id} ({self.locale})"


class IndexedFacetValue(models.Model):
    """One facet value of one indexed item, for the benchmark's SQL floor (``benchmarks.answers``),
    which fills the table itself: searches count facets on bitmaps, so the index does not write it."""

    item = models.ForeignKey(IndexedItem, on_delete=models.CASCADE, related_name="facet_values")
    locale = models.CharField(max_length=8)
    facet = models.CharField(max_length=40)  # an item type's own facet has a longer name
    value = models.CharField(max_length=80)

    class Meta:
        indexes = [
            models.Index(fields=["locale", "facet", "value", "item"], name="search_facet_lookup"),
            models.Index(fields=["item", "facet"], name="search_facet_item"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class PendingIndexUpdate(models.Model):
    """An item whose index entry could not be written; ``search_index sync`` catches up."""

    public_id = models.CharField(max_length=20, unique=True)
    recorded_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.public_id


class IndexState(models.Model):
    """One row: a token that changes with every write to the index, and the position of the latest
    change logged (``IndexChange``). A process holding facet bitmaps at another token applies the
    changes after its position, or reads the whole language again when the log no longer holds the
    change it stopped at (pruned, cleared by a rebuild, rolled back)."""

    token = models.CharField(max_length=32)
    position = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.token}@{self.position}"


class IndexChange(models.Model):
    """One item row added to or removed from the index, written in the transaction that does it, in
    commit order (writers hold the index lock): the log processes catch up from."""

    locale = models.CharField(max_length=8)
    item_id = models.BigIntegerField()  # an IndexedItem id; no foreign key: a removed row is gone
    added = models.BooleanField()
    token = models.CharField(max_length=32)  # the state token of the write that logged it

    def __str__(self):
        return f"{'+' if self.added else '-'}{self.item_id} ({self.locale})"


class SearchAlert(Subscription):
    """Someone who gets the news of a search by e-mail (``search.alerts``): a digest, daily or
    weekly, of the items it finds that are new or updated since the last one. The search is kept
    as its normalised parameters (words and filters, ``search.links.feed_params``), valid when
    asked; the digest is in the subscriber's language. ``last_sent_period`` (``2026-12-05``,
    ``2026-W49``) says which period was sent, so that a second run in the same period sends
    nothing; ``last_sent_at`` is where the next digest starts."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Once a day")
        WEEKLY = "weekly", _("Once a week")

    query_string = models.CharField(_("search"), max_length=2000, editable=False)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    last_sent_period = models.CharField(_("last period sent"), max_length=10, blank=True, editable=False)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True, editable=False)

    token_salt = "search.alert"
    confirm_url_name = "search-alert-confirm"
    unsubscribe_url_name = "search-alert-unsubscribe"

    class Meta:
        verbose_name = _("search alert")
        verbose_name_plural = _("search alerts")
        constraints = [
            models.UniqueConstraint(fields=["query_string", "email"], name="search_one_alert_per_address")
        ]
