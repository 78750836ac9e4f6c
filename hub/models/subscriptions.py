"""What every e-mail subscription without an account keeps (a commitment's followers, a
search's alerts; ``hub.subscriptions`` runs them): a reference, an address, a language, when it
was asked and when confirmed. Personal data: never shown anywhere public nor in the admin, kept
only while the person subscribes.

Double opt-in: a new subscription is pending until confirmed from the e-mail sent to the
address; an unconfirmed one is deleted by retention. The secret of its links is derived from its
reference with the site's secret key and the model's own salt: never stored, never guessed from
the reference."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _


def now():
    """The clock at the moment of asking (read when called, not when the model was defined)."""
    return timezone.now()


class Subscription(models.Model):
    reference = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("asked"), default=now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)

    token_salt = None  # each kind's own: one kind's link never opens another's
    confirm_url_name = None  # the URL names of its confirmation and unsubscription (reference, token)
    unsubscribe_url_name = None

    class Meta:
        abstract = True

    def __str__(self):
        """No personal data."""
        return f"{self._meta.verbose_name.capitalize()} {self.reference.hex[:8]}"

    @property
    def token(self):
        return salted_hmac(self.token_salt, self.reference.hex, algorithm="sha256").hexdigest()[:40]

    def token_matches(self, token):
        return constant_time_compare(self.token, token or "")

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None
