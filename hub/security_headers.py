"""Content-Security-Policy by path: the strict public policy everywhere, and under the admin's
paths the looser one Wagtail's admin needs (``CONTENT_SECURITY_POLICY_ADMIN``), so a public page
never inherits the admin's ``'unsafe-inline'``."""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


def under_admin(request):
    return request.path_info.startswith(settings.CSP_ADMIN_PATHS)


class HubCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # Wagtail renders a preview by running the page's public address through the whole
        # middleware stack (a dummy request), which gives it the public policy and its
        # frame-ancestors 'none': the admin's preview panel could not frame it. Under the
        # admin, the admin's policy is the one that counts.
        if under_admin(request) and HEADER in response:
            del response[HEADER]
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own @csp_replace/@csp_update still applies on top; only the base changes.
        if not report_only and parts.config is None and under_admin(request):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts
