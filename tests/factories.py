"""Factories for fictional hub content.

Taxonomy terms are never invented here: they come from the data migration and are looked up
by key, so tests exercise the vocabulary the site really ships. Random values are seeded so a
run is reproducible.
"""

import datetime
from zoneinfo import ZoneInfo

import factory
import factory.random
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, PageViewRestriction

from advocacy.models import (
    AdvocacyBriefPage,
    AgreementParty,
    BriefAuthor,
    BriefCitation,
    CollaborationAgreementPage,
)
from dialogues.models import DialogueKind, DialoguePage, Session, SessionFormat, Venue, VenueKind
from followup.models import Commitment, CommitmentStatus, CommitmentUpdate, Recommendation, ReportPage
from hub.items import item_types
from hub.models import GlossaryTerm, Organization, PartnerMembership, Region, Risk, Service
from hub.roles import media_collection
from hub.site_setup import ensure_site
from impacts.models import CaseFilePage, CaseFileTestimony, Testimony
from learning.models import (
    Audience,
    LearningMedia,
    LearningResourcePage,
    Level,
    Licence,
    ResourceFormat,
    ToolkitMember,
    ToolkitPage,
)
from registry.models import DeclaredRecord, Lifecycle, SystemPage, Technique

factory.random.reseed_random("vigie-ia-tests")

FICTION = "Contenu fictif pour les tests."


def locale(language_code):
    return Locale.objects.get(language_code=language_code)


def terms(model, keys, language_code="fr"):
    """The migration's terms with these ``keys``, in that order; an unknown key fails loudly."""
    found = {
        term.key: term for term in model.objects.filter(key__in=keys, locale__language_code=language_code)
    }
    missing = [key for key in keys if key not in found]
    if missing:
        raise LookupError(f"No {model.__name__} term {missing} in locale {language_code!r}")
    return [found[key] for key in keys]


def site_skeleton():
    """``ensure_site()``'s pages, read back from the database: page objects held in memory while
    the tree grows keep a stale ``numchild``/``url_path``, which later tree operations trust.
    The pages found last time are read again at once (a query per page type) when they all still
    exist and no item type came or went since (a test may register one), as for most tests (the
    suite's skeleton), instead of ``ensure_site`` checking each part in turn."""
    names = _skeleton_names
    wanted = {"home", *(item_type.index_model for item_type in item_types())}
    pages = {page.pk: page for page in Page.objects.filter(pk__in=names).specific()}
    if len(pages) != len(names) or {name for _language, name in names.values()} != wanted:
        found = ensure_site()
        _skeleton_names.clear()
        _skeleton_names.update(
            (page.pk, (language, name)) for language, named in found.items() for name, page in named.items()
        )
        pages = {page.pk: page for page in Page.objects.filter(pk__in=names).specific()}
    skeleton = {}
    for pk, (language, name) in names.items():
        skeleton.setdefault(language, {})[name] = pages[pk]
    return skeleton


# The skeleton's pages last found by ``site_skeleton``: ``{pk: (language, name)}``.
_skeleton_names = {}


def index_page(model_path, language_code="fr"):
    """The index page of an item type, creating the site skeleton if needed."""
    return site_skeleton()[language_code][model_path]


def translate_page(page, language_code="en", **fields):
    """Publish a hand-made translation of ``page`` (no wagtail-localize), with ``fields`` changed."""
    translation = page.copy_for_translation(locale(language_code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def evidence(source_url, title="Article fictif", publisher="Journal fictif", date="2024-03-01"):
    return {
        "type": "evidence",
        "value": {
            "title": title,
            "source_url": source_url,
            "publisher": publisher,
            "date": date,
            "archived_url": "",
            "archived_document": None,
        },
    }


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisme fictif {n}")
    kind = Organization.Kind.PUBLIC_BODY
    website = factory.Sequence(lambda n: f"https://organisme-{n}.example.org/")
    locale = factory.LazyFunction(lambda: locale("fr"))


class GlossaryTermFactory(DjangoModelFactory):
    """A French glossary term; ``related_terms=[term, ...]`` sets its related terms."""

    class Meta:
        model = GlossaryTerm
        skip_postgeneration_save = True

    term = factory.Sequence(lambda n: f"terme fictif {n}")
    definition = factory.Sequence(lambda n: f"Définition simple numéro {n}.")
    example = factory.Sequence(lambda n: f"Exemple fictif {n}.")
    locale = factory.LazyFunction(lambda: locale("fr"))

    @factory.post_generation
    def related_terms(term, create, extracted, **kwargs):
        if create and extracted:
            term.related_terms = extracted
            term.save()


def translate_term(source, language_code="en", **fields):
    """A hand-made translation of a glossary term, as the demo makes them: synchronized fields
    copied (related terms still point at the source's), ``fields`` changed."""
    translation = source.copy_for_translation(locale(language_code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.related_terms = list(source.related_terms.all())
    translation.save()
    return translation


class ItemPageFactory(wagtail_factories.PageFactory):
    """An item as an editor leaves it: saved with its taxonomies, with a revision, and published
    unless ``live=False`` (a draft)."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    summary = factory.Sequence(lambda n: f"Résumé fictif {n}. {FICTION}")
    plain_summary = factory.Sequence(lambda n: f"Résumé simple {n}. Une machine aide à décider.")
    live = True

    @factory.post_generation
    def services(page, create, extracted, **kwargs):
        page.services = terms(Service, extracted or ["sante"], page.locale.language_code)

    @factory.post_generation
    def regions(page, create, extracted, **kwargs):
        page.regions = terms(Region, extracted or ["montreal"], page.locale.language_code)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if not create:
            return
        instance.save()
        revision = instance.save_revision()
        if instance.live:
            revision.publish()
        instance.refresh_from_db()


class CaseFilePageFactory(ItemPageFactory):
    class Meta:
        model = CaseFilePage

    class Params:
        ai_system = None  # a name: the case file's system is the published entry of that name

    parent = factory.LazyFunction(lambda: index_page("impacts.CaseFileIndexPage"))
    title = factory.Sequence(lambda n: f"Dossier fictif {n}")
    municipality = "Ville fictive"
    impact_level = 2
    agency = factory.SubFactory(OrganizationFactory)
    system = factory.LazyAttribute(
        lambda page: named_system(page.ai_system, page.agency) if page.ai_system else None
    )
    decision_role = "Classe les demandes par ordre de priorité."
    automation = CaseFilePage.Automation.HUMAN_IN_THE_LOOP
    status = CaseFilePage.Status.DEPLOYED
    first_reported = factory.Faker(
        "date_between", start_date=datetime.date(2022, 1, 1), end_date=datetime.date(2024, 12, 31)
    )
    body = factory.Sequence(
        lambda n: [paragraph(FICTION), evidence(f"https://journal.example.org/article-{n}")]
    )

    @factory.post_generation
    def risks(page, create, extracted, **kwargs):
        page.risks = terms(Risk, extracted or [], page.locale.language_code)


class SystemPageFactory(ItemPageFactory):
    """A register entry with a community record of a few fields (``declared`` adds the
    organization's own, see ``DeclaredRecordFactory``)."""

    class Meta:
        model = SystemPage

    parent = factory.LazyFunction(lambda: index_page("registry.SystemIndexPage"))
    title = factory.Sequence(lambda n: f"Système fictif {n}")
    summary = factory.Sequence(lambda n: f"Système fictif {n} qui trie des demandes. {FICTION}")
    organization = factory.SubFactory(OrganizationFactory)
    unit = "Direction fictive"
    lifecycle_status = Lifecycle.IN_USE
    decision_role = "Classe les demandes par ordre de priorité."
    technique = Technique.MACHINE_LEARNING


class DeclaredRecordFactory(DjangoModelFactory):
    """The organization's published declaration of ``system`` (``live=False``: a draft never
    published, its content in its only revision)."""

    class Meta:
        model = DeclaredRecord
        skip_postgeneration_save = True

    system = factory.SubFactory(SystemPageFactory)
    locale = factory.LazyAttribute(lambda record: record.system.locale)
    source_title = "Rapport annuel fictif"
    source_url = "https://organisme.example.org/rapport"
    source_date = datetime.date(2025, 3, 1)
    purpose = "Réduire les délais de traitement."
    lifecycle_status = Lifecycle.IN_USE
    not_disclosed = factory.LazyFunction(lambda: ["training_data", "source_code_url"])
    live = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        live = kwargs.pop("live", True)
        record = model_class(*args, live=False, **kwargs)
        record.save()
        revision = record.save_revision()
        if live:
            revision.publish()
            record.refresh_from_db()
        return record


class AdvocacyBriefPageFactory(ItemPageFactory):
    class Meta:
        model = AdvocacyBriefPage

    parent = factory.LazyFunction(lambda: index_page("advocacy.AdvocacyBriefIndexPage"))
    title = factory.Sequence(lambda n: f"Mémoire fictif {n}")
    publication_date = datetime.date(2024, 6, 1)
    version = "1.0"
    body = factory.LazyFunction(lambda: [paragraph(FICTION)])
    recommendations = factory.LazyFunction(
        lambda: [
            {
                "type": "recommendation",
                "value": {
                    "recommendation": "Publier le registre des systèmes d'IA.",
                    "addressee": "Ministère fictif",
                    "rationale": "",
                },
            }
        ]
    )

    @factory.post_generation
    def risks(page, create, extracted, **kwargs):
        page.risks = terms(Risk, extracted or [], page.locale.language_code)

    @factory.post_generation
    def authors(page, create, extracted, **kwargs):
        """``authors=[{...}, ...]``: keyword arguments of each BriefAuthorFactory; one by default."""
        if create:
            authors = [{}] if extracted is None else extracted
            for sort_order, author in enumerate(authors):
                BriefAuthorFactory(brief=page, sort_order=sort_order, **author)

    @factory.post_generation
    def citations(page, create, extracted, **kwargs):
        """``citations=[casefile, (casefile, pinpoint), ...]``, in citation order."""
        if create:
            for sort_order, citation in enumerate(extracted or []):
                casefile, pinpoint = citation if isinstance(citation, tuple) else (citation, "")
                BriefCitationFactory(brief=page, casefile=casefile, pinpoint=pinpoint, sort_order=sort_order)


class BriefAuthorFactory(DjangoModelFactory):
    class Meta:
        model = BriefAuthor

    brief = factory.SubFactory(AdvocacyBriefPageFactory, authors=[])
    person_name = factory.Sequence(lambda n: f"Autrice fictive {n}")
    organization = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.NON_PROFIT)


class BriefCitationFactory(DjangoModelFactory):
    class Meta:
        model = BriefCitation

    brief = factory.SubFactory(AdvocacyBriefPageFactory)
    casefile = factory.SubFactory(CaseFilePageFactory)
    pinpoint = factory.Sequence(lambda n: f"Section {n}")


class CollaborationAgreementPageFactory(ItemPageFactory):
    class Meta:
        model = CollaborationAgreementPage

    parent = factory.LazyFunction(lambda: index_page("advocacy.CollaborationAgreementIndexPage"))
    title = factory.Sequence(lambda n: f"Entente fictive {n}")
    scope = "Le système fictif de tri des demandes."
    citizen_role = "Deux sièges au comité de suivi."
    status = CollaborationAgreementPage.Status.SIGNED
    start_date = datetime.date(2024, 1, 15)
    end_date = datetime.date(2026, 1, 15)

    @factory.post_generation
    def commitments(page, create, extracted, **kwargs):
        """``commitments=[commitment(...), ...]``, in that order (as the editor orders them): none by
        default."""
        set_in_order(page, "commitments", extracted)

    @factory.post_generation
    def parties(page, create, extracted, **kwargs):
        """``parties=[{...}, ...]``: keyword arguments of each AgreementPartyFactory; by default a
        municipality and a non-profit, the minimum of two."""
        default = [
            {"role": AgreementParty.Role.MUNICIPALITY},
            {"role": AgreementParty.Role.NON_PROFIT},
        ]
        if create:
            parties = default if extracted is None else extracted
            for sort_order, party in enumerate(parties):
                AgreementPartyFactory(agreement=page, sort_order=sort_order, **party)


def set_in_order(page, relation, items):
    """Give ``page`` these inline ``items`` under ``relation``, in that order (as the editor
    orders them); none when ``items`` is empty."""
    for sort_order, item in enumerate(items or ()):
        item.sort_order = sort_order
    if items:
        setattr(page, relation, items)


def commitment(text="Publier le code source du système.", owner=None, **fields):
    """An unsaved commitment for ``CollaborationAgreementPageFactory(commitments=[...])``, owned by
    ``owner`` (a new municipality unless given)."""
    owner = owner or OrganizationFactory(kind=Organization.Kind.MUNICIPALITY)
    return Commitment(text=text, owner=owner, **fields)


def progress_update(
    commitment,
    note="Les travaux ont commencé.",
    status=CommitmentStatus.IN_PROGRESS,
    published=True,
    **fields,
):
    """A progress update of ``commitment`` (a saved row), published (by ``publish()``, dated by the
    clock) unless ``published=False``."""
    update = CommitmentUpdate.objects.create(
        commitment_key=commitment.translation_key,
        item_key=commitment.page.translation_key,
        note=note,
        status=status,
        **fields,
    )
    if published:
        update.publish()
    return update


class AgreementPartyFactory(DjangoModelFactory):
    class Meta:
        model = AgreementParty

    agreement = factory.SubFactory(CollaborationAgreementPageFactory, parties=[])
    organization = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.MUNICIPALITY)
    role = AgreementParty.Role.MUNICIPALITY


class PageViewRestrictionFactory(DjangoModelFactory):
    """Makes ``page`` private (password-protected)."""

    class Meta:
        model = PageViewRestriction

    restriction_type = PageViewRestriction.PASSWORD
    password = "mot-de-passe-fictif"


class ImageFactory(wagtail_factories.ImageFactory):
    collection = factory.LazyFunction(media_collection)
    title = factory.Sequence(lambda n: f"Image fictive {n}")


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(media_collection)
    title = factory.Sequence(lambda n: f"Document fictif {n}")
    file = factory.django.FileField(filename="fictif.pdf", data=b"%PDF-1.4\n% fictif\n")


class TestimonyFactory(DjangoModelFactory):
    """A pseudonymous testimony with a complete consent record covering the web and exports.
    Pass ``casefiles=[page, ...]`` to put them in the consent's scope."""

    __test__ = False

    class Meta:
        model = Testimony
        skip_postgeneration_save = True

    text = factory.Sequence(lambda n: f"Témoignage fictif {n} : la machine a refusé ma demande.")
    language = "fr"
    plain_text = "La machine a dit non. Personne ne m'a expliqué pourquoi."
    identification = Testimony.Identification.PSEUDONYM
    display_name = factory.Sequence(lambda n: f"Pseudonyme{n}")
    context = "Personne fictive, Laval"
    consent_collected_by = "Intervenante fictive du groupe"
    consent_collected_on = datetime.date(2026, 3, 2)
    consent_text_version = "2026-03"
    consent_language = "fr"
    consent_web = True
    consent_exports = True
    withdrawal_contact = "retrait@groupe-fictif.example.org, 514 555-0100"
    retention_until = datetime.date(2031, 3, 2)

    @factory.post_generation
    def casefiles(testimony, create, extracted, **kwargs):
        if create and extracted:
            testimony.consent_casefiles.set(extracted)
            testimony.save()


def show_testimony(page, testimony, publish=True):
    """Link ``testimony`` to the case file ``page`` as an editor would, then publish it (or only
    save a revision with ``publish=False``). Returns the page read back."""
    page = CaseFilePage.objects.get(pk=page.pk)
    page.testimony_links.add(CaseFileTestimony(testimony=testimony))
    revision = page.save_revision()
    if publish:
        revision.publish()
    return CaseFilePage.objects.get(pk=page.pk)


def role_user(role, username, organization=None, **fields):
    """An active account in the group ``role`` ("Community editors", "Reviewers", "Municipal
    partners", or None for a superuser); a partner acts for ``organization``."""
    ensure_site()
    user_model = get_user_model()
    fields.setdefault("email", f"{username}@example.org")
    if role is None:
        return user_model.objects.create_superuser(username, password="password", **fields)
    user = user_model.objects.create_user(username, password="password", **fields)
    user.groups.add(Group.objects.get(name=role))
    if organization is not None:
        PartnerMembership.objects.create(user=user, organization=organization)
    return user


def named_system(name, organization=None):
    """The published register entry called ``name`` (of ``organization`` when given), made if
    missing: what a case file's ``ai_system`` names."""
    entries = SystemPage.objects.filter(title=name)
    if organization is not None:
        entries = entries.filter(organization=organization)
    existing = entries.order_by("pk").first()
    if existing is not None:
        return existing
    slug = find_available_slug(index_page("registry.SystemIndexPage"), slugify(name)[:50] or "system")
    return SystemPageFactory(
        title=name, slug=slug, **({"organization": organization} if organization else {})
    )


QUEBEC = ZoneInfo("America/Toronto")  # Québec's time, the hub's TIME_ZONE


class VenueFactory(DjangoModelFactory):
    """A fictional library in Montréal, with a step-free entrance."""

    class Meta:
        model = Venue

    key = factory.Sequence(lambda n: f"bibliotheque-fictive-{n}")
    name = factory.Sequence(lambda n: f"Bibliothèque fictive {n}")
    kind = VenueKind.LIBRARY
    street_address = factory.Sequence(lambda n: f"{100 + n}, rue Fictive")
    municipality = "Montréal"
    postal_code = "H2X 1Y4"
    region = factory.LazyFunction(lambda: Region.objects.get(key="montreal", locale__language_code="fr"))
    step_free_entrance = True
    locale = factory.LazyFunction(lambda: locale("fr"))


def session(starts_at=None, hours=2, venue=None, **fields):
    """An unsaved session for ``DialoguePageFactory(sessions=[...])``: in person at ``venue``
    (a new one unless given) from ``starts_at`` (Québec time; default: 30 days from now, 18:30)."""
    if starts_at is None:
        day = datetime.date.today() + datetime.timedelta(days=30)
        starts_at = datetime.datetime.combine(day, datetime.time(18, 30), tzinfo=QUEBEC)
    fields.setdefault("format", SessionFormat.IN_PERSON)
    if venue is None and fields["format"] != SessionFormat.ONLINE:
        venue = VenueFactory()
    fields.setdefault("languages", ["fr"])
    return Session(
        starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=hours), venue=venue, **fields
    )


class DialoguePageFactory(ItemPageFactory):
    """An AI-literacy workshop with one session in a month (``sessions=[session(...), ...]``)."""

    class Meta:
        model = DialoguePage

    parent = factory.LazyFunction(lambda: index_page("dialogues.DialogueIndexPage"))
    title = factory.Sequence(lambda n: f"Atelier fictif {n}")
    kind = DialogueKind.WORKSHOP
    question = "Comment une machine peut-elle trier des demandes d'aide ?"
    can_change = "Les questions posées à l'organisme et la liste des besoins du quartier."

    @factory.post_generation
    def sessions(page, create, extracted, **kwargs):
        page.sessions = extracted if extracted is not None else [session()]

    @factory.post_generation
    def organizers(page, create, extracted, **kwargs):
        page.organizers = (
            extracted if extracted is not None else [OrganizationFactory(kind=Organization.Kind.NON_PROFIT)]
        )


def recommendation(text="Publier la liste des systèmes utilisés.", **fields):
    """An unsaved recommendation for ``ReportPageFactory(recommendations=[...])``."""
    return Recommendation(text=text, **fields)


def theme(title="Comprendre les décisions", account="Les gens veulent savoir qui décide.", quotes=()):
    """A theme block of a report's ``themes``: ``quotes`` are ``(text, testimony or None)``."""
    return {
        "type": "theme",
        "value": {
            "title": title,
            "account": account,
            "quotes": [
                {"quote": text, "testimony": testimony.pk if testimony is not None else None}
                for text, testimony in quotes
            ],
        },
    }


class ReportPageFactory(ItemPageFactory):
    """A consultation report on a consultation held elsewhere unless ``dialogues=[...]`` are
    given; ``recommendations=[recommendation(...)]`` and ``commitments=[commitment(...)]`` in
    that order."""

    class Meta:
        model = ReportPage

    parent = factory.LazyFunction(lambda: index_page("followup.ReportIndexPage"))
    title = factory.Sequence(lambda n: f"Bilan fictif {n}")
    addressed_to = factory.SubFactory(OrganizationFactory)
    outside_consultation = "Consultation fictive sur les services numériques"
    method = "Trois ateliers en bibliothèque, un sondage en ligne."

    @factory.post_generation
    def dialogues(page, create, extracted, **kwargs):
        if extracted:
            page.dialogues = extracted
            page.outside_consultation = ""

    @factory.post_generation
    def recommendations(page, create, extracted, **kwargs):
        set_in_order(page, "recommendations", extracted)

    @factory.post_generation
    def commitments(page, create, extracted, **kwargs):
        set_in_order(page, "commitments", extracted)


class LearningMediaFactory(DjangoModelFactory):
    """An audio file (``type="video"`` for a video) with nothing of what publishing asks."""

    class Meta:
        model = LearningMedia

    collection = factory.LazyFunction(media_collection)
    title = factory.Sequence(lambda n: f"Enregistrement fictif {n}")
    type = "audio"
    duration = 30
    file = factory.django.FileField(filename="fictif.ogg", data=b"OggS fictif")


class LearningResourcePageFactory(ItemPageFactory):
    """An activity sheet for citizens, in French, without audio, video or files."""

    class Meta:
        model = LearningResourcePage

    parent = factory.LazyFunction(lambda: index_page("learning.LearningIndexPage"))
    title = factory.Sequence(lambda n: f"Fiche fictive {n}")
    format = ResourceFormat.ACTIVITY_CARDS
    audiences = factory.LazyFunction(lambda: [Audience.CITIZENS.value])
    level = Level.FIRST_STEPS
    languages = factory.LazyFunction(lambda: ["fr"])
    learning_outcomes = "Ce qu'est un système d'IA.\nOù il sert dans les services publics."
    licence = Licence.CC_BY


class ToolkitPageFactory(ItemPageFactory):
    """A toolkit holding the resources given as ``members=[resource, ...]`` (one new resource
    when none is given)."""

    class Meta:
        model = ToolkitPage

    parent = factory.LazyFunction(lambda: index_page("learning.ToolkitIndexPage"))
    title = factory.Sequence(lambda n: f"Trousse fictive {n}")
    purpose = "Animer un atelier de 90 minutes sur l'IA à la bibliothèque."

    @factory.post_generation
    def members(page, create, extracted, **kwargs):
        resources = extracted if extracted is not None else [LearningResourcePageFactory()]
        page.members = [ToolkitMember(resource=resource) for resource in resources]
