"""The site skeleton the suite's database starts with, and its removal for the tests that need
the database as ``migrate`` leaves it (``tests/conftest.py``); copies of a SQLite test database
set aside and put back whole (SQLite's backup API: milliseconds)."""

import sqlite3

from wagtail.models import Page, Site

from hub.models import HomePage
from hub.site_setup import ensure_site

# The default site and its first page as migrations leave them, read before the skeleton replaces
# them (``ensure_site`` moves the site to the French home and deletes Wagtail's welcome page).
_MIGRATED = {}


def build_site_skeleton():
    site = Site.objects.get(is_default_site=True)
    root = Page.objects.get(pk=site.root_page_id)
    _MIGRATED["site"] = {name: getattr(site, name) for name in ("hostname", "port", "site_name")}
    _MIGRATED["root"] = {name: getattr(root, name) for name in ("title", "draft_title", "slug", "locale_id")}
    ensure_site()


def remove_site_skeleton():
    """Delete the home pages (and everything under them) and put the default site back on a page
    of its own, as Wagtail's first migration makes it."""
    for home in HomePage.objects.all():
        Page.objects.get(pk=home.pk).delete()
    Site.objects.all().delete()
    page = Page.get_first_root_node().add_child(instance=Page(**_MIGRATED["root"], live=True))
    Site.objects.create(root_page=page, is_default_site=True, **_MIGRATED["site"])


def copy_aside(connection):
    """A copy, in memory, of the SQLite database behind ``connection`` (a Django connection)."""
    connection.ensure_connection()
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    return copy


def copy_back(copy, connection):
    """Replace the database behind ``connection`` with ``copy``, every table and sequence."""
    connection.ensure_connection()
    copy.backup(connection.connection)
