"""The register entry a case file names by its agency and system name, found or created.

The case-file CSV (``impacts.interchange``) and the demo name systems as text; this finds the
entry of that organization with that name (in the case file's language first, else in any), or
creates it as a draft that a reviewer completes and publishes: a name typed in a file is not a
reviewed register entry."""

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from .models import SystemPage

SLUG_MAX_LENGTH = 80
# A case file's status and degree of automation, in the register's words (``impacts`` 0005 keeps
# its own frozen copy, as a migration must).
LIFECYCLE_OF_STATUS = {
    "deployed": "in-use",
    "planned": "planned",
    "pilot": "pilot",
    "suspended": "suspended",
    "retired": "retired",
}
AUTOMATION_OF_CASEFILE = {
    "fully-automated": "fully-automated",
    "human-in-the-loop": "partly-automated",
    "advisory": "advisory",
}


def same_name(first, second):
    return first.strip().casefold() == second.strip().casefold()


def find_system(organization, name, language_code):
    """The entry of ``organization`` (any language version of it) called ``name`` (whatever
    its case), preferably in ``language_code``; None if there is none."""
    entries = SystemPage.objects.filter(
        organization__translation_key=organization.translation_key
    ).select_related("locale")
    matches = [entry for entry in entries.order_by("pk") if same_name(entry.title, name)]
    in_language = [entry for entry in matches if entry.locale.language_code == language_code]
    return (in_language or matches or [None])[0]


def names(entry, organization, name):
    """Whether ``entry`` is ``organization``'s system called ``name``."""
    same_organization = (
        entry.organization_id and entry.organization.translation_key == organization.translation_key
    )
    return same_organization and same_name(entry.title, name)


def find_or_create_system(organization, name, index, current=None):
    """``current`` (the entry a case file links to) if it is the one named, else ``find_system``,
    else a new draft entry under ``index`` (the register of the case file's language), with a
    description saying where it comes from until a reviewer writes one."""
    if current is not None and names(current, organization, name):
        return current
    locale = index.locale
    existing = find_system(organization, name, locale.language_code)
    if existing is not None:
        return existing
    with translation.override(locale.language_code):
        words = {"organization": organization.name}
        entry = SystemPage(
            title=name,
            locale=locale,
            live=False,
            organization=organization,
            summary=_("An AI system used by %(organization)s, named in a case file.") % words,
            plain_summary=_("%(organization)s uses this system. A case file talks about it.") % words,
        )
    entry.slug = find_available_slug(index, slugify(name)[:SLUG_MAX_LENGTH].strip("-") or "system")
    index.add_child(instance=entry)
    entry.save_revision()
    return entry
