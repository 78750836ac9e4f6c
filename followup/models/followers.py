"""People who follow a commitment by e-mail, without an account: they get one e-mail each time its
status changes (``followup.following``). Personal data: an address and a language, never shown
anywhere public nor in the admin, kept only while the person follows.

Double opt-in: a new follower is pending until they confirm from the e-mail sent to the address;
an unconfirmed one is deleted after ``FOLLOWUP_UNCONFIRMED_DAYS`` days (``apply_retention``).
Unsubscribing deletes the row. The secret of a follower's links is derived from its reference
with the site's secret key: never stored, never guessed from the reference."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

TOKEN_SALT = "followup.follower"


def now():
    """The clock at the moment of asking (read when called, not when the model was defined)."""
    return timezone.now()


class Follower(models.Model):
    reference = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    # The commitment's identity, the same in every language and revision.
    commitment_key = models.UUIDField(_("commitment"), db_index=True, editable=False)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("asked"), default=now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("follower of a commitment")
        verbose_name_plural = _("followers of commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment_key", "email"], name="followup_one_follower_per_address"
            )
        ]

    def __str__(self):
        """No personal data."""
        return f"{_('Follower')} {self.reference.hex[:8]}"

    @property
    def token(self):
        return salted_hmac(TOKEN_SALT, self.reference.hex, algorithm="sha256").hexdigest()[:40]

    def token_matches(self, token):
        return constant_time_compare(self.token, token or "")

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None
