"""Language negotiation for the public pages only."""

from django.middleware.locale import LocaleMiddleware

UNPREFIXED_PATHS = (
    "/api/",
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/i18n/",
    "/cite/",
    "/sitemap.xml",
)


class HubLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware redirects any 404 to a language-prefixed address when one would
    match; Wagtail's catch-all makes that every address. The API and the admin are not under a
    language prefix, so their 404s must stay 404s."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
