"""What a resource's audio or video must carry before the resource goes live in a language: what
WCAG 2.1 AA asks of prerecorded media (1.2.1 a transcript for audio; 1.2.2 captions, 1.2.3 and
1.2.5 audio description or a full text alternative for video), in the page's own language.

Consulted by ``publication_problems()``, so every road to publishing passes here. The captions
file is parsed again: a file attached by a script never went through the upload form's check."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from . import webvtt
from .models.fields import ResourceFormat
from .models.media import AudioDescription

LANGUAGE_NAMES = {
    "fr": pgettext_lazy("in a sentence", "French"),
    "en": pgettext_lazy("in a sentence", "English"),
}
FORMAT_KINDS = {ResourceFormat.VIDEO: "video", ResourceFormat.WEBINAR: "video", ResourceFormat.AUDIO: "audio"}


def language_name(code):
    return str(LANGUAGE_NAMES.get(code, code))


def format_problems(page, recording):
    """A video or webinar resource needs a video; an audio episode an audio."""
    kind = FORMAT_KINDS.get(page.format)
    if kind is None or (recording is not None and recording.type == kind):
        return []
    if kind == "video":
        return [_("A video or webinar resource needs a video: choose one under “Audio or video”.")]
    return [_("An audio resource needs an audio recording: choose one under “Audio or video”.")]


def captions_problems(recording, language):
    captions = recording.captions_in(language)
    where = {"media": recording.title, "language": language_name(language)}
    if not captions:
        message = _(
            "The video “%(media)s” has no captions in %(language)s: add a WebVTT file in the media library."
        )
        return [message % where]
    try:
        webvtt.parse(webvtt.read_field_file(captions), recording.duration or None)
    except (webvtt.CaptionsInvalid, OSError) as problem:
        detail = "; ".join(getattr(problem, "errors", [_("the file cannot be read")]))
        message = _("The captions in %(language)s of “%(media)s” are not valid WebVTT (%(detail)s).")
        return [message % {**where, "detail": detail}]
    return []


def transcript_problems(recording, language):
    if recording.transcript_in(language).strip():
        return []
    message = _("“%(media)s” has no transcript in %(language)s: write it in the media library.")
    return [message % {"media": recording.title, "language": language_name(language)}]


def description_problems(recording, language):
    """The audio-description decision, and what it promises."""
    decision, title = recording.audio_description, recording.title
    if not decision:
        message = _(
            "Say whether the video “%(media)s” needs audio description (“Audio description” in the media library)."
        )
        return [message % {"media": title}]
    if decision == AudioDescription.DESCRIBED_VERSION:
        described = recording.described_version
        if described is None or described.type != "video":
            message = _("The video “%(media)s” promises a described version: choose it in the media library.")
            return [message % {"media": title}]
    # A text alternative is the transcript, which every video needs anyway.
    return []


def media_problems(page):
    """The reasons ``page`` (a learning resource version) may not go live because of its media."""
    recording = page.recording
    problems = format_problems(page, recording)
    if recording is None:
        return problems
    # A page created live (``add_child``) is checked before Wagtail gives it its parent's locale.
    language = (page.locale if page.locale_id else page.get_default_locale()).language_code
    if recording.type == "video":
        problems += captions_problems(recording, language)
        problems += transcript_problems(recording, language)
        problems += description_problems(recording, language)
    else:
        problems += transcript_problems(recording, language)
    return problems
