"""The people and organizations an item credits (a brief's authors, an agreement's parties),
with each organization's name in every language: a citation names them in its reader's
language, the item's JSON-LD in the language of its content."""

from django.conf import settings
from django.db import models

from .models import Organization

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def credited_names(rows, person_field=None):
    """``[(person name, organization name, {language: organization name})]`` for the rows of a
    relation (``page.authors.all()``) that name an ``organization`` and, with ``person_field``,
    a person. Saved rows are read in one query; the rows of a preview, held in memory as the
    editor left them, one by one."""
    if isinstance(rows, models.QuerySet):
        names = {
            f"name_{code}": models.Subquery(
                Organization.objects.filter(
                    translation_key=models.OuterRef("organization__translation_key"),
                    locale__language_code=code,
                ).values("name")[:1]
            )
            for code in LANGUAGE_CODES
        }
        person = person_field or models.Value("", output_field=models.CharField())
        return [
            (person_name or "", name or "", dict(zip(LANGUAGE_CODES, localized, strict=True)))
            for person_name, name, *localized in rows.annotate(**names).values_list(
                person, "organization__name", *names
            )
        ]
    result = []
    for row in rows:
        organization = row.organization if row.organization_id else None
        translations = {}
        if organization is not None:
            for translation in organization.get_translations(inclusive=True).select_related("locale"):
                translations[translation.locale.language_code] = translation.name
        person_name = getattr(row, person_field, "") if person_field else ""
        result.append((person_name or "", organization.name if organization else "", translations))
    return result


def localized(organizations, language):
    """``organizations``, in their order, each in ``language`` where it has a translation: one
    query for all of them (``.localized`` asks once per organization)."""
    organizations = list(organizations)
    if not organizations:
        return []
    translations = {
        organization.translation_key: organization
        for organization in Organization.objects.filter(
            translation_key__in={organization.translation_key for organization in organizations},
            locale__language_code=language,
        )
    }
    return [translations.get(organization.translation_key, organization) for organization in organizations]
