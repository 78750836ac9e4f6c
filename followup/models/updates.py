"""Progress updates: dated public statements of where a commitment stands, by those who answer for
it. Where a commitment stands is never typed on the commitment: it is its latest published
update's status ("planned" while it has none, ``Standing``).

An update names its commitment by identity, not by row: the commitment's ``translation_key`` and
its item's, which stay the same across the item's languages, revisions and edits. Updates are not
translated: each says in which language its note is written.

Once published an update is final: what was said publicly stays said. Nothing changes or deletes
it, whatever the road (``save()``, ``delete()``, a queryset's ``update()`` or ``delete()``, the
admin); a mistake is corrected by a new update that names the one it corrects (``corrects``).
A draft may be changed and deleted."""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, URLValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from hub.changes import announce

from .statuses import CommitmentStatus


class PublishedUpdateError(Exception):
    """A published progress update was to be changed or deleted: it is final. Publish a new update
    that corrects it instead."""


def today():
    """Today in Québec (the hub's time zone), whatever the server's clock zone."""
    return timezone.localdate()


class CommitmentUpdateQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def drafts(self):
        return self.filter(published_at__isnull=True)

    def _refuse_published(self, what):
        if self.published().exists():
            raise PublishedUpdateError(f"Cannot {what} published progress updates: they are final.")

    def update(self, **kwargs):
        """Drafts only. Publishing is one update at a time (``CommitmentUpdate.publish``), so that
        each publication is dated, logged and announced."""
        if "published_at" in kwargs:
            raise PublishedUpdateError("Publish progress updates one at a time, with publish().")
        self._refuse_published("change")
        return super().update(**kwargs)

    def delete(self):
        self._refuse_published("delete")
        return super().delete()


class CommitmentUpdate(models.Model):
    commitment_key = models.UUIDField(
        _("commitment"),
        db_index=True,
        help_text=_("The commitment's translation key: the same in every language."),
    )
    item_key = models.UUIDField(_("item"), db_index=True, help_text=_("Its item's translation key."))
    happened_on = models.DateField(
        _("date"), default=today, help_text=_("When things stood as this update says.")
    )
    status = models.CharField(_("status"), max_length=20, choices=CommitmentStatus.choices)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("How much is done, from 0 to 100, if it can be measured."),
    )
    note = models.TextField(_("note"), help_text=_("What was done or decided, in plain words. Public."))
    language = models.CharField(
        _("language of the note"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    evidence_url = models.URLField(
        _("evidence link"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("A public page or document that shows it (http or https)."),
    )
    evidence_title = models.CharField(_("evidence title"), max_length=255, blank=True)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        help_text=_("The published update this one corrects."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    # Private: who wrote it, for the admin and the audit log; an account that wrote updates is
    # deactivated, not deleted.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.PROTECT,
        editable=False,
        related_name="+",
    )

    objects = CommitmentUpdateQuerySet.as_manager()

    # The newest published update that corrects this one, when read with its commitment's history
    # (``standings``).
    corrected_by = None

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-happened_on", "-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
                name="followup_update_progress_percent",
            ),
            models.CheckConstraint(condition=~Q(note=""), name="followup_update_has_a_note"),
        ]

    def __str__(self):
        commitment = self.commitment
        name = commitment.public_id if commitment is not None else _("removed commitment")
        return f"{name} · {self.happened_on.isoformat() if self.happened_on else ''}"

    # --- final once published ---

    def save(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using")):
            if self._stored_published_at() is not None:
                raise PublishedUpdateError(f"Progress update {self.pk} is published: it cannot change.")
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using")):
            if self.is_published or self._stored_published_at() is not None:
                raise PublishedUpdateError(f"Progress update {self.pk} is published: it cannot be deleted.")
            return super().delete(*args, **kwargs)

    def _stored_published_at(self):
        """When the stored row was published (None: a draft, or not stored yet), read under a row
        lock: a concurrent publication waits for this transaction, or this one for it."""
        if self.pk is None:
            return None
        manager = type(self)._base_manager.using(self._state.db or "default")
        return manager.select_for_update().filter(pk=self.pk).values_list("published_at", flat=True).first()

    @property
    def is_published(self):
        return self.published_at is not None

    @cached_property
    def commitment(self):
        """The commitment it speaks of, in its item's first version that has it; None once every
        version has removed it."""
        return (
            apps.get_model("followup", "Commitment")
            .objects.filter(translation_key=self.commitment_key)
            .select_related("page")
            .order_by("pk")
            .first()
        )

    def publish(self, user=None):
        """Make this draft public for good, dated now: the one road to publication, logged (by
        ``user``, None for a script) and announced to the outlets that show its item."""
        if self.is_published:
            raise PublishedUpdateError(f"Progress update {self.pk} is already published.")
        with transaction.atomic():
            before = standings([self.commitment_key])[self.commitment_key].status
            self.published_at = timezone.now()
            self.save()
            log(self, "wagtail.publish", user=user)
            commitment = self.commitment
            if commitment is not None:
                announce({commitment.item.public_id})
            # Those who follow the commitment hear of a change of its status, once it is stored.
            from ..following import tell_followers

            transaction.on_commit(lambda: tell_followers(self, before))

    def api_record(self, api):
        """What the items API says of a published update."""
        evidence = {"url": self.evidence_url, "title": self.evidence_title} if self.evidence_url else None
        return {
            "date": api.date(self.happened_on),
            "published": api.date(self.published_at),
            "status": api.choice(self, "status"),
            "progress": self.progress,
            "note": self.note,
            "language": self.language,
            "evidence": evidence,
            "corrects": api.date(self.corrects.published_at) if self.corrects_id else None,
        }

    # --- what an editor may write ---

    def clean(self):
        errors = {}
        if self._state.adding and self.commitment_key is not None:
            commitment = self.commitment
            if commitment is None:
                errors[NON_FIELD_ERRORS] = _("This commitment does not exist.")
            elif commitment.page.translation_key != self.item_key:
                errors[NON_FIELD_ERRORS] = _("This is not the item of this commitment.")
        if self.note is not None and not self.note.strip():
            errors["note"] = _("Say what was done or decided.")
        if self.happened_on and self.happened_on > today():
            errors["happened_on"] = _("An update states what has happened: its date cannot be in the future.")
        if self.evidence_title and not self.evidence_url:
            errors["evidence_title"] = _("Give the evidence link this title names.")
        if self.corrects_id is not None:
            corrected = self.corrects
            if not corrected.is_published:
                errors["corrects"] = _("Only a published update is corrected; a draft is edited.")
            elif corrected.commitment_key != self.commitment_key:
                errors["corrects"] = _(
                    "A correction speaks of the same commitment as the update it corrects."
                )
        if errors:
            raise ValidationError(errors)


@dataclass
class Standing:
    """Where a commitment stands, from its published updates (newest first, ``history``): the
    status and progress of the latest one that no published correction replaced, and its date
    (``last_update``); "planned", without a date, while there is none."""

    history: list = field(default_factory=list)

    @cached_property
    def latest(self):
        corrected = {update.corrects_id for update in self.history if update.corrects_id}
        return next((update for update in self.history if update.pk not in corrected), None)

    @property
    def status(self):
        return self.latest.status if self.latest else CommitmentStatus.PLANNED

    @property
    def progress(self):
        return self.latest.progress if self.latest else None

    @property
    def last_update(self):
        """The date of the latest update (a correction's date is the date it gives)."""
        return self.latest.happened_on if self.latest else None


def standings(commitment_keys):
    """``{commitment key: Standing}`` for these keys, from one query; a key without published
    updates has a Standing without history."""
    keys = set(commitment_keys)
    found = {key: Standing() for key in keys}
    updates = (
        CommitmentUpdate.objects.published()
        .filter(commitment_key__in=keys)
        .order_by("commitment_key", "-happened_on", "-published_at", "-pk")
    )
    by_pk = {}
    for update in updates:
        found[update.commitment_key].history.append(update)
        by_pk[update.pk] = update
    for update in by_pk.values():  # newest first: a corrected update keeps its newest correction
        corrected = by_pk.get(update.corrects_id)
        if corrected is not None:
            type(update).corrects.field.set_cached_value(update, corrected)
            corrected.corrected_by = corrected.corrected_by or update
    return found
