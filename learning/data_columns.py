"""What the learning resources' and the toolkits' open-data files hold (``hub.data_files``): one
row per published language version. A resource's accessibility features are those of that
version (captions and transcript in its language, ``learning.outlets.access_features``); linked
items and a toolkit's resources are named by public id, and only when public."""

from django.utils.translation import gettext_lazy as _

from hub.data_columns import (
    FIRST_PUBLISHED_COLUMN,
    RISKS_COLUMN,
    SEPARATOR,
    URL_COLUMN,
    Column,
    clean_text,
    common_columns,
    list_cell,
)
from hub.data_files import ItemDataFile, translation_entry

from .models import Audience, LearningResourcePage, Level, Licence, ResourceFormat, ResourceLanguage
from .outlets import AccessFeature, access_features, person_names


def outcomes(page):
    return [line.strip() for line in page.learning_outcomes.splitlines() if line.strip()]


def linked_ids(relation, context):
    """The public ids of the public items of a many-to-many relation (``page.casefiles.all()``)."""
    items = list(relation)
    if not items:
        return []
    published = context.public_ids(type(items[0]))
    return sorted(published[item.pk] for item in items if item.pk in published)


def linked_column(name):
    return Column(
        name,
        name,
        meaning=_("Ids of the published items linked to."),
        kind="list",
        value=lambda page, context: list_cell(linked_ids(getattr(page, name).all(), context)),
    )


def keys_column(name, vocabulary):
    """A field holding several keys of one vocabulary (``ChoicesListField``)."""
    return Column(
        name,
        name,
        kind="keys",
        vocabulary=vocabulary,
        value=lambda page, context: SEPARATOR.join(getattr(page, name) or []),
    )


def number_cell(value):
    return str(value) if value is not None else ""


RESOURCE_COLUMNS = (
    *common_columns(),
    RISKS_COLUMN,
    Column("format", "format", kind="code", vocabulary="resource_format", value=lambda p, c: p.format),
    keys_column("audiences", "audience"),
    Column("level", "level", kind="code", vocabulary="learning_level", value=lambda p, c: p.level),
    Column("duration_minutes", "duration_minutes", value=lambda p, c: number_cell(p.duration_minutes)),
    keys_column("languages", "resource_language"),
    Column("learning_outcomes", "learning_outcomes", kind="list", value=lambda p, c: list_cell(outcomes(p))),
    Column("licence", "licence", kind="code", vocabulary="licence", value=lambda p, c: p.licence),
    Column(
        "authors",
        "authors",
        meaning=_("The people, then the organizations."),
        kind="list",
        value=lambda page, context: list_cell(
            [*person_names(page.authors), *(o.name for o in page.organizations.all())]
        ),
    ),
    Column(
        "accessibility",
        label=_("accessibility"),
        meaning=_(
            "What this language version offers: captions and a transcript in its language, audio "
            "description, a sign-language version, easy to read (tested with readers), large print."
        ),
        kind="keys",
        vocabulary="learning_access",
        value=lambda page, context: SEPARATOR.join(access_features(page)),
    ),
    linked_column("casefiles"),
    linked_column("systems"),
    linked_column("dialogues"),
    URL_COLUMN,
    FIRST_PUBLISHED_COLUMN,
)


class ResourceDataFile(ItemDataFile):
    select = ("recording",)
    prefetch = ("risks", "organizations", "casefiles", "systems", "dialogues")
    choices = {
        "resource_format": ResourceFormat,
        "audience": Audience,
        "learning_level": Level,
        "resource_language": ResourceLanguage,
        "licence": Licence,
        "learning_access": AccessFeature,
    }

    def columns(self):
        return RESOURCE_COLUMNS

    def translation(self, page, context):
        entry = translation_entry(page, context)
        entry["learning_outcomes"] = outcomes(page)
        entry["accessibility"] = access_features(page)
        return entry

    def item_fields(self, original, versions, context):
        return {
            "risks": sorted({term.key for term in original.risks.all()}),
            "format": original.format,
            "audiences": list(original.audiences or []),
            "level": original.level,
            "duration_minutes": original.duration_minutes,
            "languages_of_the_resource": list(original.languages or []),
            "licence": original.licence,
            "authors": person_names(original.authors),
            "organizations": [organization.name for organization in original.organizations.all()],
            **{
                name: linked_ids(getattr(original, name).all(), context)
                for name in ("casefiles", "systems", "dialogues")
            },
        }

    def json_columns(self):
        return (
            Column(
                "languages_of_the_resource",
                label=_("languages of the resource"),
                meaning=_("Every language the resource exists in (its own, not the hub's versions)."),
            ),
            Column("organizations", "organizations"),
        )


def toolkit_resources(page, context):
    """``[(public id, note)]`` of the toolkit's public resources, in order."""
    members = sorted(page.members.all(), key=lambda member: (member.sort_order or 0, member.pk))
    if not members:
        return []
    published = context.public_ids(LearningResourcePage)
    return [(published[m.resource_id], m.note) for m in members if m.resource_id in published]


TOOLKIT_COLUMNS = (
    *common_columns(),
    Column("purpose", "purpose", value=lambda page, context: clean_text(page.purpose)),
    Column("how_to_use", "how_to_use", value=lambda page, context: clean_text(page.how_to_use)),
    Column("duration_minutes", "duration_minutes", value=lambda p, c: number_cell(p.duration_minutes)),
    Column(
        "resources",
        label=_("resources"),
        meaning=_("Ids of its published learning resources, in the toolkit's order."),
        kind="list",
        value=lambda page, context: list_cell(
            resource for resource, _note in toolkit_resources(page, context)
        ),
    ),
    URL_COLUMN,
    FIRST_PUBLISHED_COLUMN,
)


class ToolkitDataFile(ItemDataFile):
    prefetch = ("members",)

    def columns(self):
        return TOOLKIT_COLUMNS

    def json_columns(self):
        return (
            Column(
                "resource_notes",
                label=_("parts of the resources"),
                meaning=_("Per language: each resource's part in the toolkit, by its id."),
            ),
        )

    def translation(self, page, context):
        entry = translation_entry(page, context)
        entry["purpose"] = page.purpose
        entry["how_to_use"] = page.how_to_use
        entry["resource_notes"] = {
            resource: note for resource, note in toolkit_resources(page, context) if note
        }
        return entry

    def item_fields(self, original, versions, context):
        return {
            "duration_minutes": original.duration_minutes,
            "resources": [resource for resource, _note in toolkit_resources(original, context)],
        }
