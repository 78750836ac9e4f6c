import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search.urls import api_urlpatterns, page_urlpatterns

from . import media_views
from .admin_guards import urlpatterns as admin_guard_urlpatterns
from .admin_visibility import urlpatterns as admin_visibility_urlpatterns
from .api import api_router
from .security_txt import urlpatterns as security_txt_urlpatterns

urlpatterns = [
    path("django-admin/", admin.site.urls),
    *admin_guard_urlpatterns,
    *admin_visibility_urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    *api_urlpatterns,
    path("cite/", include("citations.urls")),
    path("", include("sitemap.urls")),
    path("", include("operations.urls")),
    path("", include("registry.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    *security_txt_urlpatterns,
    # Every mode, not only DEBUG: private files must not be reachable by name (hub.media_views).
    re_path(
        rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", media_views.serve_media, name="media"
    ),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += i18n_patterns(
    *page_urlpatterns,
    path("", include("open_data.urls")),
    path("", include("dialogues.urls")),
    path("", include("followup.follow_urls")),
    path("", include("followup.urls")),
    path("", include("hub.glossary_urls")),
    path("", include("sharing.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
