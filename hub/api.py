"""Wagtail's read API (v2): pages with the structured fields of every item type, and the images
and documents a visitor may fetch (hub.media_access), nothing else."""

from django.utils.translation import gettext as _
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .media_access import public_media


class CheckedSearchFilter(SearchFilter):
    """Refuses, with a 400 naming the parameter, a query the database search cannot parse: an
    unclosed double quote reaches SQLite's full-text MATCH as a syntax error (HTTP 500)."""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("search", "").count('"') % 2:
            raise BadRequestError(_('search: a quoted phrase is not closed (an odd number of " marks).'))
        return super().filter_queryset(request, queryset, view)


def checked_search(filter_backends):
    return [CheckedSearchFilter if backend is SearchFilter else backend for backend in filter_backends]


class HubPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = checked_search(PagesAPIViewSet.filter_backends)


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    filter_backends = checked_search(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return public_media(super().get_queryset())


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    filter_backends = checked_search(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        return public_media(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", HubPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
