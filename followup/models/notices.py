"""Which addresses were told that a consultation report was published (``followup.report_mail``):
one row per report and address, so that each person gets one e-mail per report, whatever the
number of its publications, its languages, its dialogues they registered for or their
registrations, and whichever process publishes it.

The address is not kept: only a keyed digest of it (``address_digest``), which tells nothing to
someone without the site's secret key and outlives no registration's purpose (it names no one)."""

from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

DIGEST_SALT = "followup.report-notice"


def address_digest(email):
    return salted_hmac(DIGEST_SALT, email.strip().lower(), algorithm="sha256").hexdigest()


def now():
    return timezone.now()


class ReportNotice(models.Model):
    # The report's identity, the same in every language and revision.
    report_key = models.UUIDField(_("report"), editable=False)
    address = models.CharField(_("address digest"), max_length=64, editable=False)
    # Which run wrote the row: a run sends only to the rows it wrote itself.
    claim = models.UUIDField(_("claim"), db_index=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), default=now, editable=False)

    class Meta:
        verbose_name = _("registrant told of a report")
        verbose_name_plural = _("registrants told of a report")
        constraints = [
            models.UniqueConstraint(fields=["report_key", "address"], name="followup_one_notice_per_address")
        ]

    def __str__(self):
        return f"{_('Report notice')} {self.pk}"
