"""Commitments that need someone's attention: overdue ones, and ones nobody has given news of for
``FOLLOWUP_SILENT_DAYS`` days (since their latest progress update; since their item was first
published while they have none). A done or abandoned commitment never needs it. The editors'
dashboard lists them (``followup.panels``) and ``followup_reminders`` e-mails about them
(``followup.reminders``), so that follow-up does not depend on anyone's memory.

One entry per commitment whatever its item's languages: the row of its item's first live version."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from .models import CLOSED_STATUSES, Commitment, commitment_page_models, is_overdue


@dataclass
class Attention:
    commitment: Commitment
    overdue: bool
    # Days without news, when there have been FOLLOWUP_SILENT_DAYS or more; else None.
    silent_days: int | None

    @property
    def key(self):
        return self.commitment.translation_key

    @property
    def reasons(self):
        """Why it needs attention, as keys: ``overdue``, ``silent``."""
        return [reason for reason, why in (("overdue", self.overdue), ("silent", self.silent_days)) if why]


def live_commitments():
    """Every commitment of a live item, once each (its item's first live version's row), knowing
    its item and where it stands, read in a few queries per page type."""
    found = {}
    for model in commitment_page_models():
        pages = {page.pk: page for page in model.objects.live().order_by("pk")}
        rows = (
            Commitment.objects.filter(page_id__in=pages)
            .select_related("owner")
            .order_by("page_id", "sort_order", "pk")
        )
        for commitment in rows:
            if commitment.translation_key not in found:
                commitment.__dict__["item"] = pages[commitment.page_id]
                found[commitment.translation_key] = commitment
    return Commitment.with_standings(list(found.values()))


def needing_attention(today=None):
    """What needs attention on ``today`` (Québec's today by default): overdue first, then the
    longest without news, then by due date."""
    today = today or timezone.localdate()
    entries = []
    for commitment in live_commitments():
        if commitment.status in CLOSED_STATUSES:
            continue
        since = commitment.last_update or news_start(commitment.item)
        silent = (today - since).days if since else None
        entry = Attention(
            commitment=commitment,
            overdue=is_overdue(commitment.due_date, commitment.status, today),
            silent_days=silent if silent is not None and silent >= settings.FOLLOWUP_SILENT_DAYS else None,
        )
        if entry.reasons:
            entries.append(entry)
    entries.sort(
        key=lambda entry: (
            not entry.overdue,
            -(entry.silent_days or 0),
            entry.commitment.due_date is None,
            entry.commitment.due_date,
            entry.commitment.public_id,
        )
    )
    return entries


def news_start(item):
    """The day a commitment without updates started waiting for news: its item's first publication."""
    return timezone.localdate(item.first_published_at) if item.first_published_at else None
