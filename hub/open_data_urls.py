from django.urls import path
from django.utils.translation import pgettext_lazy

from . import open_data_views

urlpatterns = [
    path(pgettext_lazy("URL path", "data/"), open_data_views.open_data_page, name="open-data"),
    path(
        pgettext_lazy("URL path", "data/dictionary/"),
        open_data_views.data_dictionary_page,
        name="data-dictionary",
    ),
]
