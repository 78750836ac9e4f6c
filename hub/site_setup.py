"""The fixed skeleton of the site: locales, home pages and the index of every item type (its
titles, slugs and introductions are the type's, in ``hub.items``) in both languages. Commands
that create content call ``ensure_site()`` so they work on a freshly migrated database."""

from django.db import transaction
from wagtail.models import Page, Site, WorkflowPage

from .items import item_types
from .models import HomePage, ensure_locales
from .roles import apply_roles, reviewed_types
from .site_address import align_default_site, base_url_host_and_port

HOME = {
    "title": {"fr": "Vigie IA", "en": "Vigie IA"},
    "slug": {"fr": "accueil", "en": "home"},
    "intro": {
        "fr": "Vigie IA documente les effets des systèmes d'intelligence artificielle utilisés dans les services publics du Québec.",
        "en": "Vigie IA documents the impacts of artificial intelligence systems used in Québec's public services.",
    },
    "plain_intro": {
        "fr": "Des services publics utilisent l'intelligence artificielle. Ici, des groupes expliquent ce que cela change pour les gens.",
        "en": "Public services use artificial intelligence. Here, community groups explain what it changes for people.",
    },
}


@transaction.atomic
def ensure_site():
    """Create whatever part of the skeleton is missing and return ``{language: {name: page}}``."""
    french, english = ensure_locales()
    home_fr = _ensure_home(french)
    align_default_site()
    home_en = _ensure_translation(
        home_fr,
        english,
        HOME["title"]["en"],
        HOME["slug"]["en"],
        intro=HOME["intro"]["en"],
        plain_intro=HOME["plain_intro"]["en"],
    )
    pages = {"fr": {"home": home_fr}, "en": {"home": home_en}}
    for item_type in item_types():
        index_fr = _ensure_section(home_fr, item_type)
        pages["fr"][item_type.index_model] = index_fr
        pages["en"][item_type.index_model] = _ensure_translation(
            index_fr,
            english,
            item_type.index_titles["en"],
            item_type.index_slugs["en"],
            intro=item_type.index_intros.get("en", ""),
        )
    if not roles_applied(pages["fr"]):
        apply_roles()
    return pages


def roles_applied(french_pages):
    """Cheap sign that ``apply_roles`` ran since the sections exist: the review workflow is
    attached to the index of every reviewed type (a flushed or new database has no such row)."""
    indexes = [french_pages[item_type.index_model] for item_type in reviewed_types()]
    return WorkflowPage.objects.filter(page__in=indexes).count() == len(indexes)


def _ensure_home(french):
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        home = HomePage(
            title=HOME["title"]["fr"],
            slug=HOME["slug"]["fr"],
            locale=french,
            intro=HOME["intro"]["fr"],
            plain_intro=HOME["plain_intro"]["fr"],
        )
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
    previous_root = site.root_page if site else None
    if site:
        site.root_page = home
        site.save()
    else:
        hostname, port = base_url_host_and_port()
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Vigie IA"
        )
    if previous_root and previous_root.specific_class is Page and not previous_root.get_children().exists():
        previous_root.delete()
    return home


def _ensure_section(home_fr, item_type):
    existing = item_type.index.objects.child_of(home_fr).first()
    if existing:
        return existing
    index_page = item_type.index(
        title=item_type.index_titles["fr"],
        slug=item_type.index_slugs["fr"],
        intro=item_type.index_intros.get("fr", ""),
        locale=home_fr.locale,
    )
    home_fr.add_child(instance=index_page)
    index_page.save_revision().publish()
    return index_page


def _ensure_translation(page, locale, title, slug, **fields):
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    translation = page.copy_for_translation(locale)
    translation.title = title
    translation.slug = slug
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)
