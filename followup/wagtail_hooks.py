"""Follow-up in the admin: Admin → Commitments progress, the progress updates of the commitments
an account may update (``followup.permissions``, ``followup.update_views``)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import CommitmentUpdate
from .permissions import POLICY, visible_updates
from .update_views import VIEWSET_NAME, UpdateViewSet

register_permission_policy(CommitmentUpdate, POLICY)


@hooks.register("register_admin_viewset")
def update_viewset():
    return UpdateViewSet(VIEWSET_NAME)


@hooks.register("register_admin_visibility")
def update_visibility():
    return CommitmentUpdate, visible_updates
