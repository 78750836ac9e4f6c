"""Content-Security-Policy by path: the strict public policy everywhere, and under the admin's
paths the looser one Wagtail's admin needs (``CONTENT_SECURITY_POLICY_ADMIN``), so a public page
never inherits the admin's ``'unsafe-inline'``."""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


class HubCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own @csp_replace/@csp_update still applies on top; only the base changes.
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.CSP_ADMIN_PATHS)
        ):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts
