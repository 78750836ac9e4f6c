"""A learning resource's schema.org description: a ``LearningResource``
(https://schema.org/LearningResource) with its type, level, audience, time, what it teaches, its
licence, and what a person with a disability needs to know before opening it: the accessibility
properties, their values from the W3C vocabulary schema.org names
(https://www.w3.org/2021/a11y-discov-vocab/latest/), computed from what the resource really has
in the page's language (a caption file, a transcript...), never typed by an editor. A toolkit is
a ``LearningResource`` too, whose parts (``hasPart``) are its public resources in order.

It starts from the description every item has (``citations.json_ld``). Every type, property and
value used is listed, with the release it was checked against, in
``tests/dialogues/schema_org_terms.json``."""

from django.utils import formats, translation
from django.utils.translation import gettext

from hub.items import public_pages

from .licences import licence_url
from .models.media import AudioDescription

TOOLKIT_TYPE = "toolkit"


def duration(minutes):
    """ISO 8601 duration of ``minutes`` (``PT1H30M``), schema.org's ``timeRequired``."""
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def resource_data(page, data):
    """``data`` (the generic description of ``page``) made into the resource's ``LearningResource``."""
    language = page.locale.language_code
    with translation.override(language):
        data["learningResourceType"] = str(page.get_format_display())
        data["educationalLevel"] = str(page.get_level_display())
        audiences = [
            {"@type": "EducationalAudience", "educationalRole": key, "audienceType": str(label)}
            for key, label in page.audience_choices
        ]
        summary = accessibility_summary(page, language)
    if audiences:
        data["audience"] = audiences
    if page.duration_minutes:
        data["timeRequired"] = duration(page.duration_minutes)
    if page.outcomes:
        data["teaches"] = page.outcomes
    data["license"] = licence_url(page.licence)
    terms = [
        {"@type": "DefinedTerm", "name": term.term, "termCode": term.slug}
        for term in page.glossary_terms.all()
    ]
    if terms:
        data["about"] = [*data.get("about", []), *terms]
    organizations = [{"@type": "Organization", "name": org.name} for org in page.organizations.all()]
    if organizations:
        data["sourceOrganization"] = organizations
    data.update(accessibility(page, language))
    data["accessibilitySummary"] = summary
    return data


def toolkit_data(page, data):
    """``data`` made into the toolkit's ``LearningResource``, its resources as parts in order."""
    with translation.override(page.locale.language_code):
        data["learningResourceType"] = gettext("Toolkit")
    data["educationalUse"] = page.purpose
    if page.duration_minutes:
        data["timeRequired"] = duration(page.duration_minutes)
    members = public_pages([member.resource for member in page.members.all()])
    if members:
        data["hasPart"] = [
            {
                "@type": "LearningResource",
                "identifier": resource.public_id,
                "name": resource.title,
                "url": resource.full_url,
                "learningResourceType": str(resource.get_format_display()),
            }
            for resource in members
        ]
    return data


def features(page, language):
    """The W3C ``accessibilityFeature`` values the resource has, in ``language``."""
    found = ["structuralNavigation"]  # every resource page is headed sections, h1 to h3
    if any(block.block_type == "image" for block in page.body):
        found.append("alternativeText")  # an image block cannot be saved without its text
    recording = page.recording
    if recording is not None:
        if recording.type == "video" and recording.captions_in(language):
            found.append("captions")
        if recording.transcript_in(language):
            found.append("transcript")
        if recording.type == "video" and recording.audio_description == AudioDescription.DESCRIBED_VERSION:
            found.append("audioDescription")
        if recording.sign_language_version_id:
            found.append("signLanguage")
    if page.large_print:
        found.append("largePrint")
    return found


def accessibility(page, language):
    """``accessMode``, ``accessModeSufficient``, ``accessibilityFeature``, ``accessibilityHazard``."""
    found = features(page, language)
    recording = page.recording
    video = recording is not None and recording.type == "video"
    modes = ["textual"]
    if video or "alternativeText" in found:
        modes.append("visual")
    if recording is not None:
        modes.append("auditory")
    sufficient = [modes]

    def suffices(combination):
        if combination not in sufficient:
            sufficient.append(combination)

    text_describes_all = not video or recording.audio_description in (
        AudioDescription.NOT_NEEDED,
        AudioDescription.TEXT_ALTERNATIVE,
    )
    if recording is None or ("transcript" in found and text_describes_all):
        suffices(["textual"])
    if video and "captions" in found:
        suffices(["textual", "visual"])  # the captions show what is said
    return {
        "accessMode": modes,
        "accessModeSufficient": [{"@type": "ItemList", "itemListElement": list(each)} for each in sufficient],
        "accessibilityFeature": found,
        "accessibilityHazard": ["none"],
    }


def accessibility_summary(page, language):
    """One sentence or two for a person deciding whether they can use the resource, in the
    active language. Easy-to-read has no schema.org term: it is said here, with its test."""
    found = features(page, language)
    named = {
        "captions": gettext("captions"),
        "transcript": gettext("a transcript"),
        "audioDescription": gettext("audio description"),
        "signLanguage": gettext("a sign-language version"),
        "largePrint": gettext("a large-print version"),
        "alternativeText": gettext("text alternatives for its images"),
    }
    has = [str(named[feature]) for feature in found if feature in named]
    sentences = [
        gettext("This resource is organized with headings and has %(features)s.")
        % {"features": ", ".join(has)}
        if has
        else gettext("This resource is organized with headings.")
    ]
    if page.easy_to_read and page.easy_to_read_tested_with and page.easy_to_read_tested_on:
        sentences.append(
            gettext("Easy to read (FALC): tested with %(who)s on %(date)s.")
            % {"who": page.easy_to_read_tested_with, "date": formats.date_format(page.easy_to_read_tested_on)}
        )
    return " ".join(sentences)
