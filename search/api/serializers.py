"""The serializers that describe every answer of the open API in its OpenAPI schema. The views
build plain dicts (``records``); the tests check the answers against the schema. Their names,
docstrings and help texts are the schema's component names and descriptions."""

from rest_framework import serializers

from hub.items import item_types
from hub.models import Organization

from ..vocabulary import FACETS, declared_facets
from .http import LANGUAGE_CODES


def item_type_keys():
    return [item_type.key for item_type in item_types()]


class ItemTypeField(serializers.ChoiceField):
    """An item type's key. Its choices are the registry's, read again each time a serializer is
    built (and so each time the schema is), so a type registered later is one of them."""

    def __init__(self, **kwargs):
        super().__init__(choices=item_type_keys(), **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.choices = item_type_keys()


def per_language(name, make_field, doc):
    """A serializer with one field per interface language (``settings.LANGUAGES``)."""
    return type(
        name, (serializers.Serializer,), {"__doc__": doc, **{code: make_field() for code in LANGUAGE_CODES}}
    )


LanguageLabels = per_language("LanguageLabels", serializers.CharField, "A label in each interface language.")
LanguageUrls = per_language(
    "LanguageUrls",
    serializers.URLField,
    "Where a reader of each interface language reads the item: its translation, or the item in "
    "its original language when it has none yet.",
)


class ErrorsSerializer(serializers.Serializer):
    """What was wrong, per parameter (``id``, ``lang``, ``page``, ``q``, ...)."""

    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class SearchHitSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="Public id, e.g. `CF-2024-0001`.")
    type = ItemTypeField()
    title = serializers.CharField()
    url = serializers.URLField(help_text="The item as a reader of the requested `locale` reads it.")
    summary = serializers.CharField(allow_blank=True)
    locale = serializers.ChoiceField(choices=LANGUAGE_CODES, help_text="The language the item is written in.")
    services = serializers.ListField(child=serializers.CharField(), help_text="Public service keys.")
    regions = serializers.ListField(child=serializers.CharField(), help_text="Region keys.")
    risks = serializers.ListField(child=serializers.CharField(), help_text="Risk keys.")
    impact_level = serializers.IntegerField(
        allow_null=True,
        min_value=1,
        max_value=4,
        help_text="1–4, or null when not assessed or not applicable.",
    )
    status = serializers.CharField(
        help_text="The case file's or agreement's status key, an AI system's lifecycle status; "
        "`published` for briefs and for systems whose lifecycle is not known."
    )
    date = serializers.DateField(
        allow_null=True,
        help_text="Reported, publication or start date, else the date it went live on the hub.",
    )


class FacetValueSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField(help_text="In the requested `locale`.")
    count = serializers.IntegerField(
        min_value=0, help_text="Results with this value, counted with every other facet's selection applied."
    )
    selected = serializers.BooleanField()


class FacetsSerializer(serializers.Serializer):
    """Per facet, the values with results (and the selected ones), in vocabulary order. The
    facets item types declare (a register entry's `lifecycle`, `technique`, `disclosure`) are
    counted on every search, whatever the type filter."""

    def get_fields(self):
        fields = {facet: FacetValueSerializer(many=True) for facet in FACETS}
        for key, facet in declared_facets().items():
            fields[key] = FacetValueSerializer(many=True, help_text=str(facet.label))
        return fields


class SearchResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField(min_value=0)
    page = serializers.IntegerField(min_value=1)
    page_size = serializers.IntegerField(min_value=1)
    results = SearchHitSerializer(many=True)
    facets = FacetsSerializer()


class TermSerializer(serializers.Serializer):
    """A vocabulary term: its stable key and its label in each interface language."""

    key = serializers.CharField()
    labels = LanguageLabels()


class OrganizationSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField(help_text="In the language of the item's version returned.")
    kind = serializers.ChoiceField(choices=Organization.Kind.values)
    website = serializers.CharField(allow_blank=True)


class ItemDatesSerializer(serializers.Serializer):
    first_published = serializers.DateTimeField(
        allow_null=True, help_text="When this version first went live."
    )
    last_published = serializers.DateTimeField(
        allow_null=True, help_text="When this version was last published."
    )
    reported = serializers.DateField(allow_null=True, help_text="Case files: when first reported.")
    publication = serializers.DateField(allow_null=True, help_text="Briefs: publication date.")
    start = serializers.DateField(allow_null=True, help_text="Agreements: start date.")
    end = serializers.DateField(allow_null=True, help_text="Agreements: end date.")
    next_review = serializers.DateField(
        allow_null=True, help_text="Reports: when the body will next report on its follow-up."
    )


class ItemReferenceSerializer(serializers.Serializer):
    """Another published item, in the requested language when it is translated into it."""

    id = serializers.CharField()
    type = ItemTypeField()
    title = serializers.CharField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    url = serializers.URLField()


class CitedCasefileSerializer(ItemReferenceSerializer):
    pinpoint = serializers.CharField(
        allow_blank=True, help_text="Which part of the case file supports the brief."
    )


class EvidenceSourceSerializer(serializers.Serializer):
    title = serializers.CharField(allow_blank=True)
    url = serializers.CharField()
    publisher = serializers.CharField(allow_blank=True)
    date = serializers.DateField(allow_null=True)
    archived_url = serializers.CharField(allow_null=True, help_text="An archived copy, if one was recorded.")


class TestimonySerializer(serializers.Serializer):
    """A testimony the person agreed to see in exports; never any detail of the consent."""

    reference = serializers.CharField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    text = serializers.CharField()
    plain_text = serializers.CharField(allow_blank=True)
    identification = serializers.ChoiceField(choices=["named", "pseudonym", "anonymous"])
    name = serializers.CharField(allow_blank=True, help_text="Empty for an anonymous testimony.")
    context = serializers.CharField(allow_blank=True)


class AuthorSerializer(serializers.Serializer):
    person = serializers.CharField(allow_blank=True)
    organization = OrganizationSerializer(allow_null=True)


class ToolkitResourceSerializer(ItemReferenceSerializer):
    note = serializers.CharField(allow_blank=True, help_text="Its part in the toolkit.")


class PartySerializer(serializers.Serializer):
    organization = OrganizationSerializer()
    role = TermSerializer()


class SignatorySerializer(serializers.Serializer):
    name = serializers.CharField()
    title = serializers.CharField(allow_blank=True)
    organization = OrganizationSerializer(allow_null=True)
    signed_on = serializers.DateField(allow_null=True)


class EvidenceSerializer(serializers.Serializer):
    url = serializers.URLField()
    title = serializers.CharField(allow_blank=True)


class CommitmentUpdateSerializer(serializers.Serializer):
    """A published progress update: public for good, never changed; a correction is a new one."""

    date = serializers.DateField(help_text="When things stood as it says.")
    published = serializers.DateTimeField()
    status = TermSerializer()
    progress = serializers.IntegerField(
        min_value=0, max_value=100, allow_null=True, help_text="Percent done."
    )
    note = serializers.CharField()
    language = serializers.ChoiceField(
        choices=LANGUAGE_CODES, help_text="The note's (updates are not translated)."
    )
    evidence = EvidenceSerializer(allow_null=True)
    corrects = serializers.DateTimeField(
        allow_null=True, help_text="The `published` moment of the update of this commitment it corrects."
    )


class CommitmentSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="Its public id: the item's, then `-C` and its number.")
    number = serializers.IntegerField(min_value=1, help_text="Given once, never reused.")
    text = serializers.CharField()
    owner = OrganizationSerializer(help_text="The organization responsible.")
    owner_role = serializers.CharField(allow_blank=True, help_text="Who in that organization.")
    due_date = serializers.DateField(allow_null=True)
    status = TermSerializer(
        help_text="Its latest published update's; `planned` while it has none (a correction replaces what it corrects)."
    )
    progress = serializers.IntegerField(
        min_value=0, max_value=100, allow_null=True, help_text="Likewise, in percent."
    )
    last_update = serializers.DateField(allow_null=True, help_text="The date of that update.")
    recommendation = serializers.IntegerField(
        min_value=1, allow_null=True, help_text="Reports: the number of the recommendation it follows from."
    )
    updates = CommitmentUpdateSerializer(many=True, help_text="Its published updates, newest first.")


class RecommendationSerializer(serializers.Serializer):
    """A report's recommendation and the public body's official response (its own words)."""

    id = serializers.CharField(help_text="Its public id: the report's, then `-R` and its number.")
    number = serializers.IntegerField(min_value=1, help_text="Given once, never reused.")
    text = serializers.CharField()
    response = TermSerializer(
        help_text="accepted, partly-accepted, rejected, under-study, or awaiting while there is none: "
        "the keys of the search's `response` facet."
    )
    response_reasons = serializers.CharField(allow_null=True, help_text="The reasons the body gave.")
    response_date = serializers.DateField(allow_null=True)
    responding_body = OrganizationSerializer(allow_null=True, help_text="Who responded; null while awaited.")
    commitments = serializers.ListField(
        child=serializers.CharField(), help_text="Ids of the report's commitments that follow from it."
    )


class QuoteSerializer(serializers.Serializer):
    text = serializers.CharField()
    testimony_url = serializers.CharField(
        allow_null=True,
        help_text="Where the testimony it comes from is shown; a testimony's quote is given only "
        "while the testimony is shown publicly.",
    )


class ThemeSerializer(serializers.Serializer):
    title = serializers.CharField()
    account = serializers.CharField(help_text="A short account in plain language.")
    quotes = QuoteSerializer(many=True)


class OutsideConsultationSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.CharField(allow_null=True)


class DisclosureSerializer(serializers.Serializer):
    """How much of the register's expected fields the organization's published declaration gives."""

    disclosed = serializers.IntegerField(min_value=0)
    expected = serializers.IntegerField(min_value=1)
    level = TermSerializer(help_text="The keys of the search's `disclosure` facet.")


class DeclarationSerializer(serializers.Serializer):
    """The organization's document its published declaration comes from."""

    title = serializers.CharField()
    url = serializers.CharField(allow_blank=True)
    date = serializers.DateField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES, help_text="The language of the declaration.")


RECORD_HELP = (
    "AI systems: every field of the register, in the standards' order, as {}. Text, addresses and "
    "months (`YYYY-MM`) are strings; choices (`lifecycle_status`, `automation`, `personal_data`, "
    "`technique`, `consultation_held`) terms; `vendors` organizations; `impact_assessments` a list of "
    "`{{kind (term), date, url, note}}`; `risks_mitigations` a list of `{{risk, mitigation}}`; null or "
    "an empty list where the record gives nothing."
)


class VenueSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The same in every language.")
    name = serializers.CharField()
    kind = TermSerializer()
    street_address = serializers.CharField()
    municipality = serializers.CharField()
    postal_code = serializers.CharField(allow_blank=True)
    region = serializers.CharField(allow_null=True, help_text="The key of the region.")
    phone = serializers.CharField(allow_blank=True)
    accessibility = TermSerializer(
        many=True, help_text="The features confirmed; an absent one is not confirmed."
    )
    keroul_rating = TermSerializer(allow_null=True, help_text="Kéroul's rating; null when not rated.")


class SessionSerializer(serializers.Serializer):
    """A dialogue's session: its facts (from the version the dialogue was written in) and its
    words in the language returned."""

    key = serializers.CharField(help_text="Stable across languages and edits (the calendars' UID).")
    title = serializers.CharField(allow_blank=True)
    starts_at = serializers.DateTimeField(help_text="Québec time, with its offset.")
    ends_at = serializers.DateTimeField()
    format = TermSerializer()
    status = TermSerializer()
    status_note = serializers.CharField(allow_blank=True)
    venue = VenueSerializer(allow_null=True)
    online_url = serializers.URLField(
        allow_null=True, help_text="Null when registration is on the hub: only registered people get it."
    )
    languages = serializers.ListField(child=serializers.CharField())
    accommodations = TermSerializer(many=True, help_text="LSQ or ASL interpretation, captions, childcare...")
    what_to_bring = serializers.CharField(allow_blank=True)
    registration = TermSerializer()
    registration_url = serializers.URLField(allow_null=True)
    registration_phone = serializers.CharField(allow_blank=True)
    capacity = serializers.IntegerField(allow_null=True)
    sequence = serializers.IntegerField(help_text="Raised when its time, place, format or status changes.")
    changed_at = serializers.DateTimeField(allow_null=True)


class ItemSerializer(serializers.Serializer):
    """One published item. Every key is always present: what does not apply to the item's type
    is null or an empty list."""

    id = serializers.CharField(help_text="Public id, the same in every language.")
    type = ItemTypeField()
    title = serializers.CharField()
    summary = serializers.CharField()
    plain_summary = serializers.CharField(help_text="Short sentences and everyday words.")
    language = serializers.ChoiceField(
        choices=LANGUAGE_CODES,
        help_text="The language of the version returned: the one requested when the item is "
        "translated into it, otherwise its original language.",
    )
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=LANGUAGE_CODES), help_text="Languages the item is published in."
    )
    urls = LanguageUrls()
    dates = ItemDatesSerializer()
    services = TermSerializer(many=True)
    regions = TermSerializer(many=True)
    risks = TermSerializer(many=True, help_text="Case files, briefs, dialogues and learning resources.")
    impact_level = TermSerializer(
        allow_null=True,
        help_text="Case files: key `1`–`4` (Directive on Automated Decision-Making) or `none` when "
        "not assessed, the keys of the search's `level` facet. Null for other types.",
    )
    status = TermSerializer(
        allow_null=True, help_text="Case files (the system) and agreements; null for briefs."
    )
    municipality = serializers.CharField(allow_null=True, help_text="Case files.")
    agency = OrganizationSerializer(
        allow_null=True, help_text="Case files: the public body using the system."
    )
    vendor = OrganizationSerializer(allow_null=True, help_text="Case files.")
    ai_system = serializers.CharField(
        allow_null=True, help_text="Case files: the name of the system's entry in the register."
    )
    system = ItemReferenceSerializer(
        allow_null=True,
        help_text="Case files: the system's entry in the register; null until it is published.",
    )
    decision_role = serializers.CharField(
        allow_null=True, help_text="Case files: what the system decides or assists."
    )
    automation = TermSerializer(allow_null=True, help_text="Case files: degree of automation, if recorded.")
    evidence_sources = EvidenceSourceSerializer(many=True, help_text="Case files, in the order of the page.")
    related_casefiles = ItemReferenceSerializer(many=True, help_text="Case files.")
    cited_by = ItemReferenceSerializer(many=True, help_text="Case files: published briefs citing it.")
    exportable_testimonies = TestimonySerializer(many=True, help_text="Case files.")
    version = serializers.CharField(allow_null=True, help_text="Briefs.")
    authors = AuthorSerializer(
        many=True, help_text="Briefs; learning resources: its people, then its organizations."
    )
    cited_casefiles = CitedCasefileSerializer(
        many=True, help_text="Briefs: published case files cited, in order."
    )
    scope = serializers.CharField(allow_null=True, help_text="Agreements.")
    citizen_role = serializers.CharField(
        allow_null=True, help_text="Agreements: the role of citizens in governance."
    )
    parties = PartySerializer(many=True, help_text="Agreements.")
    signatories = SignatorySerializer(many=True, help_text="Agreements.")
    commitments = CommitmentSerializer(
        many=True, help_text="Agreements and reports, in the order of the page."
    )
    organization = OrganizationSerializer(allow_null=True, help_text="AI systems: the public body using it.")
    unit = serializers.CharField(
        allow_null=True, allow_blank=True, help_text="AI systems: its branch or service."
    )
    community_record = serializers.DictField(
        allow_null=True, help_text=RECORD_HELP.format("the community documented it")
    )
    declared_record = serializers.DictField(
        allow_null=True,
        help_text=RECORD_HELP.format("the organization's published declaration gives it")
        + " Null when the organization has published none; its drafts are never shown.",
    )
    not_disclosed = serializers.ListField(
        child=serializers.CharField(),
        help_text="AI systems: the fields the organization has said it does not make public.",
    )
    disclosure = DisclosureSerializer(allow_null=True, help_text="AI systems.")
    declaration = DeclarationSerializer(
        allow_null=True, help_text="AI systems: null when nothing is declared."
    )
    casefiles = ItemReferenceSerializer(
        many=True,
        help_text="AI systems: the published case files about it; learning resources: the published case "
        "files it links to.",
    )
    kind = TermSerializer(allow_null=True, help_text="Dialogues: workshop, consultation, forum...")
    organizers = OrganizationSerializer(many=True, help_text="Dialogues.")
    receiving_body = OrganizationSerializer(
        allow_null=True, help_text="Dialogues: the public body that receives what comes out."
    )
    question = serializers.CharField(allow_null=True, help_text="Dialogues: the question on the table.")
    can_change = serializers.CharField(allow_null=True, help_text="Dialogues.")
    cannot_change = serializers.CharField(allow_null=True, help_text="Dialogues.")
    decided_by = serializers.CharField(
        allow_null=True, help_text="Dialogues and reports: who decides, and when."
    )
    sessions = SessionSerializer(many=True, help_text="Dialogues, in time order.")
    attendance = serializers.IntegerField(allow_null=True, help_text="Dialogues: people present, afterwards.")
    dialogues = ItemReferenceSerializer(
        many=True,
        help_text="Reports: the published dialogues it is about; learning resources: the published "
        "dialogues using it.",
    )
    outside_consultation = OutsideConsultationSerializer(
        allow_null=True, help_text="Reports: a consultation held elsewhere that it is about."
    )
    addressed_to = OrganizationSerializer(
        allow_null=True, help_text="Reports: the public body that answers its recommendations."
    )
    commissioned_by = OrganizationSerializer(
        allow_null=True, help_text="Reports: who asked for the consultation."
    )
    could_change = serializers.CharField(allow_null=True, help_text="Reports: what could change.")
    method = serializers.CharField(allow_null=True, help_text="Reports: dates, places, formats, outreach.")
    participants = serializers.IntegerField(allow_null=True, help_text="Reports: how many people took part.")
    organizations_present = OrganizationSerializer(many=True, help_text="Reports.")
    missing = serializers.CharField(allow_null=True, help_text="Reports: who was missing, and why.")
    themes = ThemeSerializer(many=True, help_text="Reports: what was heard, theme by theme.")
    recommendations = RecommendationSerializer(
        many=True, help_text="Reports, with the public body's responses, in the order of the page."
    )
    resource_format = TermSerializer(
        allow_null=True,
        help_text="Learning resources: easy-to-read guide, video capsule... (search facet `resource_format`).",
    )
    audiences = TermSerializer(many=True, help_text="Learning resources: for whom (search facet `audience`).")
    learning_level = TermSerializer(
        allow_null=True,
        help_text="Learning resources: first steps, intermediate, advanced (search facet `learning_level`).",
    )
    duration_minutes = serializers.IntegerField(
        allow_null=True, help_text="Learning resources and toolkits: to read, watch, listen or run it."
    )
    resource_languages = TermSerializer(
        many=True,
        help_text="Learning resources: every language it exists in (search facet `resource_language`).",
    )
    learning_outcomes = serializers.ListField(
        child=serializers.CharField(),
        help_text="Learning resources: what you will learn, five points at most.",
    )
    licence = TermSerializer(allow_null=True, help_text="Learning resources: its Creative Commons licence.")
    accessibility_features = TermSerializer(
        many=True,
        help_text="Learning resources, in the version returned: captions, transcript, audio description, "
        "sign language, easy to read, large print (search facet `learning_access`).",
    )
    systems = ItemReferenceSerializer(
        many=True, help_text="Learning resources: the published AI systems it links to."
    )
    purpose = serializers.CharField(allow_null=True, help_text="Toolkits: what it is for.")
    how_to_use = serializers.CharField(allow_null=True, help_text="Toolkits.")
    resources = ToolkitResourceSerializer(many=True, help_text="Toolkits: its published resources, in order.")
