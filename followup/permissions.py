"""Who writes the progress updates of commitments: whoever may edit the commitment's item, as its
page type says (``HasCommitments.pages_updated_by``; for an agreement, the municipal partners of
its parties), and administrators. They see every update of those commitments, drafts included;
nobody else sees any in the admin (published ones are public on the site).

A draft is its author's: only its author, or an administrator, changes, publishes or deletes it.
A published update is nobody's to change or delete, administrators' included (the model refuses
it anyway, ``CommitmentUpdate``); it may be corrected by a new update.

Every admin road asks this module: the list and its filters, each update's views (404 for an
update the account may not see), the choice of commitments in the form, site history
(``hub.admin_visibility``); there is no chooser, bulk action or API for updates."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import Commitment, CommitmentUpdate, commitment_page_models

# What each action on an update means here: acting on a draft (its author's) or reading.
DRAFT_ACTIONS = {"change", "delete", "publish"}
ACTIONS = {"add", "view", *DRAFT_ACTIONS}


def updatable_commitments(user):
    """The commitments whose progress ``user`` may state (rows of every language version)."""
    if not user.is_active:
        return Commitment.objects.none()
    if user.is_superuser:
        return Commitment.objects.all()
    pages = Q(pk__in=[])
    for model in commitment_page_models():
        pages |= Q(page__in=model.pages_updated_by(user).values("pk"))
    return Commitment.objects.filter(pages)


def visible_updates(user):
    """The updates ``user`` may see in the admin; None when updates are nothing of theirs."""
    if not user.is_active:
        return None
    if user.is_superuser:
        return CommitmentUpdate.objects.all()
    keys = updatable_commitments(user).values("translation_key")
    if not keys.exists():
        return None
    return CommitmentUpdate.objects.filter(commitment_key__in=keys)


def may_act_on(user, action, update):
    """Whether ``user``, who sees ``update``, may take ``action`` on it: read it, or change,
    publish or delete it while it is a draft they wrote (any draft, for an administrator)."""
    if action not in DRAFT_ACTIONS:
        return action in ACTIONS
    return not update.is_published and (user.is_superuser or update.created_by_id == user.pk)


class UpdatePermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return action in ACTIONS and visible_updates(user) is not None

    def user_has_permission_for_instance(self, user, action, instance):
        visible = visible_updates(user)
        return (
            visible is not None
            and visible.filter(pk=instance.pk).exists()
            and may_act_on(user, action, instance)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        visible = visible_updates(user)
        if visible is None or not set(actions) & ACTIONS:
            return CommitmentUpdate.objects.none()
        return visible

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(pk__in=[user.pk for user in users if self.user_has_any_permission(user, actions)])


POLICY = UpdatePermissionPolicy(CommitmentUpdate)
