"""The Wagtail site's host name and port follow ``WAGTAILADMIN_BASE_URL``: Wagtail builds every
absolute page address (the API's ``html_url``, feeds, e-mails) from the ``Site`` row, which a
fresh database creates as ``localhost:80``. Applied when the site is created and after every
``migrate``, so an existing database follows a changed setting on the next deploy."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

logger = logging.getLogger(__name__)


def base_url_host_and_port(base_url=None):
    """``(hostname, port)`` of the public address; the port is the scheme's when not written."""
    parts = urlsplit(base_url or settings.WAGTAILADMIN_BASE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def align_default_site(using="default"):
    """Give the default site the public address's host name and port; return the site, or None
    when there is no default site yet or another site already holds that address."""
    hostname, port = base_url_host_and_port()
    sites = Site.objects.using(using)
    site = sites.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return site
    if sites.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        logger.warning(
            "The default site keeps %s:%s: another site already answers at %s:%s (WAGTAILADMIN_BASE_URL).",
            site.hostname,
            site.port,
            hostname,
            port,
        )
        return None
    site.hostname, site.port = hostname, port
    site.save(using=using, update_fields=["hostname", "port"])
    return site


def align_after_migrate(sender, using="default", **kwargs):
    """``post_migrate`` receiver (connected once, for the hub app)."""
    align_default_site(using=using)
