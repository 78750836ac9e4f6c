"""The client's address, read the same way by the rate limits (django-ratelimit's
``RATELIMIT_IP_META_KEY``) and by the login protection (django-axes' ``AXES_CLIENT_IP_CALLABLE``),
so that both count one visitor as one address.

Without a proxy (``AXES_PROXY_COUNT`` unset), the connection's address: ``X-Forwarded-For`` is
written by the client and never trusted, or anyone could pick a fresh address per request. With
``AXES_PROXY_COUNT`` = N proxies in front of the application, each appending the address it
received the request from, the client is the N-th address from the right of ``X-Forwarded-For``
(anything further left was sent by the client). python-ipware (django-ipware, axes' own choice)
reads the header; its ``proxy_count`` counts the proxies listed in the header, that is N - 1,
the last one being the connection itself. A header shorter than the chain means the request did
not come through every proxy: the connection's address is used."""

from django.conf import settings
from ipware.ip import get_client_ip

FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"
# A connection without an address (a proxy on a Unix socket, without AXES_PROXY_COUNT; a test
# harness): all such requests are one visitor, limited together rather than failing.
UNKNOWN_ADDRESS = "0.0.0.0"


def client_address(request):
    proxies = settings.AXES_IPWARE_PROXY_COUNT
    if proxies:
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            strict=False,
            request_header_order=[FORWARDED_HEADER],
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR") or UNKNOWN_ADDRESS
