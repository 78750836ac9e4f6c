"""Responses for one person's eyes (a registration's page, a follower's link): no cache keeps
them, no search engine lists them, no link tells another site their address."""

from django.utils.cache import add_never_cache_headers


def private(response):
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    # Not "no-referrer": under it a browser posts the page's own forms (confirm, unsubscribe) with
    # ``Origin: null``, which Django's CSRF check refuses. Same-origin keeps the address on the site.
    response["Referrer-Policy"] = "same-origin"
    return response
