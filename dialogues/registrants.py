"""Who sees a dialogue's registrants, on the principle of least privilege: the accounts that act
for one of its organizers (their ``PartnerMembership`` names an organization among the dialogue's
organizers, in any language), and administrators. Reviewers and community editors write and
publish dialogues without seeing who registered; a member of another organization sees nothing.

Only administrators delete a registration; nobody adds or edits one in the admin (people register
and cancel through their own links). Every admin road asks ``visible_registrations``: the list,
its search and CSV export, each registration's pages, site history and wagtail-localize's API
(``hub.admin_visibility``); there is no chooser, bulk action or API for registrations."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from hub.models import partner_organization_key

from .models import DialoguePage, Registration

ADMINISTRATOR_ACTIONS = {"view", "delete"}


def visible_registrations(user):
    """The registrations ``user`` may see; None when registrations are nothing of theirs."""
    if not user.is_active:
        return None
    if user.is_superuser:
        return Registration.objects.all()
    key = partner_organization_key(user)
    if not key or not user.has_perm("wagtailadmin.access_admin"):
        return None
    organized = DialoguePage.objects.filter(organizers__translation_key=key).values("pk")
    if not organized.exists():  # an organization that organizes no dialogue has no registrants
        return None
    return Registration.objects.filter(dialogue__in=organized)


class RegistrationPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if user.is_active and user.is_superuser:
            return action in ADMINISTRATOR_ACTIONS
        return action == "view" and visible_registrations(user) is not None

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return visible_registrations(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self.user_has_permission(user, action) for action in actions):
            return Registration.objects.none()
        return visible_registrations(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.filter(is_superuser=True) if set(actions) & ADMINISTRATOR_ACTIONS else users.none()
        organizers = DialoguePage.objects.values("organizers__translation_key")
        return users.filter(
            Q(is_superuser=True) | Q(partner_membership__organization__translation_key__in=organizers)
        )


POLICY = RegistrationPermissionPolicy(Registration)
