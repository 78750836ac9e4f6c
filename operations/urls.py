"""The operations endpoints, outside the language prefixes (see hub/urls.py)."""

urlpatterns = []
