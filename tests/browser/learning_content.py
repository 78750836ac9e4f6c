"""The learning pages the browser tests visit (issue 18): an easy-to-read video resource whose
recording (a real, playable WebM) has French and English captions and transcripts (so the player,
its tracks and the transcript show),
an audio resource with its transcripts, a toolkit holding both, and the two indexes; each with
its English translation. Everything is fictional and says so."""

import datetime

from django.core.files.base import ContentFile

from learning.models import AudioDescription, ResourceFormat
from tests.factories import (
    LearningMediaFactory,
    LearningResourcePageFactory,
    ToolkitPageFactory,
    paragraph,
    translate_page,
)
from tests.learning.media_samples import video_file

CAPTIONS = {
    "fr": "WEBVTT\n\n00:00.000 --> 00:04.000\nBonjour. Voici une capsule fictive sur l'IA.\n",
    "en": "WEBVTT\n\n00:00.000 --> 00:04.000\nHello. This is a fictional capsule on AI.\n",
}
TRANSCRIPTS = {
    "fr": "Bonjour. Voici une capsule fictive sur l'IA. Une machine trie les demandes.",
    "en": "Hello. This is a fictional capsule on AI. A machine sorts the requests.",
}
TEXTS = {
    "video": {
        "fr": {"title": "Capsule fictive : une machine trie les demandes", "slug": "capsule-fictive"},
        "en": {"title": "Fictional capsule: a machine sorts requests", "slug": "fictional-capsule"},
    },
    "audio": {
        "fr": {"title": "Balado fictif : qui décide ?", "slug": "balado-fictif"},
        "en": {"title": "Fictional podcast: who decides?", "slug": "fictional-podcast"},
    },
    "toolkit": {
        "fr": {"title": "Trousse fictive pour un atelier à la bibliothèque", "slug": "trousse-fictive"},
        "en": {"title": "Fictional toolkit for a library workshop", "slug": "fictional-toolkit"},
    },
}
OUTCOMES = {
    "fr": "Ce qu'est un système d'IA.\nOù il sert dans les services publics.\nQui peut vous aider.",
    "en": "What an AI system is.\nWhere public services use it.\nWho can help you.",
}


VIDEO_SECONDS = 5


def recording(kind):
    playable = (
        {"file": video_file(seconds=VIDEO_SECONDS), "duration": VIDEO_SECONDS} if kind == "video" else {}
    )
    media = LearningMediaFactory(
        **playable,
        type=kind,
        title=f"Enregistrement fictif ({kind})",
        transcript_fr=TRANSCRIPTS["fr"],
        transcript_en=TRANSCRIPTS["en"],
        audio_description=AudioDescription.NOT_NEEDED if kind == "video" else "",
        spoken_language="fr",
    )
    if kind == "video":
        for language, text in CAPTIONS.items():
            getattr(media, f"captions_{language}").save(f"fictif-{language}.vtt", ContentFile(text.encode()))
    return media


def resource(kind, resource_format, dialogue, **fields):
    french = LearningResourcePageFactory(
        **fields,
        **TEXTS[kind]["fr"],
        format=resource_format,
        duration_minutes=4,
        languages=["fr", "en"],
        learning_outcomes=OUTCOMES["fr"],
        recording=recording(kind),
        authors="Équipe fictive de la Vigie",
        body=[paragraph("Une ressource fictive, faite pour les tests du navigateur.")],
    )
    french.dialogues = [dialogue]
    french.save_revision().publish()
    english = translate_page(
        french,
        **TEXTS[kind]["en"],
        learning_outcomes=OUTCOMES["en"],
        body=[paragraph("A fictional resource, made for the browser tests.")],
    )
    return french, english


def learning_content(content, skeleton, dialogue):
    """Adds "learning index", "toolkit index", "video resource", "audio resource" and "toolkit"."""
    for name, model_path in (
        ("learning index", "learning.LearningIndexPage"),
        ("toolkit index", "learning.ToolkitIndexPage"),
    ):
        content.add(name, skeleton["fr"][model_path], skeleton["en"][model_path])
    video = resource(
        "video",
        ResourceFormat.VIDEO,
        dialogue,
        easy_to_read=True,
        easy_to_read_tested_with="Un groupe fictif de six adultes d'un centre d'alphabétisation",
        easy_to_read_tested_on=datetime.date(2026, 3, 2),
    )
    audio = resource("audio", ResourceFormat.AUDIO, dialogue)
    content.add("video resource", *video)
    content.add("audio resource", *audio)
    toolkit = ToolkitPageFactory(
        **TEXTS["toolkit"]["fr"],
        purpose="Animer un atelier fictif de 90 minutes sur l'IA à la bibliothèque.",
        how_to_use="Regardez la capsule, puis écoutez le balado en groupe.",
        duration_minutes=90,
        members=[video[0], audio[0]],
    )
    english = translate_page(
        toolkit,
        **TEXTS["toolkit"]["en"],
        purpose="Run a fictional 90-minute workshop on AI at the library.",
        how_to_use="Watch the capsule, then listen to the podcast as a group.",
    )
    content.add("toolkit", toolkit, english)
