"""The learning resources every outlet test reads: one of each kind a facet tells apart."""

import pytest
from django.core.files.base import ContentFile

from learning.models import Audience, Level, ResourceFormat
from search.backends import get_backend
from search.index import rebuild_index
from tests.factories import (
    LearningMediaFactory,
    LearningResourcePageFactory,
    OrganizationFactory,
    ToolkitPageFactory,
)

CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour.\n"


def captions(language):
    return ContentFile(CAPTIONS, name=f"capsule-{language}.vtt")


@pytest.fixture
def learning(site_pages):
    """A captioned video for citizens and facilitators (French captions and transcript only), an
    easy-to-read large-print guide, a podcast with its transcript, a draft, and a toolkit
    holding the video, the guide and the draft."""
    sign_version = LearningMediaFactory(type="video", title="Version LSQ fictive")
    video = LearningResourcePageFactory(
        title="Capsule fictive sous-titrée",
        format=ResourceFormat.VIDEO,
        audiences=[Audience.CITIZENS, Audience.FACILITATORS],
        languages=["fr", "en"],
        recording=LearningMediaFactory(
            type="video",
            spoken_language="fr",
            captions_fr=captions("fr"),
            transcript_fr="Dans cette capsule on dit le mot zèbrelune.",
            audio_description="text-alternative",
            sign_language_version=sign_version,
            sign_language="lsq",
        ),
    )
    guide = LearningResourcePageFactory(
        title="Guide fictif facile à lire",
        format=ResourceFormat.EASY_READ_GUIDE,
        audiences=[Audience.PUBLIC_SERVANTS],
        level=Level.INTERMEDIATE,
        easy_to_read=True,
        easy_to_read_tested_with="Six adultes fictifs d'un centre d'alphabétisation",
        easy_to_read_tested_on="2026-03-02",
        large_print=True,
        authors="Ana Fictive, Luc Fictif",
        organizations=[OrganizationFactory(name="Bibliothèque fictive du Lac")],
    )
    podcast = LearningResourcePageFactory(
        title="Balado fictif",
        format=ResourceFormat.AUDIO,
        level=Level.ADVANCED,
        languages=["fr", "es"],
        recording=LearningMediaFactory(transcript_fr="Un balado où l'on parle de girafon."),
    )
    draft = LearningResourcePageFactory(
        title="Ressource brouillon fictive",
        live=False,
        learning_outcomes="Un secret nommé motcaché.",
    )
    toolkit = ToolkitPageFactory(
        title="Trousse fictive de bibliothèque",
        members=[video, guide, draft],
        how_to_use="Commencer par la capsule.",
    )
    rebuild_index(get_backend())
    return {"video": video, "guide": guide, "podcast": podcast, "draft": draft, "toolkit": toolkit}
