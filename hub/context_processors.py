from django.conf import settings

from .demo import demo_is_loaded


def hub(request):
    """What every public template needs: the demo notice when the demo is loaded, and whether
    the page is shown on a public kiosk and where its "start over" leads (set by
    ``hub.middleware.KioskMiddleware``)."""
    return {
        "demo_notice": settings.DEMO_NOTICE if demo_is_loaded() else "",
        "kiosk": getattr(request, "kiosk", False),
        "kiosk_start": getattr(request, "kiosk_start", ""),
    }
