"""Roles and review: partner memberships and the community review task."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractGroupApprovalTask

from ..forms import ReviewCommentForm
from ..publication_rules import (
    SUBMITTED_IT,
    PublicationRefused,
    SelfPublicationRefused,
    is_administrator,
)
from .taxonomy import Organization


class PartnerMembership(models.Model):
    """The one organization a municipal partner account acts for: it may edit and publish only
    the collaboration agreements to which that organization is a party."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="partner_membership",
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="partner_members"
    )

    panels = [FieldPanel("user"), FieldPanel("organization")]

    class Meta:
        verbose_name = _("partner membership")
        verbose_name_plural = _("partner memberships")

    def __str__(self):
        return f"{self.user} → {self.organization}"


def partner_organization_key(user):
    """The translation key of the organization a partner account acts for, or None."""
    membership = PartnerMembership.objects.filter(user_id=user.pk).select_related("organization").first()
    return membership.organization.translation_key if membership else None


class CommunityReviewTask(AbstractGroupApprovalTask):
    """A reviewer group's approval, by a second person: whoever submitted the item cannot approve
    it (administrators excepted), and a reviewer must give a comment to request changes."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if self.may_approve(obj.current_workflow_state, user):
            return actions
        return [action for action in actions if action[0] != "approve"]

    @staticmethod
    def may_approve(workflow_state, user):
        return is_administrator(user) or workflow_state is None or workflow_state.requested_by_id != user.pk

    def on_action(self, task_state, user, action_name, **kwargs):
        """Checked here too, not only in the actions offered: a script or a crafted request calls
        this directly. Approving publishes, so the version's testimonies are checked first,
        before the task is marked approved."""
        if action_name == "approve":
            workflow_state = task_state.workflow_state
            if not self.may_approve(workflow_state, user):
                raise SelfPublicationRefused(SUBMITTED_IT)
            version = workflow_state.content_object.get_latest_revision_as_object()
            problems = getattr(version, "publication_problems", list)()
            if problems:
                raise PublicationRefused(problems)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_form_for_action(self, action):
        if action == "reject":
            return ReviewCommentForm
        return super().get_form_for_action(action)

    @classmethod
    def get_description(cls):
        return _(
            "A member of the chosen groups, other than the person who submitted, approves or requests changes."
        )

    class Meta:
        verbose_name = _("community review task")
        verbose_name_plural = _("community review tasks")
