"""What the outlets (search, items API, citations) ask of a learning resource and of a toolkit:
the overrides of ``hub.models.ItemPage``'s defaults, and the values of the facets a resource
declares (``learning.items``).

A resource is found by what a reader needs to use it: the accessibility facet reads its
recording in the page's own language (captions in English do not help a French reader), and its
search text holds the transcript in that language, so that a search finds words said in a video."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hub.items import public_pages, type_for_public_id

from .items import LEARNING_RESOURCE


class AccessFeature:
    """The values of the ``learning_access`` facet: what a resource offers a reader with a
    disability or who reads with difficulty. Keys are stable (URLs, API, open data)."""

    CAPTIONS = "captions"
    TRANSCRIPT = "transcript"
    AUDIO_DESCRIPTION = "audio_description"
    SIGN_LANGUAGE = "sign_language"
    EASY_TO_READ = "easy_to_read"
    LARGE_PRINT = "large_print"

    choices = (
        (CAPTIONS, pgettext_lazy("accessibility feature", "Captions")),
        (TRANSCRIPT, pgettext_lazy("accessibility feature", "Transcript")),
        (AUDIO_DESCRIPTION, pgettext_lazy("accessibility feature", "Audio description")),
        (SIGN_LANGUAGE, pgettext_lazy("accessibility feature", "Sign language (LSQ or ASL)")),
        (EASY_TO_READ, pgettext_lazy("accessibility feature", "Easy to read (FALC)")),
        (LARGE_PRINT, pgettext_lazy("accessibility feature", "Large print")),
    )


def access_features(page):
    """The keys of ``AccessFeature`` that hold for ``page`` (a resource version), in the order of
    the vocabulary, read from its recording in the page's language and from its own flags."""
    language = page.locale.language_code
    recording = page.recording if page.recording_id else None
    held = set()
    if recording is not None:
        if recording.captions_in(language):
            held.add(AccessFeature.CAPTIONS)
        if recording.transcript_in(language).strip():
            held.add(AccessFeature.TRANSCRIPT)
        if recording.described_version_id or recording.audio_description == "text-alternative":
            held.add(AccessFeature.AUDIO_DESCRIPTION)
        if recording.sign_language_version_id:
            held.add(AccessFeature.SIGN_LANGUAGE)
    if page.easy_to_read:
        held.add(AccessFeature.EASY_TO_READ)
    if page.large_print:
        held.add(AccessFeature.LARGE_PRINT)
    return [key for key, _label in AccessFeature.choices if key in held]


def person_names(authors):
    """The people of a resource's ``authors`` line ("Ana Roy, Luc Tremblay"), in order."""
    return [name.strip() for name in (authors or "").replace(";", ",").split(",") if name.strip()]


class LearningOutlets:
    # --- search: what it asks of an item ---

    @classmethod
    def search_related(cls, pages):
        return pages.select_related("recording").prefetch_related("organizations")

    def search_body_parts(self):
        """What it teaches, its text, what is said in its recording (the transcript in the page's
        language), its authors and organizations."""
        recording = self.recording if self.recording_id else None
        transcript = recording.transcript_in(self.locale.language_code) if recording else ""
        return [
            self.learning_outcomes,
            *self.stream_text(self.body),
            transcript,
            self.authors,
            *(organization.name for organization in self.organizations.all()),
        ]

    # The resource's facets (``learning.items``): a facet with several values gives a list.

    def resource_format_facet(self):
        return self.format or None

    def audience_facet(self):
        return list(self.audiences or [])

    def learning_level_facet(self):
        return self.level or None

    def resource_language_facet(self):
        return list(self.languages or [])

    def learning_access_facet(self):
        return access_features(self)

    # --- items API: what it asks of an item ---

    def api_record(self, api):
        from .records import resource_record

        return resource_record(self, api)

    # --- citations: what it asks of an item ---

    def citation_heading(self):
        return _("Cite this resource")

    def citation_authors(self):
        """Its authors, then its organizations; nobody when neither is given (the hub then stands
        as its author)."""
        return [(name, "", {}) for name in person_names(self.authors)] + [
            ("", organization.name, {}) for organization in self.organizations.all()
        ]

    def citation_about(self):
        return (*super().citation_about(), "risks")


class ToolkitOutlets:
    """A toolkit declares no facet of its own: facet keys are unique across types, and what a
    reader filters on (format, audience, level, accessibility) belongs to each of its resources,
    which are found by those facets and each link to the toolkits holding them. A toolkit is
    found by its type, its services and regions, and its words."""

    def public_members(self):
        """Its public resources, in order, with each one's note: a draft or private resource is
        nobody's business outside the admin."""
        members = list(self.members.select_related("resource").order_by("sort_order", "pk"))
        shown = {page.pk for page in public_pages([member.resource for member in members])}
        return [member for member in members if member.resource_id in shown]

    # --- changes: what the one change announcement asks of an item type ---

    @classmethod
    def public_ids_showing(cls, public_ids):
        """The toolkits holding one of these resources: their words, API records and open-data
        rows list their public resources, so a resource published, renamed, unpublished, moved or
        made private changes them (a resource in a toolkit cannot be deleted)."""
        resource_ids = [
            public_id for public_id in public_ids if type_for_public_id(public_id) == LEARNING_RESOURCE
        ]
        if not resource_ids:
            return set()
        holding = cls.objects.filter(members__resource__public_id__in=resource_ids)
        return set(holding.values_list("public_id", flat=True))

    # --- search: what it asks of an item ---

    def search_body_parts(self):
        """Its purpose, how to use it, and each public resource's title and part in it."""
        parts = [self.purpose, self.how_to_use]
        for member in self.public_members():
            parts += [member.resource.title, member.note]
        return parts

    # --- items API: what it asks of an item ---

    def api_record(self, api):
        from .records import toolkit_record

        return toolkit_record(self, api)

    # --- citations: what it asks of an item ---

    def citation_heading(self):
        return _("Cite this toolkit")
