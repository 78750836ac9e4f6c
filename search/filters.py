"""Validation of every search parameter, in one place: views receive a clean SearchQuery or
the list of what was wrong."""

import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import IndexedItem
from .query import SearchQuery, all_sorts
from .vocabulary import FACET_LABELS, all_facets, declared_facets, facet_vocabulary

MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 100


class FacetFilter(django_filters.MultipleChoiceFilter):
    """A facet: several values OR'd (or all required, ``TypeFacet.match_all``), choices read from
    the vocabulary when the form is built."""

    def __init__(self, facet, *args, **kwargs):
        self.facet = facet
        super().__init__(*args, choices=lambda: facet_vocabulary(self.facet, "fr"), **kwargs)


class WholeNumberFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class SearchFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(max_length=MAX_QUERY_LENGTH, label=_("Search"))
    type = FacetFilter("type", label=FACET_LABELS["type"])
    service = FacetFilter("service", label=FACET_LABELS["service"])
    region = FacetFilter("region", label=FACET_LABELS["region"])
    risk = FacetFilter("risk", label=FACET_LABELS["risk"])
    level = FacetFilter("level", label=FACET_LABELS["level"])
    sort = django_filters.ChoiceFilter(
        choices=lambda: [(sort, sort) for sort in all_sorts()], label=_("Sort")
    )
    locale = django_filters.ChoiceFilter(choices=settings.LANGUAGES, label=_("Language"))
    page = WholeNumberFilter(min_value=1, label=_("Page"))
    page_size = WholeNumberFilter(min_value=1, max_value=MAX_PAGE_SIZE, label=_("Results per page"))

    class Meta:
        model = IndexedItem
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, queryset=IndexedItem.objects.none(), **kwargs)
        # The facets item types declare, read from the registry when the request is validated.
        for key, facet in declared_facets().items():
            self.filters[key] = FacetFilter(key, field_name=key, label=facet.label)
            self.filters[key].model = IndexedItem
            self.filters[key].parent = self

    def to_query(self, default_locale):
        """The validated request; call after ``is_valid()``."""
        data = self.form.cleaned_data
        return SearchQuery.build(
            text=(data.get("q") or "").strip(),
            locale=data.get("locale") or default_locale,
            sort=data.get("sort") or "",
            page=data.get("page") or 1,
            page_size=data.get("page_size") or 20,
            **{facet: data.get(facet) or () for facet in all_facets()},
        )
