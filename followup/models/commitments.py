"""A commitment: what an organization undertook to do in an item (an agreement now, a consultation
report later), by when. One model for every such item: its parent is the item's page, whatever
its type, so the page's revisions, publication and translation carry it like any inline.

A commitment keeps its ``translation_key`` across languages and edits, and its ``number`` once
given: ``<item id>-C<number>`` is its public id, and citations name it."""

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.data_columns import iso
from hub.models import ItemPage, ItemPart, Organization

from ..numbering import next_number
from .statuses import CommitmentStatus, is_overdue
from .updates import standings


class Commitment(ItemPart, TranslatableMixin, Orderable):
    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="commitments")
    text = models.TextField(_("commitment"), help_text=_("What will be done, in plain words."))
    owner = models.ForeignKey(
        Organization,
        verbose_name=_("responsible organization"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner_role = models.CharField(
        _("responsible unit or role"),
        max_length=255,
        blank=True,
        help_text=_("Who in that organization answers for it, for example: “Direction des technologies”."),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    # Given once, the next of its item on the first save (``followup.numbering``), never reused.
    number = models.PositiveIntegerField(_("number"), editable=False)
    # A consultation report's commitment may follow from one of its recommendations (its number:
    # numbers outlive edits and translations); the report checks that it has it.
    recommendation = models.PositiveIntegerField(
        _("follows from recommendation n°"),
        null=True,
        blank=True,
        help_text=_("The number of the report's recommendation this commitment answers, if any."),
    )

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("owner_role")]),
        FieldPanel("due_date"),
    ]
    translatable_fields = [
        TranslatableField("text"),
        SynchronizedField("owner"),
        TranslatableField("owner_role"),
        SynchronizedField("due_date"),
        SynchronizedField("number"),
        SynchronizedField("recommendation"),
    ]
    api_fields = [
        APIField("public_id"),
        APIField("number"),
        APIField("text"),
        APIField("owner_key"),
        APIField("owner_role"),
        APIField("due_date"),
    ]

    label = _("Commitment")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="followup_commitment_number_per_page")
        ]

    def __str__(self):
        return f"C{self.number}" if self.number else Truncator(self.text).words(8)

    @classmethod
    def by_page(cls, pages):
        """``{page id: [commitment]}`` of these item pages (an open-data chunk's), each in its page's
        order, knowing its page, its owner's name in that page's language and where it stands,
        read at once."""
        items = {page.pk: page for page in pages}
        commitments = list(
            cls.objects.filter(page_id__in=items)
            .select_related("owner")
            .order_by("page_id", "sort_order", "pk")
        )
        keys = {commitment.owner.translation_key for commitment in commitments}
        names = {
            (key, locale_id): name
            for key, locale_id, name in Organization.objects.filter(translation_key__in=keys).values_list(
                "translation_key", "locale_id", "name"
            )
        }
        by_page = {}
        for commitment in cls.with_standings(commitments):
            item = commitment.__dict__["item"] = items[commitment.page_id]
            owner = commitment.owner
            commitment.__dict__["owner_name"] = names.get((owner.translation_key, item.locale_id), owner.name)
            by_page.setdefault(commitment.page_id, []).append(commitment)
        return by_page

    def save(self, *args, **kwargs):
        if self.number is None:
            self.number = next_number(self.page)
        super().save(*args, **kwargs)

    # --- what a reader sees ---

    @property
    def owner_key(self):
        return self.owner.key

    @cached_property
    def owner_name(self):
        """Its owner's name in its item's language, when the organization is translated into it."""
        translation = self.owner.get_translation_or_none(self.item.locale)
        return (translation or self.owner).name

    @cached_property
    def owner_localized(self):
        """Its owner in the reader's language, when translated into it (``.localized``); a list
        reads them at once (``for_reading``)."""
        return self.owner.localized

    @classmethod
    def for_reading(cls, commitments):
        """``commitments`` (their owners selected), each knowing where it stands and its owner in
        the reader's language, read in two queries however many they are."""
        try:
            locale = Locale.get_active()
        except (LookupError, Locale.DoesNotExist):  # no active language: their own names
            locale = None
        keys = {commitment.owner.translation_key for commitment in commitments}
        translations = {
            owner.translation_key: owner
            for owner in Organization.objects.filter(translation_key__in=keys, locale=locale)
        }
        for commitment in commitments:
            owner = commitment.owner
            commitment.__dict__["owner_localized"] = translations.get(owner.translation_key, owner)
        return cls.with_standings(commitments)

    @cached_property
    def standing(self):
        """Where it stands, from its published progress updates (``followup.models.updates``); a
        list reads every commitment's at once (``with_standings``)."""
        return standings([self.translation_key])[self.translation_key]

    @classmethod
    def with_standings(cls, commitments):
        """``commitments``, each knowing where it stands, read in one query."""
        found = standings(commitment.translation_key for commitment in commitments)
        for commitment in commitments:
            commitment.__dict__["standing"] = found[commitment.translation_key]
        return commitments

    @property
    def status(self):
        """Its latest published progress update's status; "planned" while it has none."""
        return self.standing.status

    @property
    def progress(self):
        """Its latest published progress update's percentage, if it gave one."""
        return self.standing.progress

    @property
    def last_update(self):
        """The date of its latest published progress update; None while it has none."""
        return self.standing.last_update

    def api_record(self, api):
        """What the items API says of it (``ItemPage.api_record``), its published updates included."""
        return {
            "id": self.public_id,
            "number": self.number,
            "text": self.text,
            "owner": api.organization(self.owner),
            "owner_role": self.owner_role,
            "due_date": api.date(self.due_date),
            "status": api.choice(self, "status"),
            "progress": self.progress,
            "last_update": api.date(self.last_update),
            "recommendation": self.recommendation,
            "updates": [update.api_record(api) for update in self.standing.history],
        }

    def data_record(self):
        """What the open-data JSON says of it (read by ``by_page``): its owner named in its item's
        language, its status by key."""
        return {
            "id": self.public_id,
            "number": self.number,
            "commitment": self.text,
            "owner": self.owner_name,
            "due_date": iso(self.due_date),
            "status": self.status,
            "progress": self.progress,
            "last_update": iso(self.last_update),
        }

    def get_status_display(self):
        return CommitmentStatus(self.status).label

    @property
    def is_overdue(self):
        return is_overdue(self.due_date, self.status, timezone.localdate())

    # --- a part of its item, with an id of its own (``hub.models.ItemPart``) ---

    @cached_property
    def item(self):
        """Its page, as the specific item page (a list read through the page already holds it)."""
        page = self.page
        return page if isinstance(page, ItemPage) else page.specific

    @property
    def suffix(self):
        return f"C{self.number}"

    @property
    def url(self):
        """Its page on the version of its item it belongs to."""
        return self.item.commitment_url(self.number)

    def url_in(self, language_code):
        """Its page on the version of its item in ``language_code`` when that version is public and
        shows it, else on the version it belongs to."""
        item = self.item
        if item.content_language != language_code:
            translation = item.get_translation_in(language_code)
            if translation is not None and translation.commitments.filter(number=self.number).exists():
                item = translation
        return item.commitment_url(self.number)

    def citation_title(self):
        return Truncator(" ".join(self.text.split())).words(25)

    def citation_heading(self):
        return _("Cite this commitment")
