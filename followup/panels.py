"""The editors' dashboard panel "Commitments to follow up": what needs attention
(``followup.attention``), the commitments of the account's own organization first, then those it
may update, then the others (where commitments stand is public: anyone in the admin may see it).
Each row offers a progress update when the account may write one."""

from django.conf import settings
from django.urls import reverse
from wagtail.admin.ui.components import Component

from hub.models import partner_organization_key

from .attention import needing_attention
from .permissions import updatable_commitments
from .update_views import VIEWSET_NAME

# Rows shown; the panel says how many more there are.
SHOWN = 15


class AttentionPanel(Component):
    name = "followup_attention"
    template_name = "followup/admin/attention_panel.html"
    order = 60

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        entries = needing_attention()
        if not entries:
            return {"rows": [], "more": 0}
        own = partner_organization_key(user)
        updatable = set(updatable_commitments(user).values_list("translation_key", flat=True))
        add_url = reverse(f"{VIEWSET_NAME}:add")
        rows = [
            {
                "entry": entry,
                "own": own is not None and entry.commitment.owner.translation_key == own,
                "update_url": f"{add_url}?commitment={entry.key}" if entry.key in updatable else "",
            }
            for entry in entries
        ]
        # Python's sort is stable: within each group, the order of ``needing_attention``.
        rows.sort(key=lambda row: (not row["own"], not row["update_url"]))
        return {
            "rows": rows[:SHOWN],
            "more": max(0, len(rows) - SHOWN),
            "silent_days": settings.FOLLOWUP_SILENT_DAYS,
        }
