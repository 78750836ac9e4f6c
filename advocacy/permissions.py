"""The page permission policy: Wagtail's, except that a municipal partner's permissions, the pages
they may explore and the pages they may choose leave out agreements to which their organization
is not a party (their section permission covers the whole agreement index)."""

from wagtail.permission_policies.pages import PagePermissionPolicy

from hub.models import partner_organization_key

from .models import CollaborationAgreementPage, acts_as_partner


class PartnerAwarePagePermissionPolicy(PagePermissionPolicy):
    def _foreign_agreements(self, user):
        if not acts_as_partner(user):
            return None
        return CollaborationAgreementPage.objects.exclude(
            parties__organization__translation_key=partner_organization_key(user)
        ).values("pk")

    def _without_foreign_agreements(self, user, pages):
        foreign = self._foreign_agreements(user)
        return pages if foreign is None else pages.exclude(pk__in=foreign)

    def explorable_instances(self, user):
        return self._without_foreign_agreements(user, super().explorable_instances(user))

    def instances_user_has_any_permission_for(self, user, actions):
        return self._without_foreign_agreements(
            user, super().instances_user_has_any_permission_for(user, actions)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        foreign = self._foreign_agreements(user)
        if foreign is not None and foreign.filter(pk=instance.pk).exists():
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)
