"""Reminders about the commitments that need attention (``followup.attention``), by e-mail, at
most once per commitment every ``FOLLOWUP_REMINDER_DAYS`` days, to those who answer for them: the
accounts of the commitment's organization (its municipal partners) and the item's editors (who
wrote a version of it and may still edit it). One e-mail per person, in their admin language,
listing all their commitments.

Each reminder is logged in the item's history (Wagtail's audit log): the log is what says a
commitment was reminded in the period, so running ``followup_reminders`` again, or twice at once
(the second waits for the first: ``hub.write_locks``), sends nothing more. A commitment whose
e-mails all failed is not logged, and is reminded at the next run."""

import datetime
import logging
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter, log
from wagtail.models import PageLogEntry, Revision
from wagtail.users.models import UserProfile

from hub.write_locks import exclusive

from .attention import needing_attention
from .permissions import updatable_commitments
from .update_views import VIEWSET_NAME

logger = logging.getLogger(__name__)

REMINDER_ACTION = "followup.reminder"


class ReminderLogFormatter(LogFormatter):
    label = gettext_lazy("Follow-up reminder sent")

    def format_message(self, log_entry):
        data = log_entry.data
        return _("Reminder about %(id)s sent to %(count)s people (%(reasons)s)") % {
            "id": data.get("public_id", ""),
            "count": data.get("recipients", 0),
            "reasons": ", ".join(str(REASONS.get(reason, reason)) for reason in data.get("reasons", [])),
        }


REASONS = {"overdue": gettext_lazy("overdue"), "silent": gettext_lazy("no recent progress update")}


def recently_reminded(now):
    """The keys of the commitments reminded within the period before ``now``."""
    since = now - datetime.timedelta(days=settings.FOLLOWUP_REMINDER_DAYS)
    entries = PageLogEntry.objects.filter(action=REMINDER_ACTION, timestamp__gt=since)
    return {entry["commitment"] for entry in entries.values_list("data", flat=True) if entry}


def recipients(commitment):
    """The active accounts with an e-mail address to write to about ``commitment``."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    owners = users.filter(partner_membership__organization__translation_key=commitment.owner.translation_key)
    item = commitment.item
    versions = type(item).objects.filter(translation_key=item.translation_key).values_list("pk", flat=True)
    authors = (
        Revision.objects.page_revisions().filter(object_id__in=[str(pk) for pk in versions]).values("user_id")
    )
    editors = [user for user in users.filter(pk__in=authors) if item.permissions_for_user(user).can_edit()]
    return {user.pk: user for user in [*owners, *editors]}


def send_reminders(now=None):
    """Send the reminders due at ``now``; returns the lines that say what was done."""
    now = now or timezone.now()
    with exclusive("followup-reminders"):
        done = recently_reminded(now)
        due = [entry for entry in needing_attention(timezone.localdate(now)) if str(entry.key) not in done]
        by_person, people = {}, {}
        for entry in due:
            for pk, user in recipients(entry.commitment).items():
                people[pk] = user
                by_person.setdefault(pk, []).append(entry)
        reached = {}
        for pk, entries in by_person.items():
            if send_to(people[pk], entries):
                for entry in entries:
                    reached[entry.key] = reached.get(entry.key, 0) + 1
        lines = []
        for entry in due:
            commitment = entry.commitment
            if entry.key in reached:
                log(
                    instance=commitment.item,
                    action=REMINDER_ACTION,
                    data={
                        "commitment": str(entry.key),
                        "public_id": commitment.public_id,
                        "recipients": reached[entry.key],
                        "reasons": entry.reasons,
                    },
                )
                lines.append(
                    f"{commitment.public_id}: reminded {reached[entry.key]} people ({', '.join(entry.reasons)})."
                )
            else:
                lines.append(
                    f"{commitment.public_id}: nobody could be reminded ({', '.join(entry.reasons)})."
                )
        lines.append(
            f"{len(reached)} commitments reminded, {len(due) - len(reached)} without anyone reached, "
            f"{len(done)} already reminded in the last {settings.FOLLOWUP_REMINDER_DAYS} days."
        )
        return lines


def send_to(user, entries):
    """One e-mail to ``user`` about ``entries``, in their admin language; whether it left."""
    updatable = set(updatable_commitments(user).values_list("translation_key", flat=True))
    add_url = urljoin(settings.WAGTAILADMIN_BASE_URL, reverse(f"{VIEWSET_NAME}:add"))
    with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
        rows = [
            {
                "entry": entry,
                "page_url": urljoin(settings.WAGTAILADMIN_BASE_URL, entry.commitment.url),
                "update_url": f"{add_url}?commitment={entry.key}" if entry.key in updatable else "",
            }
            for entry in entries
        ]
        context = {"user": user, "rows": rows, "period": settings.FOLLOWUP_REMINDER_DAYS}
        subject = _("Commitments to follow up: %(count)s") % {"count": len(entries)}
        body = render_to_string("followup/emails/reminder.txt", context)
    try:
        EmailMessage(subject=subject, body=body, to=[user.email]).send()
    except Exception as error:  # noqa: BLE001 (the others are still sent; the next run retries)
        logger.error("A follow-up reminder to account %s was not sent: %s", user.pk, type(error).__name__)
        return False
    return True
