"""Where a commitment stands: its statuses, and whether it is overdue."""

from django.db import models
from django.utils.translation import pgettext_lazy


class CommitmentStatus(models.TextChoices):
    """Where a commitment stands: its latest progress update's status, "planned" until one."""

    PLANNED = "planned", pgettext_lazy("commitment status", "Planned")
    IN_PROGRESS = "in-progress", pgettext_lazy("commitment status", "In progress")
    DONE = "done", pgettext_lazy("commitment status", "Done")
    PARTLY_DONE = "partly-done", pgettext_lazy("commitment status", "Partly done")
    ABANDONED = "abandoned", pgettext_lazy("commitment status", "Abandoned")
    POSTPONED = "postponed", pgettext_lazy("commitment status", "Postponed")


# A commitment in one of these is no longer awaited: it is never overdue.
CLOSED_STATUSES = frozenset({CommitmentStatus.DONE, CommitmentStatus.ABANDONED})


def is_overdue(due_date, status, today):
    """Whether a commitment due on ``due_date`` (None: no date) and standing at ``status`` is
    overdue on ``today``: its due date has passed and it is neither done nor abandoned. Computed,
    never typed: it changes with the calendar, not with an edit."""
    return due_date is not None and due_date < today and status not in CLOSED_STATUSES
