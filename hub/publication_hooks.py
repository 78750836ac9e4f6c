"""The admin views' side of the publication rules (``hub/publication_rules.py``): they explain a
refusal on their own page, before anything is published, instead of failing at the last guard."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .publication_rules import SCHEDULE_REFUSED_ACTION, self_publication


@hooks.register("before_publish_page")
def refuse_publishing_ones_own_version(request, page):
    """The edit and create views save the user's version, then publish it: in a reviewed section
    that is publishing what one wrote. The draft stays saved; the user submits it for review."""
    reason = self_publication(request.user, page, request.user.pk)
    if reason:
        messages.error(request, reason)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("construct_page_action_menu")
def hide_publish_from_who_may_not(menu_items, request, context):
    """No "Publish" (nor schedule) button for a version the user would be writing themselves
    (the create view already asks ``can_publish_subpage``)."""
    page = context.get("page")
    if context.get("view") == "create" or page is None:
        return
    if self_publication(request.user, page, request.user.pk):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_refused_versions(request, action_type, objects, action_view):
    """Bulk publishing stops before publishing anything when one of the versions may not go
    live (a testimony without consent), naming the testimony."""
    if action_type != "publish":
        return None
    problems = []
    for page in objects:
        version = page.specific.get_latest_revision_as_object()
        problems.extend(getattr(version, "publication_problems", list)())
    if not problems:
        return None
    for problem in problems:
        messages.error(request, problem)
    return redirect(action_view.next_url)


class ScheduleRefusedLogFormatter(LogFormatter):
    label = _("Scheduled publication refused")

    def format_message(self, log_entry):
        return _("Not published at the scheduled time: %(reason)s") % {
            "reason": log_entry.data.get("reason", "")
        }


@hooks.register("register_log_actions")
def register_schedule_refused_log_action(actions):
    actions.register_action(SCHEDULE_REFUSED_ACTION)(ScheduleRefusedLogFormatter)
