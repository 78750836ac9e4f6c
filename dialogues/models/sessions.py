"""A dialogue's sessions: when, where (or online), in what state, with which accommodations and
how to register. A session keeps its ``translation_key`` across languages and edits: calendars
(its UID) and registrations name it by that key."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .dialogues import DialoguePage
from .venues import Venue


class SessionFormat(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class SessionStatus(models.TextChoices):
    """schema.org's event statuses, and "held" once it took place."""

    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    MOVED_ONLINE = "moved-online", _("Moved online")
    CANCELLED = "cancelled", _("Cancelled")
    HELD = "held", _("Held")


class RegistrationMode(models.TextChoices):
    NONE = "none", _("No registration: come as you are")
    HUB = "hub", _("Register on this site")
    EXTERNAL = "external", _("Register elsewhere (a link)")


SESSION_LANGUAGES = [("fr", _("French")), ("en", _("English"))]

# What a session offers, in the order a page lists them: (field, label shown to readers).
SESSION_ACCOMMODATIONS = (
    "lsq_interpretation",
    "asl_interpretation",
    "live_captions",
    "childcare",
    "transport_help",
    "food",
)


class LanguagesField(models.JSONField):
    """The languages a session is held in, stored as a list of codes and edited as checkboxes: an
    inline panel builds its form from the model's fields alone."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=self.verbose_name,
            choices=SESSION_LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
        )


class Session(TranslatableMixin, Orderable):
    dialogue = ParentalKey(DialoguePage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(
        _("title of the session"),
        max_length=200,
        blank=True,
        help_text=_("Only when the dialogue has several sessions, for example: “2. Your proposals”."),
    )
    starts_at = models.DateTimeField(_("starts"), help_text=_("Québec time."))
    ends_at = models.DateTimeField(_("ends"), help_text=_("Québec time."))
    format = models.CharField(_("format"), max_length=20, choices=SessionFormat.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("public note on the status"),
        max_length=300,
        blank=True,
        help_text=_("When the session is postponed, moved or cancelled: why, and what happens next."),
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    online_url = models.URLField(
        _("online address"),
        blank=True,
        help_text=_("When people register on this site, only they receive it."),
    )
    languages = LanguagesField(_("languages spoken"), default=list)
    lsq_interpretation = models.BooleanField(_("LSQ interpretation"), default=False)
    asl_interpretation = models.BooleanField(_("ASL interpretation"), default=False)
    live_captions = models.BooleanField(_("live captions"), default=False)
    childcare = models.BooleanField(_("childcare"), default=False)
    transport_help = models.BooleanField(_("help with transport"), default=False)
    food = models.BooleanField(_("food served"), default=False)
    what_to_bring = models.TextField(_("what to bring"), blank=True)
    registration = models.CharField(
        _("registration"), max_length=20, choices=RegistrationMode.choices, default=RegistrationMode.NONE
    )
    registration_url = models.URLField(_("registration address"), blank=True)
    registration_phone = models.CharField(
        _("register by phone"),
        max_length=40,
        blank=True,
        help_text=_("A number people can call to register."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("With registration on this site: how many people can come."),
    )
    # iCalendar's SEQUENCE and LAST-MODIFIED: raised when the time, the place or the status
    # changes, so calendars that subscribed update the event.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    changed_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("format"), FieldPanel("status")]),
        FieldPanel("status_note"),
        FieldPanel("venue"),
        FieldPanel("online_url"),
        MultiFieldPanel(
            [
                FieldPanel("languages"),
                *[FieldPanel(field) for field in SESSION_ACCOMMODATIONS],
                FieldPanel("what_to_bring"),
            ],
            heading=_("Languages and accommodations"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldPanel("registration_url"),
                FieldPanel("registration_phone"),
                FieldPanel("capacity"),
            ],
            heading=_("Registration"),
        ),
    ]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("format"),
        SynchronizedField("status"),
        TranslatableField("status_note"),
        SynchronizedField("venue"),
        SynchronizedField("online_url"),
        SynchronizedField("languages"),
        *[SynchronizedField(field) for field in SESSION_ACCOMMODATIONS],
        TranslatableField("what_to_bring"),
        SynchronizedField("registration"),
        SynchronizedField("registration_url"),
        SynchronizedField("registration_phone"),
        SynchronizedField("capacity"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.title or self.dialogue.title} ({timezone.localtime(self.starts_at):%Y-%m-%d %H:%M})"

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("A session ends after it starts.")
        if self.format in (SessionFormat.IN_PERSON, SessionFormat.HYBRID) and self.venue_id is None:
            errors["venue"] = _("Choose the venue of a session held in person.")
        if self.registration == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Give the address where people register.")
        if self.registration == RegistrationMode.HUB and not self.capacity:
            errors["capacity"] = _("Say how many people can come when they register on this site.")
        unknown = [code for code in self.languages or () if code not in dict(SESSION_LANGUAGES)]
        if unknown:
            errors["languages"] = _("Unknown languages: %s.") % ", ".join(unknown)
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self):
        return self.format in (SessionFormat.ONLINE, SessionFormat.HYBRID) or (
            self.status == SessionStatus.MOVED_ONLINE
        )

    def accommodations(self):
        """What the session offers, as ``(field, label)``."""
        return [
            (field, self._meta.get_field(field).verbose_name)
            for field in SESSION_ACCOMMODATIONS
            if getattr(self, field)
        ]


@dataclass
class ScheduledSession:
    """A session as a reader sees it: the facts from the original version's session, the words
    (title, status note, what to bring) from the reader's version where it has them."""

    facts: Session
    words: Session
    # The session's venue in the reader's language (``DialoguePage.schedule`` reads every venue
    # of the schedule at once); None when the session has no venue.
    venue: Venue | None = None

    @property
    def key(self):
        return self.facts.translation_key

    @property
    def words_language(self):
        return self.words.locale.language_code if self.words.locale_id else None

    @property
    def starts_at(self):
        return timezone.localtime(self.facts.starts_at)

    @property
    def ends_at(self):
        return timezone.localtime(self.facts.ends_at)

    @property
    def is_past(self):
        return self.facts.ends_at <= timezone.now()
