"""``/healthz``: the health check a load balancer or a monitor polls (see ``health.py``)."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from .health import health_report


@require_safe
def healthz(request):
    """200 while the hub serves readers ("ok" or "degraded"), 503 when it cannot ("down").
    Never cached: each poll sees the state now. No login, no rate limit (hub.rate_limits names
    the limited views; this is not one)."""
    report = health_report()
    response = JsonResponse(report, status=503 if report["status"] == "down" else 200)
    response["Cache-Control"] = "no-store"
    return response
