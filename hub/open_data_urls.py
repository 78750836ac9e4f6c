from django.urls import path
from django.utils.translation import pgettext_lazy

from . import open_data, open_data_views

# Loaded with the URLconf (every request, and the system checks every management command runs),
# so the automatic rebuild follows publications; HubConfig.ready() is the better home for this.
open_data.connect()

urlpatterns = [
    path(pgettext_lazy("URL path", "data/"), open_data_views.open_data_page, name="open-data"),
    path(
        pgettext_lazy("URL path", "data/dictionary/"),
        open_data_views.data_dictionary_page,
        name="data-dictionary",
    ),
]
