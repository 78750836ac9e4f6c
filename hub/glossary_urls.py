from django.urls import path
from django.utils.translation import pgettext_lazy

from . import glossary_views

urlpatterns = [
    path(pgettext_lazy("URL path", "glossary/"), glossary_views.glossary_page, name="glossary"),
]
