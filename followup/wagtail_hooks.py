"""Follow-up in the admin: Admin → Commitments progress, the progress updates of the commitments
an account may update (``followup.permissions``, ``followup.update_views``); the dashboard's
commitments to follow up (``followup.panels``); reminders in the pages' history
(``followup.reminders``); commitments as CSV (``followup.interchange_views``); the home page's
figure of commitments overdue (``hub.home``)."""

from urllib.parse import urlencode

from django.urls import path, reverse
from django.utils.translation import ngettext, override
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.home import HOOK as HOME_HOOK
from hub.home import HomeFigure

from .interchange_views import export_view, items_view
from .models import CommitmentUpdate
from .panels import AttentionPanel
from .permissions import POLICY, visible_updates
from .reminders import REMINDER_ACTION, ReminderLogFormatter
from .tracker import YES, public_rows
from .update_views import VIEWSET_NAME, UpdateViewSet

register_permission_policy(CommitmentUpdate, POLICY)


@hooks.register("register_admin_viewset")
def update_viewset():
    return UpdateViewSet(VIEWSET_NAME)


@hooks.register("register_admin_urls")
def commitments_csv_urls():
    return [
        path("commitments-csv/", items_view, name="commitments_csv"),
        path("commitments-csv/<str:kind>/<str:public_id>.csv", export_view, name="commitments_csv_export"),
    ]


@hooks.register("register_admin_visibility")
def update_visibility():
    return CommitmentUpdate, visible_updates


@hooks.register("construct_homepage_panels")
def attention_panel(request, panels):
    panels.append(AttentionPanel(request))


@hooks.register("register_log_actions")
def reminder_log_action(actions):
    actions.register_action(REMINDER_ACTION)(ReminderLogFormatter)


@hooks.register(HOME_HOOK, order=20)
def commitments_overdue(overview):
    """The home page's figure of commitments overdue (``hub.home``), leading to the tracker
    showing them."""
    count = sum(row.values["overdue"] == (YES,) for row in public_rows(overview.language))
    with override(overview.language):
        label = ngettext("Commitment overdue", "Commitments overdue", count)
        url = f"{reverse('commitment-tracker')}?{urlencode([('overdue', YES)])}"
    overview.figures.append(HomeFigure(count=count, label=label, url=url))
