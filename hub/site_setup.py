"""The fixed skeleton of the site: locales, home pages and the three item indexes in both
languages. Commands that create content call ``ensure_site()`` so they work on a freshly
migrated database."""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page, Site, WorkflowPage

from .models import HomePage, ensure_locales
from .roles import apply_roles
from .site_address import align_default_site, base_url_host_and_port


@dataclass(frozen=True)
class SectionSpec:
    model_path: str
    titles: dict
    slugs: dict
    intros: dict


SECTIONS = [
    SectionSpec(
        "impacts.CaseFileIndexPage",
        {"fr": "Dossiers", "en": "Case files"},
        {"fr": "dossiers", "en": "case-files"},
        {
            "fr": "Les effets locaux des systèmes d'IA dans les services publics, documentés par des groupes communautaires.",
            "en": "The local impacts of AI systems in public services, documented by community groups.",
        },
    ),
    SectionSpec(
        "advocacy.AdvocacyBriefIndexPage",
        {"fr": "Mémoires", "en": "Advocacy briefs"},
        {"fr": "memoires", "en": "briefs"},
        {
            "fr": "Des mémoires et des recommandations qui s'appuient sur les dossiers.",
            "en": "Briefs and recommendations built on the case files.",
        },
    ),
    SectionSpec(
        "advocacy.CollaborationAgreementIndexPage",
        {"fr": "Ententes de collaboration", "en": "Collaboration agreements"},
        {"fr": "ententes", "en": "agreements"},
        {
            "fr": "Les ententes de codesign entre organismes publics, municipalités et organismes communautaires.",
            "en": "Codesign agreements between public bodies, municipalities and community organizations.",
        },
    ),
]

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
    for spec in SECTIONS:
        index_fr = _ensure_section(home_fr, spec)
        pages["fr"][spec.model_path] = index_fr
        pages["en"][spec.model_path] = _ensure_translation(
            index_fr, english, spec.titles["en"], spec.slugs["en"], intro=spec.intros["en"]
        )
    if not roles_applied(pages["fr"]["impacts.CaseFileIndexPage"]):
        apply_roles()
    return pages


def roles_applied(casefile_index):
    """Cheap sign that ``apply_roles`` ran since the sections exist: the review workflow is
    attached to the case-file index (a flushed or new database has no such row)."""
    return WorkflowPage.objects.filter(page=casefile_index).exists()


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


def _ensure_section(home_fr, spec):
    from django.apps import apps

    model = apps.get_model(spec.model_path)
    existing = model.objects.child_of(home_fr).first()
    if existing:
        return existing
    index_page = model(
        title=spec.titles["fr"], slug=spec.slugs["fr"], intro=spec.intros["fr"], locale=home_fr.locale
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
