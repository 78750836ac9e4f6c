"""People who follow a commitment by e-mail, without an account: they get one e-mail each time its
status changes (``followup.following``). A subscription like any other (``hub.models.Subscription``:
double opt-in, links' secret, personal data kept only while the person follows); an unconfirmed
one is deleted after ``FOLLOWUP_UNCONFIRMED_DAYS`` days (``apply_retention``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hub.models import Subscription
from hub.models.subscriptions import now  # noqa: F401 (migration 0003 names the default here)


class Follower(Subscription):
    # The commitment's identity, the same in every language and revision.
    commitment_key = models.UUIDField(_("commitment"), db_index=True, editable=False)

    token_salt = "followup.follower"  # the links already sent keep working
    confirm_url_name = "followup-follow-confirm"
    unsubscribe_url_name = "followup-follow-unsubscribe"

    class Meta:
        verbose_name = _("follower of a commitment")
        verbose_name_plural = _("followers of commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment_key", "email"], name="followup_one_follower_per_address"
            )
        ]
