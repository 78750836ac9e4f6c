"""Who may act on which declared record. Municipal partners and public bodies act for one
organization (``hub.roles``): every action on a declared record, listing and choosing included, is
theirs only for their own organization's systems, in any language. Reviewers act on every
organization's records; administrators on everything. Community editors write the community
record (the entry's page) and hold no permission here.

The admin's roads (``registry.wagtail_hooks``) all ask ``visible_records`` and this policy, so a
record of another organization is no different from one that does not exist."""

from wagtail.permission_policies import ModelPermissionPolicy

from hub.models import partner_organization_key
from hub.roles import ORGANIZATION_ROLES, acts_for_an_organization

from .models import DeclaredRecord, SystemPage


def organization_scope(user):
    """The translation key of the organization ``user`` is limited to; None for a user who is
    not limited to one. A partner without a membership is limited to nothing (``""``)."""
    if not acts_for_an_organization(user):
        return None
    return partner_organization_key(user) or ""


def own_systems(user):
    """The published entries (every language) a user limited to an organization may declare
    for: a draft entry is the community's work in progress, not theirs to read."""
    return SystemPage.objects.live().filter(organization__translation_key=organization_scope(user))


def within_scope(user, records):
    key = organization_scope(user)
    if key is None:
        return records
    return records.filter(system__organization__translation_key=key)


def visible_records(user):
    """The declared records ``user`` may see in the admin, drafts included; None when the model
    is not theirs at all (community editors)."""
    if user.is_superuser:
        return DeclaredRecord.objects.all()
    if not POLICY.user_has_any_permission(user, ["add", "change", "publish", "delete"]):
        return None
    return within_scope(user, DeclaredRecord.objects.all())


class DeclaredRecordPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions, each narrowed to the user's organization when they act for one."""

    def _in_scope(self, user, instance):
        key = organization_scope(user)
        return key is None or (bool(key) and instance.organization_key() == key)

    def user_has_permission_for_instance(self, user, action, instance):
        return self._in_scope(user, instance) and super().user_has_permission_for_instance(
            user, action, instance
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self._in_scope(user, instance) and super().user_has_any_permission_for_instance(
            user, actions, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return within_scope(user, super().instances_user_has_any_permission_for(user, actions))

    def instances_user_has_permission_for(self, user, action):
        return within_scope(user, super().instances_user_has_permission_for(user, action))

    def users_with_any_permission_for_instance(self, actions, instance):
        """Those who may act on this record: the organization's own accounts, not another's."""
        users = super().users_with_any_permission_for_instance(actions, instance)
        others = users.filter(groups__name__in=ORGANIZATION_ROLES, is_superuser=False).exclude(
            partner_membership__organization__translation_key=instance.organization_key()
        )
        return users.exclude(pk__in=others.values("pk"))


POLICY = DeclaredRecordPermissionPolicy(DeclaredRecord)
