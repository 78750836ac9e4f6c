"""The demo's register: an entry per system its case files name, in French and English, with the
organizations' published declarations where the data gives one (``data/systems.py``).

Entries are created before the case files, which link to them, and published after, once their
community record can name those case files as its sources. Like every demo item, an entry is
recognised by a translation key derived from its fixed public id; an entry a case file already
links to (made by the data migration from an older demo) is kept rather than doubled."""

from datetime import date

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from hub.models import Region, Service
from impacts.models import CaseFilePage
from registry.models import CommunitySource, DeclaredRecord, SystemPage

from .data.casefiles import CASE_FILES
from .data.systems import SYSTEMS
from .data.wording import FICTION_NOTE, PLAIN_FICTION_NOTE

COMMUNITY_TEXT = ("unit", "purpose")
DECLARED_TEXT = (
    "accountable_role",
    "purpose",
    "alternatives",
    "decision_role",
    "human_override",
    "legal_basis",
    "recourse",
    "data_sources",
    "training_data",
    "monitoring",
)
DECLARED_VALUES = (
    "contact",
    "public_page_url",
    "lifecycle_status",
    "start_month",
    "automation",
    "personal_data",
    "technique",
    "source_code_url",
    "consultation_held",
    "consultation_url",
)


class SystemLoader:
    """Loads the register for a ``DemoLoader`` (its organizations, accounts and publication)."""

    def __init__(self, loader):
        self.loader = loader
        self.casefiles = {}  # system name → the specs of the case files naming it, in order
        for spec in CASE_FILES:
            self.casefiles.setdefault(spec["ai_system"], []).append(spec)
        self.new = []

    def load_entries(self):
        """``{system name: French entry}``, the missing ones created as drafts."""
        entries = {}
        index = self.loader.index_of(SystemPage)
        for spec in SYSTEMS:
            page = self.loader.existing_item(SystemPage, spec["id"]) or self.migrated_entry(spec)
            self.loader.tally("AI systems", page is None)
            if page is None:
                page = self.draft(index, spec)
                self.new.append((page, spec))
            entries[spec["name"]] = page
        return entries

    def migrated_entry(self, spec):
        for casefile_spec in self.casefiles[spec["name"]]:
            casefile = self.loader.existing_item(CaseFilePage, casefile_spec["id"])
            if casefile is not None and casefile.system_id:
                return casefile.system
        return None

    def draft(self, index, spec):
        casefiles = self.casefiles[spec["name"]]
        page = self.loader.new_item(
            SystemPage,
            spec["id"],
            organization=self.loader.organization(spec["organization"]),
            lifecycle_status=spec["lifecycle_status"],
            technique=spec.get("technique", ""),
            automation=spec["automation"],
            start_month=spec.get("start_month", ""),
        )
        page.services = self.loader.terms(
            Service, sorted({key for cf in casefiles for key in cf["services"]})
        )
        page.regions = self.loader.terms(Region, sorted({key for cf in casefiles for key in cf["regions"]}))
        page.vendors = [self.loader.organization(key) for key in spec["vendors"]]
        self.write_text(page, spec, "fr")
        page.slug = find_available_slug(index, page.slug)
        index.add_child(instance=page)
        page.save_revision(user=self.loader.author)
        return page

    def write_text(self, page, spec, language):
        text = spec[language]
        page.title = spec["name"]
        page.slug = slugify(spec["name"])[:80].strip("-")
        page.summary = f"{text['summary']} {FICTION_NOTE['system'][language]}"
        page.plain_summary = f"{text['plain_summary']} {PLAIN_FICTION_NOTE[language]}"
        for name in COMMUNITY_TEXT:
            setattr(page, name, text.get(name, ""))
        casefile = next((cf for cf in self.casefiles[spec["name"]] if language in cf), None)
        page.decision_role = casefile[language]["decision_role"] if casefile else ""

    def publish_new(self, casefiles):
        """Publish the entries created by this run, their sources naming the case files
        (``{public id: French case file}``), then their English versions and declarations."""
        for page, spec in self.new:
            page = SystemPage.objects.get(pk=page.pk)
            specs = self.casefiles[spec["name"]]
            first = casefiles[specs[0]["id"]]
            page.community_sources = [
                CommunitySource(field=field, casefile=first)
                for field in ("", "decision_role", "automation", "lifecycle_status", "vendors")
            ]
            first_published_on = min(date.fromisoformat(cf["first_reported"]) for cf in specs)
            self.loader.publish(page, first_published_on)
            self.loader.ensure_english(
                page, spec, self.write_text, "AI system translations", first_published_on
            )
            if "declared" in spec:
                self.declare(page, spec["declared"])

    def declare(self, page, declared):
        """The organization's published declaration, in French then in English."""
        french = None
        for language, locale in (("fr", self.loader.french), ("en", self.loader.english)):
            record = DeclaredRecord(
                system=page,
                locale=locale,
                live=False,
                source_title=declared["source"][language],
                source_url=declared["url"],
                source_date=date.fromisoformat(declared["date"]),
                not_disclosed=declared.get("not_disclosed", []),
                **{name: declared["values"].get(name, "") for name in DECLARED_VALUES},
                **{name: declared[language].get(name, "") for name in DECLARED_TEXT},
            )
            if french is not None:
                record.translation_key = french.translation_key
            record.vendors = [self.loader.organization(key) for key in declared["values"].get("vendors", [])]
            record.impact_assessments = [
                {"type": "assessment", "value": {"kind": kind, "date": day, "url": url, "note": ""}}
                for kind, day, url in declared["values"].get("assessments", [])
            ]
            record.risks_mitigations = [
                {"type": "risk", "value": {"risk": risk, "mitigation": mitigation}}
                for risk, mitigation in declared[language].get("risks", [])
            ]
            record.save()
            # An organization's declaration is transcribed and published by an administrator here.
            administrator = self.loader.users["demo-admin"]
            record.save_revision(user=administrator).publish(user=administrator)
            french = french or record
            self.loader.tally("declared records", True)
