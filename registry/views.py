"""The register's JSON Schema at its stable address, for whoever validates a register file."""

from functools import cache

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from .interchange.schema import schema_text


@cache
def schema_bytes():
    return schema_text().encode("utf-8")


@require_safe
def register_schema(request):
    response = HttpResponse(schema_bytes(), content_type="application/schema+json")
    # Any site's validator may fetch it; it holds no data.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=86400"
    return response
