"""Who may publish in the reviewed sections: a second person.

Nobody but an administrator publishes a version they submitted for review, nor, outside review,
a version they wrote themselves: a reviewer's own drafts go through review like everyone's.
Scheduling a go-live date is publishing. Publications without a user (``publish_scheduled``,
imports, demo loading, scripts) are the system's and stay allowed; reviewers keep unpublishing.

Wagtail offers no single point that knows both the user and the revision on every road, so the
rule is one function (``self_publication``) consulted where each road decides: the permission
tester (edit view, admin API, bulk actions, translation views, menus), the page's ``publish``
(every ``revision.publish(user=...)``: scripts, bulk actions, workflow approval), the workflow
task's ``on_action``, and the edit and create views' ``before_publish_page`` hook for the version
they save just before publishing it."""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import PagePermissionTester

from .items import type_of, type_of_index
from .roles import is_reviewed

SCHEDULE_REFUSED_ACTION = "hub.publish.scheduled.refused"
SUBMITTED_IT = _("You submitted this version for review: another reviewer approves it.")
WROTE_IT = _("You wrote this version: submit it for review, another reviewer publishes it.")


class SelfPublicationRefused(PermissionDenied):
    """A user tried to publish a version they submitted or wrote, in a reviewed section."""


class PublicationRefused(ValidationError, PermissionDenied):
    """This version may not go live as it is (a testimony it shows lacks consent). A validation
    error, so the admin API answers HTTP 400 with the message; a refusal (HTTP 403) for the
    other views, which check first and explain on their own page."""

    def __init__(self, problems):
        super().__init__({NON_FIELD_ERRORS: [str(problem) for problem in problems]})

    def __str__(self):
        return " ".join(self.messages)


def is_administrator(user):
    return user.is_active and user.is_superuser


def in_reviewed_section(page):
    return is_reviewed(type_of(type(page)))


def self_publication(user, page, author_id):
    """Why ``user`` may not publish the version of ``page`` written by ``author_id``, or None."""
    if user is None or not in_reviewed_section(page) or is_administrator(user):
        return None
    state = page.current_workflow_state if page.pk else None
    if state is not None:
        if state.requested_by_id == user.pk:
            return SUBMITTED_IT
        return None
    if author_id == user.pk:
        return WROTE_IT
    return None


def refuse_self_publication(user, page, author_id):
    reason = self_publication(user, page, author_id)
    if reason:
        raise SelfPublicationRefused(reason)


def latest_author_id(page):
    """The author of the version the admin API and bulk actions would publish (a new one by the
    user when the page has no revision yet)."""
    revision = page.get_latest_revision() if page.pk else None
    return revision.user_id if revision is not None else None


class ReviewedPermissionTester(PagePermissionTester):
    """``can_publish`` is "may publish the latest version"; unscheduling and view restrictions
    keep Wagtail's meaning (the right to publish in the section), like unpublishing."""

    def can_publish(self):
        return (
            super().can_publish()
            and self_publication(self.user, self.page, latest_author_id(self.page)) is None
        )

    def can_unschedule(self):
        return super().can_publish()

    def can_set_view_restrictions(self):
        return super().can_publish()


class ReviewedSectionPermissionTester(PagePermissionTester):
    """Below a reviewed section's index, a page created, copied or aliased live would be published
    by the person who made it: only administrators do that."""

    def can_publish_subpage(self):
        if is_reviewed(type_of_index(type(self.page))):
            return is_administrator(self.user)
        return super().can_publish_subpage()


class PublicationGuardsMixin:
    """The two checks every publication passes, for pages that define ``publication_problems``."""

    def publish(self, revision, user=None, *args, **kwargs):
        """Every ``revision.publish(user=...)`` (scripts, bulk actions, workflow approval) is
        checked against the revision actually published, not only the latest."""
        refuse_self_publication(user, self, revision.user_id)
        return super().publish(revision, user, *args, **kwargs)

    def save(self, *args, **kwargs):
        """Whatever the road (Wagtail's publish action, ``publish_scheduled``, ``page.live =
        True; page.save()``), a page becoming live or changing its live version is checked here,
        on the content in memory (a revision's testimonies, not the database's)."""
        if self.live and self.goes_live_with_this_save():
            problems = self.publication_problems()
            if problems:
                raise PublicationRefused(problems)
        super().save(*args, **kwargs)

    def goes_live_with_this_save(self):
        if self.pk is None:
            return True
        stored = type(self).objects.filter(pk=self.pk).values_list("live", "live_revision_id").first()
        return stored is None or not stored[0] or stored[1] != self.live_revision_id

    def publication_problems(self):
        """Why this version may not go live, one message each."""
        return []
