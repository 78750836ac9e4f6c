"""The loader of the fictional demonstration content: pages and their translations, relations,
testimonies, publication history, snippets, media and one account per role.

Each item has a fixed public id and a translation key derived from it, by which the loader
recognises it later; images and documents are recognised by title, accounts by username.
Loading twice therefore changes nothing. Run it with ``python manage.py load_demo``.
"""

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, PageLogEntry

from advocacy.models import (
    AdvocacyBriefPage,
    AgreementParty,
    AgreementSignatory,
    BriefAuthor,
    BriefCitation,
    CollaborationAgreementPage,
)
from hub.demo import DEMO_FLAG_CACHE_KEY
from hub.items import type_of
from hub.models import (
    DemoMarker,
    GlossaryTerm,
    HubContact,
    Organization,
    PartnerMembership,
    PublicIdSequence,
    Region,
    Risk,
    Service,
)
from hub.roles import apply_roles, media_collection
from hub.site_setup import ensure_site
from impacts.models import CaseFilePage, CaseFileTestimony, Testimony

from .data.accounts import ACCOUNTS
from .data.agreements import AGREEMENTS
from .data.briefs import BRIEFS
from .data.casefiles import CASE_FILES
from .data.dialogues import DIALOGUES
from .data.glossary import GLOSSARY
from .data.images import IMAGES
from .data.learning import RESOURCES
from .data.organizations import ORGANIZATIONS
from .data.reports import REPORTS
from .data.systems import SYSTEMS
from .data.testimonies import TESTIMONIES
from .data.toolkits import TOOLKITS
from .dialogues import DialogueLoader
from .drawing import draw_image, render_pdf
from .learning import LearningLoader
from .reports import ReportLoader
from .systems import SystemLoader
from .texts import ItemTexts

# Demo items get translation keys derived from their fixed public ids: that is how a later run
# recognises them, even if their public id had to change because another item already used it.
DEMO_TRANSLATION_KEYS = uuid.UUID("6f1d8a52-3c3e-4f7e-9a57-1d6c2e0b7a44")
DEMO_CONTACT = "equipe@vigie-ia.example.org"  # fictional, like everything the demo loads


@dataclass
class DemoReport:
    """What one run created and what it found already there."""

    created: Counter = field(default_factory=Counter)
    existing: Counter = field(default_factory=Counter)
    accounts: list = field(default_factory=list)
    renumbered: list = field(default_factory=list)


def load_demo():
    """Load everything that is missing, in one transaction, and return a ``DemoReport``."""
    return DemoLoader().run()


class DemoLoader:
    def __init__(self):
        self.report = DemoReport()

    def run(self):
        with transaction.atomic():
            self.site = ensure_site()
            self.french = self.site["fr"]["home"].locale
            self.english = Locale.objects.get(language_code="en")
            for spec in [
                *CASE_FILES,
                *SYSTEMS,
                *BRIEFS,
                *AGREEMENTS,
                *DIALOGUES,
                *REPORTS,
                *RESOURCES,
                *TOOLKITS,
            ]:
                PublicIdSequence.reserve(spec["id"])
            self.load_groups()
            self.load_accounts()
            self.load_organizations()
            self.load_memberships()
            self.load_images()
            self.load_glossary()
            self.texts = ItemTexts(self.organization, self.images)
            register = SystemLoader(self)
            self.systems = register.load_entries()
            self.load_casefiles()
            register.publish_new(self.casefiles)
            self.load_testimonies()
            self.load_briefs()
            self.load_agreements()
            DialogueLoader(self).load()
            ReportLoader(self).load()
            LearningLoader(self).load()
            self.load_contact()
            self.mark_loaded()
        return self.report

    def tally(self, label, created):
        (self.report.created if created else self.report.existing)[label] += 1

    # Roles and accounts

    def load_groups(self):
        self.groups = apply_roles()

    def load_memberships(self):
        """Each partner account acts for one organization (a party to a demo agreement)."""
        for spec in ACCOUNTS:
            if spec.get("organization"):
                PartnerMembership.objects.update_or_create(
                    user=self.users[spec["username"]],
                    defaults={"organization": self.organizations[spec["organization"]]["fr"]},
                )

    def load_accounts(self):
        user_model = get_user_model()
        self.users = {}
        for spec in ACCOUNTS:
            user, created = user_model.objects.get_or_create(username=spec["username"])
            self.tally("accounts", created)
            user.first_name = spec["first_name"]
            user.last_name = spec["last_name"]
            user.email = f"{spec['username']}@example.org"
            user.is_active = True
            user.is_staff = spec["group"] is None
            user.is_superuser = spec["group"] is None
            user.set_password(spec["password"])
            user.save()
            if spec["group"]:
                user.groups.add(self.groups[spec["group"]])
            self.users[spec["username"]] = user
            self.report.accounts.append((spec["username"], spec["password"], spec["role"]))
        self.author = self.users["demo-editor"]
        self.publisher = self.users["demo-reviewer"]

    # Snippets, images and documents

    def load_organizations(self):
        self.organizations = {}
        for spec in ORGANIZATIONS:
            original = Organization.objects.filter(key=spec["key"], locale=self.french).first()
            self.tally("organizations", original is None)
            if original is None:
                original = Organization.objects.create(
                    key=spec["key"],
                    name=spec["name"]["fr"],
                    kind=spec["kind"],
                    website=spec["website"],
                    region=Region.objects.filter(key=spec["region"], locale=self.french).first(),
                    locale=self.french,
                )
            translation = original.get_translation_or_none(self.english)
            if translation is None and "en" in spec["name"]:
                translation = original.copy_for_translation(self.english)
                translation.name = spec["name"]["en"]
                translation.save()
                self.tally("organization translations", True)
            elif translation is not None:
                self.tally("organization translations", False)
            self.organizations[spec["key"]] = {"fr": original, "en": translation or original}

    def load_glossary(self):
        """The French terms, then their English translations made as for organizations; related
        terms are set once, when the term is created, so an editor's later choice stays."""
        created = []
        terms = {}
        for spec in GLOSSARY:
            term = GlossaryTerm.objects.filter(slug=spec["slug"], locale=self.french).first()
            self.tally("glossary terms", term is None)
            if term is None:
                term = GlossaryTerm(slug=spec["slug"], locale=self.french, **spec["fr"])
                term.save()
                created.append(spec)
            terms[spec["slug"]] = term
        for spec in created:
            term = terms[spec["slug"]]
            term.related_terms = [terms[slug] for slug in spec["related"]]
            term.save()
        for spec in GLOSSARY:
            original = terms[spec["slug"]]
            translation = original.get_translation_or_none(self.english)
            self.tally("glossary term translations", translation is None)
            if translation is None:
                translation = original.copy_for_translation(self.english)
                for name, value in spec["en"].items():
                    setattr(translation, name, value)
                translation.related_terms = list(original.related_terms.all())
                translation.save()

    def organization(self, key, language="fr"):
        return self.organizations[key][language]

    def load_images(self):
        image_model = get_image_model()
        self.images = {}
        for spec in IMAGES:
            image = image_model.objects.filter(title=spec["title"]).first()
            self.tally("images", image is None)
            if image is None:
                image = image_model(
                    title=spec["title"],
                    collection=media_collection(),
                    file=ImageFile(BytesIO(draw_image(spec)), name=f"demo-{spec['key']}.png"),
                )
                image._set_image_file_metadata()
                image.save()
            self.images[spec["key"]] = image

    def pdf_document(self, title, filename, heading, paragraphs):
        document_model = get_document_model()
        document = document_model.objects.filter(title=title).first()
        self.tally("documents", document is None)
        if document is None:
            document = document_model(
                title=title,
                collection=media_collection(),
                file=ContentFile(render_pdf(heading, paragraphs), name=filename),
            )
            document._set_document_file_metadata()
            document.save()
        return document

    # Pages

    def terms(self, model, keys):
        found = list(model.objects.filter(key__in=keys, locale=self.french))
        missing = set(keys) - {term.key for term in found}
        if missing:
            raise ValueError(f"unknown {model._meta.verbose_name} keys in demo content: {sorted(missing)}")
        return found

    def publish(self, page, first_published_on):
        page.first_published_at = timezone.make_aware(datetime.combine(first_published_on, time(9)))
        # Items their partners publish themselves (agreements) are published by an administrator
        # here, not by a reviewer.
        publisher = self.users["demo-admin"] if type_of(page).publication == "partners" else self.publisher
        revision = page.save_revision(user=self.author)
        revision.publish(user=publisher)
        # The public history of a demo item starts on its fictional first publication date.
        PageLogEntry.objects.filter(revision=revision, action="wagtail.publish").update(
            timestamp=page.first_published_at
        )

    def index_of(self, model):
        """The French index page under which the items of ``model`` are created."""
        return self.site["fr"][type_of(model).index_model]

    def existing_item(self, model, public_id):
        return model.objects.filter(translation_key=demo_translation_key(public_id)).order_by("pk").first()

    def new_item(self, model, public_id, **fields):
        """A demo item with its fixed public id, or a fresh one if another item already has it.

        Every fixed id is reserved before any item is created, so a fresh id never lands on the
        fixed id of a later demo item."""
        free = not model.objects.filter(public_id=public_id).exists()
        return model(
            public_id=public_id if free else PublicIdSequence.next_id(type_of(model).prefix),
            translation_key=demo_translation_key(public_id),
            locale=self.french,
            owner=self.author,
            **fields,
        )

    def add(self, index, page, public_id, first_published_on):
        page.slug = find_available_slug(index, page.slug)
        index.add_child(instance=page)
        self.publish(page, first_published_on)
        if page.public_id != public_id:
            self.report.renumbered.append((public_id, page.public_id))

    def ensure_english(self, original, spec, write_text, label, first_published_on):
        if "en" not in spec:
            return
        translation = original.get_translation_or_none(self.english)
        self.tally(label, translation is None)
        if translation is None:
            translation = original.copy_for_translation(self.english)
            write_text(translation, spec, "en")
            translation.slug = find_available_slug(translation.get_parent(), translation.slug, translation.pk)
            self.publish(translation, first_published_on)

    def load_casefiles(self):
        index = self.index_of(CaseFilePage)
        self.casefiles = {}
        for spec in CASE_FILES:
            page = self.existing_item(CaseFilePage, spec["id"])
            self.tally("case files", page is None)
            first_reported = date.fromisoformat(spec["first_reported"])
            if page is None:
                page = self.new_item(
                    CaseFilePage,
                    spec["id"],
                    municipality=spec["municipality"],
                    impact_level=spec["impact_level"],
                    agency=self.organization(spec["agency"]),
                    system=self.systems[spec["ai_system"]],
                    vendor=self.organization(spec["vendor"]),
                    automation=spec["automation"],
                    status=spec["status"],
                    first_reported=first_reported,
                )
                page.services = self.terms(Service, spec["services"])
                page.regions = self.terms(Region, spec["regions"])
                page.risks = self.terms(Risk, spec["risks"])
                page.related_casefiles = [self.casefiles[public_id] for public_id in spec["related"]]
                self.texts.casefile(page, spec, "fr")
                self.add(index, page, spec["id"], first_reported)
            self.casefiles[spec["id"]] = page
            self.ensure_english(page, spec, self.texts.casefile, "case file translations", first_reported)

    def load_testimonies(self):
        for spec in TESTIMONIES:
            casefile = self.casefiles[spec["casefile"]]
            testimony = Testimony.objects.filter(text=spec["text"]).first()
            self.tally("testimonies", testimony is None)
            if testimony is None:
                testimony = Testimony.objects.create(
                    text=spec["text"],
                    language=spec.get("language", "fr"),
                    plain_text=spec["plain_text"],
                    identification=spec["identification"],
                    display_name=spec["display_name"],
                    context=spec["context"],
                    consent_collected_by="Intervenante fictive (démo)",
                    consent_collected_on=date(2026, 2, 1),
                    consent_text_version="2026-01 (démo)",
                    consent_language=spec.get("language", "fr"),
                    consent_web=True,
                    consent_exports=True,
                    withdrawal_contact="retrait@groupe-fictif.example.org",
                    retention_until=date(2031, 2, 1),
                )
                testimony.consent_casefiles.set([casefile])
                testimony.save()
            for page in (casefile, casefile.get_translation_or_none(self.english)):
                if page is None:
                    continue
                page = CaseFilePage.objects.get(pk=page.pk)
                if not page.testimony_links.filter(testimony=testimony).exists():
                    page.testimony_links.add(CaseFileTestimony(testimony=testimony))
                    page.save_revision(user=self.author).publish(user=self.publisher)

    def load_briefs(self):
        index = self.index_of(AdvocacyBriefPage)
        for spec in BRIEFS:
            page = self.existing_item(AdvocacyBriefPage, spec["id"])
            self.tally("advocacy briefs", page is None)
            published = date.fromisoformat(spec["publication_date"])
            if page is None:
                page = self.new_item(
                    AdvocacyBriefPage, spec["id"], publication_date=published, version=spec["version"]
                )
                page.services = self.terms(Service, spec["services"])
                page.regions = self.terms(Region, spec["regions"])
                page.risks = self.terms(Risk, spec["risks"])
                page.authors = [
                    BriefAuthor(
                        person_name=author["person"], organization=self.organization(author["organization"])
                    )
                    for author in spec["authors"]
                ]
                page.citations = [
                    BriefCitation(casefile=self.casefiles[public_id], pinpoint=pinpoint)
                    for public_id, pinpoint in spec["citations"]
                ]
                self.texts.brief(page, spec, "fr")
                if spec["with_pdf"]:
                    page.pdf = self.pdf_document(*self.texts.brief_pdf(spec, page.public_id))
                self.add(index, page, spec["id"], published)
            self.ensure_english(page, spec, self.texts.brief, "advocacy brief translations", published)

    def load_agreements(self):
        index = self.index_of(CollaborationAgreementPage)
        for spec in AGREEMENTS:
            page = self.existing_item(CollaborationAgreementPage, spec["id"])
            self.tally("collaboration agreements", page is None)
            signed_on = [s["signed_on"] for s in spec["signatories"] if s["signed_on"]]
            first_published_on = date.fromisoformat(min(signed_on)) if signed_on else timezone.localdate()
            if page is None:
                page = self.new_item(
                    CollaborationAgreementPage,
                    spec["id"],
                    status=spec["status"],
                    start_date=optional_date(spec["start_date"]),
                    end_date=optional_date(spec["end_date"]),
                )
                page.services = self.terms(Service, spec["services"])
                page.regions = self.terms(Region, spec["regions"])
                page.parties = [
                    AgreementParty(organization=self.organization(key), role=role)
                    for key, role in spec["parties"]
                ]
                page.signatories = [
                    AgreementSignatory(
                        name=signatory["name"],
                        title=signatory["title"],
                        organization=self.organization(signatory["organization"]),
                        signed_on=optional_date(signatory["signed_on"]),
                    )
                    for signatory in spec["signatories"]
                ]
                self.texts.agreement(page, spec, "fr")
                if spec["with_pdf"]:
                    page.signed_document = self.pdf_document(*self.texts.agreement_pdf(spec, page.public_id))
                self.add(index, page, spec["id"], first_published_on)
            self.ensure_english(
                page,
                spec,
                self.texts.agreement,
                "collaboration agreement translations",
                first_published_on,
            )

    def load_contact(self):
        """The team's fictional address, where the register invites readers to tell their story;
        an address an administrator already set is kept."""
        contact = HubContact.load()
        self.tally("hub contact", not contact.email)
        if not contact.email:
            contact.email = DEMO_CONTACT
            contact.save()

    def mark_loaded(self):
        marker = DemoMarker.objects.order_by("pk").first()
        self.tally("demo marker", marker is None)
        if marker is None:
            DemoMarker.objects.create()
        else:
            marker.save()
        # Cleared now and again after commit, in case a request cached "not loaded" in between.
        cache.delete(DEMO_FLAG_CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(DEMO_FLAG_CACHE_KEY))


def demo_translation_key(public_id):
    return uuid.uuid5(DEMO_TRANSLATION_KEYS, public_id)


def optional_date(value):
    return date.fromisoformat(value) if value else None
