"""Whether the fictional demonstration content is loaded, so every page can say so."""

from django.core.cache import cache

from .models import DemoMarker

DEMO_FLAG_CACHE_KEY = "hub:demo-loaded"


def demo_is_loaded():
    loaded = cache.get(DEMO_FLAG_CACHE_KEY)
    if loaded is None:
        loaded = DemoMarker.objects.exists()
        cache.set(DEMO_FLAG_CACHE_KEY, loaded, 300)
    return loaded
