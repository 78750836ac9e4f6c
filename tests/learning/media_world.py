"""Audio and video as the tests need them: real files (``media_samples``), complete or missing
one thing, for the publication rules, the player, the leak tests and the permission matrix."""

from django.core.files.base import ContentFile

from tests.factories import LearningMediaFactory, LearningResourcePageFactory
from tests.learning.media_samples import audio_file, video_file, vtt

VIDEO_SECONDS = 2
CAPTIONS_FR = vtt(
    ("00:00.000", "00:01.000", "Bonjour, voici une capsule fictive."), ("00:01.000", "00:02.000", "Fin.")
)
CAPTIONS_EN = vtt(
    ("00:00.000", "00:01.000", "Hello, this is a fictional capsule."), ("00:01.000", "00:02.000", "End.")
)


def captions(text, name):
    return ContentFile(text.encode("utf-8"), name=name)


def complete_video(**fields):
    """A video with everything publishing asks for in French and English."""
    values = {
        "type": "video",
        "file": video_file(seconds=VIDEO_SECONDS),
        "duration": VIDEO_SECONDS,
        "width": 64,
        "height": 48,
        "spoken_language": "fr",
        "captions_fr": captions(CAPTIONS_FR, "capsule-fr.vtt"),
        "captions_en": captions(CAPTIONS_EN, "capsule-en.vtt"),
        "transcript_fr": "Bonjour, voici une capsule fictive. Une personne montre un formulaire.",
        "transcript_en": "Hello, this is a fictional capsule. A person shows a form.",
        "audio_description": "not-needed",
        **fields,
    }
    return LearningMediaFactory(**values)


def complete_audio(**fields):
    values = {
        "type": "audio",
        "file": audio_file(seconds=2),
        "duration": 2,
        "spoken_language": "fr",
        "transcript_fr": "Balado fictif : une bibliothécaire parle d'IA.",
        "transcript_en": "Fictional podcast: a librarian talks about AI.",
        **fields,
    }
    return LearningMediaFactory(**values)


def video_resource(recording, **fields):
    return LearningResourcePageFactory(format="video", recording=recording, **fields)


def audio_resource(recording, **fields):
    return LearningResourcePageFactory(format="audio", recording=recording, **fields)
