from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

urlpatterns = [
    path(pgettext_lazy("URL path", "data/"), views.open_data_page, name="open-data"),
    path(pgettext_lazy("URL path", "data/catalog.jsonld"), views.catalogue, name="open-data-catalogue"),
    path(
        pgettext_lazy("URL path", "data/dictionary/"),
        views.data_dictionary_page,
        name="data-dictionary",
    ),
]
