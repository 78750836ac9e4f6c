"""``/.well-known/security.txt`` (RFC 9116): where to report a vulnerability, in which languages.

The contact comes from ``SECURITY_CONTACT`` (a ``mailto:`` or ``https:`` address); the file is
made on each request so that its required expiry date stays ahead of today without anyone
remembering to renew it."""

from datetime import UTC, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone

# RFC 9116 §2.5.5: an expiry less than a year ahead is recommended.
VALID_FOR = timedelta(days=180)


def security_contact():
    contact = settings.SECURITY_CONTACT
    if contact:
        return contact
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"mailto:security@{host}"


def security_txt(request):
    expires = (timezone.now() + VALID_FOR).replace(microsecond=0)
    canonical = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/.well-known/security.txt"
    lines = [
        f"Contact: {security_contact()}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: fr, en",
        f"Canonical: {canonical}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


urlpatterns = [path(".well-known/security.txt", security_txt, name="security_txt")]
