"""The permission matrix's audio and video rows: the files of a recording (the media file, its
thumbnail, its captions) against each role, and who may upload, change and choose recordings in
the admin.

A recording's files are public while a live, public learning resource plays it (and its
described and sign-language versions with it); otherwise only those who may see it in the
admin get them: reviewers and administrators, and a community editor for the recordings they
uploaded (wagtailmedia has no "choose" permission: an editor chooses and changes their own
uploads, a reviewer any recording of the hub's collection). Municipal partners write no
learning resource: the media library is not theirs. Publishing is the page's
(tests/learning/test_media_rules.py)."""

from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse

from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, REVIEWERS
from tests.factories import OrganizationFactory, role_user
from tests.hub.test_permission_matrix import (
    ADMIN,
    ANONYMOUS,
    DENIED,
    EDITOR,
    HIDDEN,
    LOGIN,
    OK,
    PARTNER,
    REVIEWER,
    MatrixChecks,
    row,
)
from tests.learning.media_world import complete_video, video_resource

ANY_RECORDING = (HIDDEN, HIDDEN, OK, HIDDEN, OK)
OWN_RECORDING = (HIDDEN, OK, OK, HIDDEN, OK)
EVERYONE = (OK, OK, OK, OK, OK)
LIBRARY = (LOGIN, OK, OK, DENIED, OK)
CHANGE_ANY = (LOGIN, DENIED, OK, DENIED, OK)


def media_file(name, field="file"):
    return lambda o: getattr(getattr(o, name), field).url


def admin_url(view, name=None):
    return lambda o: reverse(f"wagtailmedia:{view}", args=[getattr(o, name).pk] if name else [])


# fmt: off
#                                                                   anonymous editor reviewer partner admin
LEARNING_MEDIA_MATRIX = [
    # --- Played by a live resource.
    row("file of a played video", media_file("played"), *EVERYONE),
    row("French captions of a played video", media_file("played", "captions_fr"), *EVERYONE),
    row("English captions of a played video", media_file("played", "captions_en"), *EVERYONE),
    row("thumbnail of a played video", media_file("played", "thumbnail"), *EVERYONE),
    row("its described version", media_file("described"), *EVERYONE),
    row("its sign-language version", media_file("signed"), *EVERYONE),
    # --- Played by no live page: a script's upload, and the editor's own upload.
    row("file of an unused video", media_file("unused"), *ANY_RECORDING),
    row("captions of an unused video", media_file("unused", "captions_fr"), *ANY_RECORDING),
    row("thumbnail of an unused video", media_file("unused", "thumbnail"), *ANY_RECORDING),
    row("file of the editor's unused video", media_file("editors"), *OWN_RECORDING),
    row("captions of the editor's unused video", media_file("editors", "captions_fr"), *OWN_RECORDING),
    # --- The admin's media library.
    row("media library", admin_url("index"), *LIBRARY),
    row("upload a video", lambda o: reverse("wagtailmedia:add", args=["video"]), *LIBRARY),
    # wagtailmedia's chooser opens for anyone in the admin, listing what they may change (below).
    row("choose a video", lambda o: reverse("wagtailmedia:chooser"), LOGIN, OK, OK, OK, OK),
    row("change the editor's video", admin_url("edit", "editors"), *LIBRARY),
    row("change a video of a script", admin_url("edit", "unused"), *CHANGE_ANY),
]
# fmt: on


def with_thumbnail(media, name):
    media.thumbnail.save(name, ContentFile(b"\x89PNG fictif"), save=True)
    return media


class LearningMediaPermissionMatrixTests(MatrixChecks, TestCase):
    matrix = LEARNING_MEDIA_MATRIX

    @classmethod
    def setUpTestData(cls):
        o = type("Objects", (), {})()
        o.described = complete_video(title="Version décrite")
        o.signed = complete_video(title="Version LSQ")
        o.played = with_thumbnail(
            complete_video(
                title="Capsule jouée",
                audio_description="described-version",
                described_version=o.described,
                sign_language_version=o.signed,
                sign_language="lsq",
            ),
            "jouee.png",
        )
        video_resource(o.played)
        o.unused = with_thumbnail(complete_video(title="Capsule inutilisée"), "inutilisee.png")
        editor = role_user(COMMUNITY_EDITORS, "editrice")
        o.editors = complete_video(title="Capsule de l'éditrice", uploaded_by_user=editor)
        partner_organization = OrganizationFactory(name="Ville fictive")
        o.users = {
            ANONYMOUS: None,
            EDITOR: editor,
            REVIEWER: role_user(REVIEWERS, "reviseur"),
            PARTNER: role_user(MUNICIPAL_PARTNERS, "partenaire", organization=partner_organization),
            ADMIN: role_user(None, "administratrice"),
        }
        cls.o = o

    def test_the_chooser_lists_only_the_recordings_one_may_change(self):
        titles = {"unused": "Capsule inutilisée", "editors": "Capsule de l&#x27;éditrice"}
        expected = {
            EDITOR: {"editors"},
            REVIEWER: {"unused", "editors"},
            PARTNER: set(),
            ADMIN: {"unused", "editors"},
        }
        for role, listed in expected.items():
            with self.subTest(role=role):
                self.client.force_login(self.o.users[role])
                html = self.client.get(reverse("wagtailmedia:chooser")).json()["html"]
                self.assertEqual({name for name, title in titles.items() if title in html}, listed)
