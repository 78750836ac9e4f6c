"""wagtailmedia's add and edit views with the hub's form: the file's kind, duration and size are
read from the file, an unreadable file is refused, and each captions file must be UTF-8 WebVTT
whose cues fit in the media."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from hub.roles import media_collection
from learning.models import LearningMedia
from tests.learning.media_samples import vtt, wav_audio, webm_video
from tests.learning.media_world import complete_video

pytestmark = pytest.mark.django_db

GOOD_CAPTIONS = vtt(("00:00.000", "00:01.000", "Bonjour."), ("00:01.000", "00:02.000", "Au revoir."))


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def add_form(file, **fields):
    return {
        "title": "Capsule fictive",
        "file": file,
        "collection": str(media_collection().pk),
        "tags": "",
        "duration": "999",  # typed by the editor: ignored
        "width": "1",
        "height": "1",
        "spoken_language": "fr",
        "transcript_fr": "",
        "transcript_en": "",
        "audio_description": "",
        "described_version": "",
        "sign_language_version": "",
        "sign_language": "",
        **fields,
    }


def post_add(client, media_type, data):
    with translation.override("en"):
        return client.post(reverse("wagtailmedia:add", args=(media_type,)), data, HTTP_ACCEPT_LANGUAGE="en")


def field_errors(response, name):
    return [str(error) for error in response.context["form"].errors.get(name, [])]


def test_a_video_upload_gets_its_real_duration_and_size(superuser_client):
    data = add_form(
        upload("capsule.webm", webm_video(seconds=2)),
        captions_fr=upload("capsule-fr.vtt", GOOD_CAPTIONS.encode(), "text/vtt"),
    )

    response = post_add(superuser_client, "video", data)

    assert response.status_code == 302, response.context and response.context["form"].errors
    media = LearningMedia.objects.get()
    assert (media.type, media.width, media.height) == ("video", 64, 48)
    assert media.duration == pytest.approx(2.0, abs=0.05)
    assert media.captions_fr.name.endswith(".vtt")


def test_an_audio_upload_gets_its_real_duration(superuser_client):
    response = post_add(superuser_client, "audio", add_form(upload("balado.wav", wav_audio(seconds=3))))

    assert response.status_code == 302, response.context and response.context["form"].errors
    media = LearningMedia.objects.get()
    assert media.duration == pytest.approx(3.0, abs=0.01)
    assert (media.width, media.height) == (None, None)


def test_a_file_that_is_not_media_is_refused(superuser_client):
    response = post_add(superuser_client, "video", add_form(upload("faux.webm", b"pas une video" * 50)))

    assert response.status_code == 200
    assert field_errors(response, "file") == [
        "This file cannot be read as audio or video; it may be damaged."
    ]
    assert not LearningMedia.objects.exists()


def test_a_video_added_as_audio_is_refused(superuser_client):
    response = post_add(superuser_client, "audio", add_form(upload("capsule.webm", webm_video())))

    assert field_errors(response, "file") == ["This file is a video: add it as a video."]
    assert not LearningMedia.objects.exists()


def test_an_audio_added_as_video_is_refused(superuser_client):
    response = post_add(superuser_client, "video", add_form(upload("balado.webm", wav_audio())))

    assert field_errors(response, "file") == ["This file holds no pictures: add it as an audio."]
    assert not LearningMedia.objects.exists()


@pytest.mark.parametrize(
    ("captions", "error"),
    [
        (
            vtt(("00:00.000", "00:03.000", "Trop long.")),
            "line 3: the cue ends at 3.000 s, after the end of the media (2.008 s).",
        ),
        ("WEBVT\n\n00:00.000 --> 00:01.000\nUn.\n", "line 1: the file must start with the line WEBVTT."),
        (
            vtt(("00:00.000", "00:01.500", "Un."), ("00:01.000", "00:02.000", "Deux.")),
            "line 6: this cue starts before the previous one (line 3) ends: cues may not overlap.",
        ),
    ],
    ids=["past the end", "header", "overlap"],
)
def test_bad_captions_are_refused_with_their_line(superuser_client, captions, error):
    data = add_form(
        upload("capsule.webm", webm_video(seconds=2)),
        captions_en=upload("en.vtt", captions.encode(), "text/vtt"),
    )

    response = post_add(superuser_client, "video", data)

    assert response.status_code == 200
    errors = field_errors(response, "captions_en")
    assert len(errors) == 1
    # The duration is the file's as FFmpeg reads it (WebM rounds to the frame): compare the line.
    assert errors[0].split(" (")[0] == error.split(" (")[0]
    assert not LearningMedia.objects.exists()


def test_captions_must_be_vtt_and_utf8(superuser_client):
    data = add_form(
        upload("capsule.webm", webm_video()),
        captions_fr=upload("capsule.srt", b"1\n00:00:00,000 --> 00:00:01,000\nUn.\n"),
        captions_en=upload("en.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nÉté.\n".encode("latin-1")),
    )

    response = post_add(superuser_client, "video", data)

    assert "Captions must be a WebVTT file (.vtt)." in field_errors(response, "captions_fr")
    assert field_errors(response, "captions_en") == ["The file is not UTF-8 text: save it again as UTF-8."]


def test_replacing_the_file_checks_the_stored_captions_again(superuser_client):
    media = complete_video()  # captions up to 2 s
    url = reverse("wagtailmedia:edit", args=(media.pk,))
    data = add_form(
        upload("court.webm", webm_video(seconds=1)), title=media.title, audio_description="not-needed"
    )

    with translation.override("en"):
        response = superuser_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert any("after the end of the media" in error for error in field_errors(response, "captions_fr"))
    assert LearningMedia.objects.get(pk=media.pk).duration == 2


def test_editing_without_a_new_file_keeps_the_measures(superuser_client):
    media = complete_video()
    url = reverse("wagtailmedia:edit", args=(media.pk,))
    data = add_form("", title="Nouveau titre", audio_description="not-needed")
    data.pop("file")

    with translation.override("en"):
        response = superuser_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302, response.context and response.context["form"].errors
    media.refresh_from_db()
    assert (media.title, media.width, media.height) == ("Nouveau titre", 64, 48)
    assert media.duration == pytest.approx(2.0, abs=0.05)


def test_a_sign_language_version_states_its_language(superuser_client):
    media, signed = complete_video(), complete_video(title="Version LSQ")
    url = reverse("wagtailmedia:edit", args=(media.pk,))
    data = add_form(
        "", title=media.title, audio_description="not-needed", sign_language_version=str(signed.pk)
    )
    data.pop("file")

    with translation.override("en"):
        response = superuser_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")

    # The model's message is lazy: it reads in the language active where it is shown.
    with translation.override("en"):
        assert field_errors(response, "sign_language") == [
            "Say which sign language the sign-language version uses."
        ]
    assert not LearningMedia.objects.get(pk=media.pk).sign_language_version_id
