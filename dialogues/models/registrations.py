"""A person's registration for a session held with registration on the hub.

Everything here is personal data: it is shown only to the person (through their secret link) and
to the dialogue's organizers in the admin (``dialogues.registrants``), never logged, indexed,
exported elsewhere or shown publicly, and deleted ``DIALOGUE_REGISTRATION_RETENTION_DAYS`` after
the session (``dialogues.registering.apply_retention``).

A registration names its session by the session's ``translation_key`` (its identity across
languages and edits), not by a row: a translation's session rows are replaced when it syncs."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

TOKEN_SALT = "dialogues.registration"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


# What a person may ask for, in the order the form lists them.
REQUESTED_ACCOMMODATIONS = [
    ("lsq", _("LSQ interpretation (Québec Sign Language)")),
    ("asl", _("ASL interpretation (American Sign Language)")),
    ("captions", _("Live captions")),
    ("step-free", _("Step-free access")),
    ("quiet-space", _("A quiet space")),
    ("childcare", _("Childcare")),
    ("transport", _("Help with transport")),
    ("large-print", _("Documents in large print")),
    ("other", _("Something else (say what below)")),
]


class Registration(models.Model):
    reference = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    session_key = models.UUIDField(_("session"), db_index=True, editable=False)
    # The version the dialogue was first written in, whose organizers see the registrants.
    dialogue = models.ForeignKey(
        "dialogues.DialoguePage",
        verbose_name=_("dialogue"),
        on_delete=models.CASCADE,
        related_name="registrations",
        editable=False,
    )
    name = models.CharField(_("name or pseudonym"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    accommodations = models.JSONField(_("accommodations requested"), default=list, blank=True)
    accommodations_details = models.TextField(
        _("accommodations, in their words"), max_length=1000, blank=True
    )
    consent_to_contact = models.BooleanField(_("agrees to be contacted"), default=False)
    # Its own consent, optional: to be told by e-mail when the dialogue's report is published
    # (``dialogues.contact``), for which the address outlives the session.
    wants_report = models.BooleanField(_("wants to hear of the report"), default=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="", phone=""), name="dialogues_registration_email_or_phone"
            )
        ]

    def __str__(self):
        """No personal data: the admin's history and messages name a registration by this."""
        return f"{_('Registration')} {self.reference.hex[:8]}"

    @property
    def token(self):
        """The secret of the person's links (confirmation, cancellation): derived from the
        reference with the site's secret key, so it is never stored and every e-mail can repeat
        it, yet nobody guesses it from the reference."""
        return salted_hmac(TOKEN_SALT, self.reference.hex, algorithm="sha256").hexdigest()[:40]

    def token_matches(self, token):
        return constant_time_compare(self.token, token or "")

    def accommodation_labels(self):
        labels = dict(REQUESTED_ACCOMMODATIONS)
        return [labels[key] for key in self.accommodations if key in labels]

    @property
    def accommodations_text(self):
        return "; ".join(str(label) for label in self.accommodation_labels())
