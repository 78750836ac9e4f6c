"""The case files' free-text systems become register entries.

For each distinct (agency, system name) pair of the case files (names compared without regard to
case or surrounding spaces), one entry (``registry.SystemPage``) per language in which case files
name it, the versions sharing one translation key and one public id ``SY-YYYY-NNNN``. An entry is
as public as the case files that already told it: live when one of them is public, a draft
otherwise, and its community record (vendor, what it decides, automation, lifecycle) comes only
from those public case files when it is live, each copied field with its source. Every case file,
and every revision of it, then names its entry (``system``); ``0006`` drops ``ai_system``.

Migrations see models without treebeard's or Wagtail's methods: the tree's paths, the public id
sequence and the pages' fields are written out here, the way ``hub.roles`` writes collections.
Going back writes each entry's name into its case files' ``ai_system`` (entries are kept)."""

import uuid
from collections import defaultdict

from django.db import migrations
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from hub.roles import _next_step

# Frozen copies of what the code says today: a migration must not change when the code does.
INDEX_TITLES = {"fr": "Registre des systèmes d'IA", "en": "AI system register"}
INDEX_SLUGS = {"fr": "registre", "en": "register"}
INDEX_INTROS = {
    "fr": "Les systèmes d'IA utilisés dans les services publics du Québec : ce que les organismes en "
    "déclarent et ce que les personnes touchées en documentent.",
    "en": "The AI systems used in Québec's public services: what the organizations declare about them "
    "and what the people affected document.",
}
SUMMARIES = {
    "fr": "{name} : système d'IA utilisé par {agency}, tel que des dossiers de la communauté le décrivent.",
    "en": "{name}: an AI system used by {agency}, as community case files describe it.",
}
PLAIN_SUMMARIES = {
    "fr": "{agency} utilise ce système. Des personnes touchées en parlent dans des dossiers.",
    "en": "{agency} uses this system. People affected by it talk about it in case files.",
}
UNKNOWN_AGENCY = {"fr": "un organisme public", "en": "a public body"}
LIFECYCLE = {
    "deployed": "in-use",
    "planned": "planned",
    "pilot": "pilot",
    "suspended": "suspended",
    "retired": "retired",
}
AUTOMATION = {
    "fully-automated": "fully-automated",
    "human-in-the-loop": "partly-automated",
    "advisory": "advisory",
}
COPIED = {
    "decision_role": lambda casefile: casefile.decision_role.strip(),
    "automation": lambda casefile: AUTOMATION.get(casefile.automation, ""),
    "lifecycle_status": lambda casefile: LIFECYCLE.get(casefile.status, ""),
}
PREFIX = "SY"
SLUG_MAX_LENGTH = 80


def pair_key(casefile):
    """Case files name the same system when they name the same agency (in any language) and the
    same name whatever its case."""
    agency = casefile.agency.translation_key if casefile.agency_id else None
    return agency, " ".join(casefile.ai_system.split()).casefold()


def create_entries(apps, schema_editor):
    CaseFilePage = apps.get_model("impacts", "CaseFilePage")
    casefiles = list(
        CaseFilePage.objects.exclude(ai_system="")
        .select_related("agency", "vendor", "locale")
        .order_by(F("first_reported").desc(nulls_last=True), "-pk")  # the latest reported first: its word counts
    )
    casefiles = [casefile for casefile in casefiles if casefile.ai_system.strip()]
    if not casefiles:
        return
    writer = EntryWriter(apps)
    pairs = defaultdict(lambda: defaultdict(list))
    for casefile in casefiles:
        pairs[pair_key(casefile)][casefile.locale_id].append(casefile)
    for by_locale in sorted(
        pairs.values(), key=lambda by_locale: min(cf.pk for cfs in by_locale.values() for cf in cfs)
    ):
        public_id = writer.next_public_id()
        translation_key = uuid.uuid4()
        for locale_id in sorted(by_locale):
            writer.create_entry(by_locale[locale_id], public_id, translation_key)


def community_record(casefiles):
    """The entry's community record and its sources ``[(field, case file)]``: each field from the
    latest case file that gives it (``casefiles`` come latest first), vendors from all of them."""
    record, sources = {}, []
    for field, value_of in COPIED.items():
        casefile = next((casefile for casefile in casefiles if value_of(casefile)), None)
        if casefile is not None:
            record[field] = value_of(casefile)
            sources.append((field, casefile))
    vendors = set()
    for casefile in casefiles:
        if casefile.vendor_id and casefile.vendor_id not in vendors:
            vendors.add(casefile.vendor_id)
            sources.append(("vendors", casefile))
    return record, sources


class EntryWriter:
    """Writes entries with the migration's historical models."""

    def __init__(self, apps):
        self.apps = apps
        self.Page = apps.get_model("wagtailcore", "Page")
        self.Revision = apps.get_model("wagtailcore", "Revision")
        self.ViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.CaseFilePage = apps.get_model("impacts", "CaseFilePage")
        self.SystemIndexPage = apps.get_model("registry", "SystemIndexPage")
        self.SystemPage = apps.get_model("registry", "SystemPage")
        self.CommunitySource = apps.get_model("registry", "CommunitySource")
        self.Sequence = apps.get_model("hub", "PublicIdSequence")
        self.content_types = {
            model: self.ContentType.objects.get_or_create(app_label=app_label, model=model)[0]
            for app_label, model in (
                ("registry", "systemindexpage"),
                ("registry", "systempage"),
                ("impacts", "casefilepage"),
            )
        }
        self.restricted_paths = [
            restriction.page.path for restriction in self.ViewRestriction.objects.select_related("page")
        ]
        self.now = timezone.now()
        self.indexes = {}

    def next_public_id(self):
        """The next id of the sequence ``PublicIdSequence.next_id`` keeps."""
        year = timezone.localdate().year
        sequence, _created = self.Sequence.objects.select_for_update().get_or_create(prefix=PREFIX, year=year)
        sequence.last_number += 1
        sequence.save(update_fields=["last_number"])
        return f"{PREFIX}-{year}-{sequence.last_number:04d}"

    def is_public(self, casefile):
        return casefile.live and not any(casefile.path.startswith(path) for path in self.restricted_paths)

    def create_entry(self, casefiles, public_id, translation_key):
        public = [casefile for casefile in casefiles if self.is_public(casefile)]
        told = public or casefiles  # a live entry says only what public case files say
        first = min(told, key=lambda casefile: casefile.pk)
        language = first.locale.language_code
        agency = first.agency
        index = self.index_for(first)
        name = " ".join(first.ai_system.split())[:255]
        words = {
            "name": name,
            "agency": agency.name if agency else UNKNOWN_AGENCY.get(language, UNKNOWN_AGENCY["en"]),
        }
        plain_summary = PLAIN_SUMMARIES.get(language, PLAIN_SUMMARIES["en"]).format(**words)
        published_at = min(
            (casefile.first_published_at for casefile in public if casefile.first_published_at),
            default=self.now,
        )
        record, sources = community_record(told)
        entry = self.SystemPage.objects.create(
            **self.tree_fields(index, self.free_slug(index, slugify(name)[:SLUG_MAX_LENGTH].strip("-") or public_id.lower())),
            content_type=self.content_types["systempage"],
            title=name,
            draft_title=name,
            locale_id=first.locale_id,
            translation_key=translation_key,
            live=bool(public),
            has_unpublished_changes=not public,
            first_published_at=published_at if public else None,
            last_published_at=published_at if public else None,
            public_id=public_id,
            summary=SUMMARIES.get(language, SUMMARIES["en"]).format(**words),
            plain_summary=plain_summary[:1].upper() + plain_summary[1:],
            organization=agency,
            **record,
        )
        self.relate(entry, "services", {term.pk for casefile in told for term in casefile.services.all()})
        self.relate(entry, "regions", {term.pk for casefile in told for term in casefile.regions.all()})
        self.relate(
            entry,
            "vendors",
            {pk for field, casefile in sources if field == "vendors" for pk in [casefile.vendor_id]},
        )
        for order, (field, casefile) in enumerate(sources):
            self.CommunitySource.objects.create(page=entry, sort_order=order, field=field, casefile=casefile)
        for casefile in casefiles:
            self.link(casefile, entry)

    def relate(self, entry, name, pks):
        """Many-to-many rows written through their table (the historical model has no cluster
        to commit them)."""
        field = self.SystemPage._meta.get_field(name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            [through(**{f"{source}_id": entry.pk, f"{target}_id": pk}) for pk in sorted(pks)]
        )

    def link(self, casefile, entry):
        self.CaseFilePage.objects.filter(pk=casefile.pk).update(system=entry)
        for revision in self.case_file_revisions(casefile):
            revision.content["system"] = entry.pk
            revision.save(update_fields=["content"])

    def case_file_revisions(self, casefile):
        return self.Revision.objects.filter(
            base_content_type__in=self.page_content_types(), object_id=str(casefile.pk)
        )

    def page_content_types(self):
        return self.ContentType.objects.filter(app_label="wagtailcore", model="page")

    # --- the tree, as treebeard writes it ---

    def index_for(self, casefile):
        """The register's index page in the case file's language, beside its case file index
        (under the same home), created if missing with the translation key of its other versions."""
        home_path = casefile.path[: -2 * 4]
        if home_path in self.indexes:
            return self.indexes[home_path]
        home = self.Page.objects.get(path=home_path)
        index = self.SystemIndexPage.objects.filter(path__startswith=home.path, depth=home.depth + 1).first()
        if index is None:
            language = casefile.locale.language_code
            other = self.SystemIndexPage.objects.order_by("pk").first()
            index = self.SystemIndexPage.objects.create(
                **self.tree_fields(home, self.free_slug(home, INDEX_SLUGS.get(language, "register"))),
                content_type=self.content_types["systemindexpage"],
                title=INDEX_TITLES.get(language, INDEX_TITLES["en"]),
                draft_title=INDEX_TITLES.get(language, INDEX_TITLES["en"]),
                intro=INDEX_INTROS.get(language, ""),
                locale_id=casefile.locale_id,
                translation_key=other.translation_key if other else uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=self.now,
                last_published_at=self.now,
            )
        self.indexes[home_path] = index
        return index

    def tree_fields(self, parent, slug):
        """``path``, ``depth``, ``url_path`` and ``numchild`` of a new last child of ``parent``,
        whose count of children goes up by one."""
        parent = self.Page.objects.get(pk=parent.pk)
        siblings = self.Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        fields = {
            "path": parent.path + _next_step(siblings),
            "depth": parent.depth + 1,
            "numchild": 0,
            "slug": slug,
            "url_path": f"{parent.url_path}{slug}/",
        }
        self.Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
        return fields

    def free_slug(self, parent, slug):
        taken = set(
            self.Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).values_list(
                "slug", flat=True
            )
        )
        candidate, number = slug, 1
        while candidate in taken:
            number += 1
            candidate = f"{slug}-{number}"
        return candidate


def write_names_back(apps, schema_editor):
    """Going back: each case file (and its revisions) names its entry in ``ai_system``."""
    CaseFilePage = apps.get_model("impacts", "CaseFilePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_types = ContentType.objects.filter(app_label="wagtailcore", model="page")
    for casefile in CaseFilePage.objects.exclude(system=None).select_related("system"):
        name = casefile.system.title
        CaseFilePage.objects.filter(pk=casefile.pk).update(ai_system=name)
        for revision in Revision.objects.filter(base_content_type__in=page_types, object_id=str(casefile.pk)):
            revision.content["ai_system"] = name
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("impacts", "0004_casefilepage_system"),
        ("registry", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_entries, write_names_back)]
