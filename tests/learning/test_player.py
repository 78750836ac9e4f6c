"""The player include: native controls, no autoplay, a captions track per language with the
page's by default, the transcript under a heading in an expandable block, the alternate
versions; and the public pages' Content-Security-Policy lets the browser load them."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from tests.learning.media_world import complete_audio, complete_video

pytestmark = pytest.mark.django_db


def render(recording, language):
    with translation.override(language):
        html = render_to_string(
            "learning/includes/player.html", {"recording": recording, "language": language}
        )
    return BeautifulSoup(html, "html.parser")


def test_a_video_plays_with_native_controls_and_its_captions(site_pages):
    recording = complete_video(title="Capsule Lumière")
    recording.thumbnail.save("capsule.png", ContentFile(b"png"))

    soup = render(recording, "fr")

    video = soup.find("video")
    assert video.has_attr("controls") and video["preload"] == "metadata"
    assert not video.has_attr("autoplay")
    assert video["poster"] == recording.thumbnail.url
    assert [(source["src"], source["type"]) for source in video.find_all("source")] == [
        (recording.file.url, "video/webm")
    ]
    tracks = [
        (track["kind"], track["srclang"], track["label"], track["src"], track.has_attr("default"))
        for track in video.find_all("track")
    ]
    assert tracks == [
        ("captions", "fr", "Français", recording.captions_fr.url, True),
        ("captions", "en", "English", recording.captions_en.url, False),
    ]
    assert video.find("a", download=True)["href"] == recording.file.url
    assert soup.find("figcaption").get_text(strip=True) == "Capsule Lumière"


def test_the_transcript_is_under_a_heading_in_an_expandable_block(site_pages):
    recording = complete_video(transcript_fr="Première ligne.\nUne personne montre un formulaire.")

    soup = render(recording, "fr")

    heading = soup.find("h2")
    assert heading.get_text(strip=True) == "Transcription"
    details = soup.find("details")
    assert details.find("summary").get_text(strip=True) == "Afficher la transcription"
    assert "Une personne montre un formulaire." in details.get_text()
    assert soup.find("video").find_next("h2") is heading  # below the player
    assert (
        soup.find("section")["aria-labelledby"]
        == heading["id"]
        == f"recording-{recording.pk}-transcript-heading"
    )


def test_the_english_page_shows_english_captions_and_transcript_by_default(site_pages):
    recording = complete_video()

    soup = render(recording, "en")

    defaults = [track["srclang"] for track in soup.find_all("track") if track.has_attr("default")]
    assert defaults == ["en"]
    assert recording.transcript_en in soup.find("details").get_text()
    assert recording.transcript_fr not in soup.get_text()


def test_an_audio_has_its_player_and_transcript_and_no_video(site_pages):
    recording = complete_audio()

    soup = render(recording, "fr")

    audio = soup.find("audio")
    assert audio.has_attr("controls") and not audio.has_attr("autoplay")
    assert audio.find("source")["type"] in ("audio/wav", "audio/x-wav")
    assert soup.find("video") is None and soup.find("track") is None
    assert recording.transcript_fr in soup.find("details").get_text()


def test_the_described_and_sign_language_versions_are_linked(site_pages):
    described, signed = complete_video(title="Décrite"), complete_video(title="Signée")
    recording = complete_video(
        audio_description="described-version",
        described_version=described,
        sign_language_version=signed,
        sign_language="lsq",
    )

    soup = render(recording, "fr")

    links = {a["href"]: a.get_text(strip=True) for a in soup.select(".player__versions a")}
    assert links == {
        described.file.url: "Version avec audiodescription",
        signed.file.url: "Version en langue des signes : Langue des signes québécoise (LSQ)",
    }


def test_nothing_without_a_recording():
    assert render(None, "fr").get_text(strip=True) == ""


def test_public_pages_let_the_browser_load_same_origin_media_and_tracks(site_pages):
    response = Client().get("/fr/")

    policy = {
        part.split()[0]: part.split()[1:]
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    }
    media_sources = policy.get("media-src", policy["default-src"])
    assert "'self'" in media_sources
