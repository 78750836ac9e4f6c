"""The leak test's audio and video: every file of a recording (media file, captions, thumbnail)
answers a visitor 404 unless a live, public learning resource plays it; the control, played by
a public resource, answers 200 so that a server answering nothing cannot pass. Seeking in a
public video works: Range requests get 206 with Content-Range, a range out of the file 416."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.models import PageViewRestriction

from learning.models import LearningResourcePage
from tests.learning.media_world import complete_audio, complete_video, video_resource

pytestmark = pytest.mark.django_db


def files_of(recording):
    recording.thumbnail.save(f"vignette-{recording.pk}.png", ContentFile(b"png fictif"), save=True)
    return [recording.file.url, recording.captions_fr.url, recording.captions_en.url, recording.thumbnail.url]


def statuses(urls):
    client = Client()
    return {url: client.get(url).status_code for url in urls}


def test_only_the_files_of_a_recording_a_public_resource_plays_are_served(site_pages):
    played = complete_video(title="Capsule publique")
    video_resource(played)

    draft = complete_video(title="Capsule du brouillon")
    video_resource(draft, live=False)

    in_a_later_draft = complete_video(title="Capsule de la révision")
    live = video_resource(complete_video())
    revision = LearningResourcePage.objects.get(pk=live.pk)
    revision.recording = in_a_later_draft
    revision.save_revision()

    unpublished = complete_video(title="Capsule dépubliée")
    video_resource(unpublished).unpublish()

    private = complete_video(title="Capsule privée")
    PageViewRestriction.objects.create(page=video_resource(private), restriction_type="login")

    orphan = complete_audio(title="Audio orphelin")
    orphan_urls = [orphan.file.url]

    secret_urls = [
        *files_of(draft),
        *files_of(in_a_later_draft),
        *files_of(unpublished),
        *files_of(private),
        *orphan_urls,
    ]
    control_urls = files_of(played)

    assert set(statuses(control_urls).values()) == {200}
    assert statuses(secret_urls) == dict.fromkeys(secret_urls, 404)


def test_captions_are_served_as_webvtt(site_pages):
    played = complete_video()
    video_resource(played)

    response = Client().get(played.captions_fr.url)

    assert response["Content-Type"].startswith("text/vtt")
    assert b"".join(response.streaming_content).startswith(b"WEBVTT")


@pytest.fixture
def public_video(site_pages):
    played = complete_video()
    video_resource(played)
    played.file.open("rb")
    data = played.file.read()
    played.file.close()
    return played.file.url, data


def content(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=100-", 100, None),
        ("bytes=-50", -50, None),
        ("bytes=10-999999", 10, None),
    ],
)
def test_a_range_request_gets_206_and_that_part(public_video, header, first, last):
    url, data = public_video
    size = len(data)
    start = first if first >= 0 else size + first
    end = size - 1 if last is None else last

    response = Client().get(url, HTTP_RANGE=header)

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{size}"
    assert response["Content-Length"] == str(end - start + 1)
    assert content(response) == data[start : end + 1]


def test_the_whole_file_says_it_accepts_ranges(public_video):
    url, data = public_video

    response = Client().get(url)

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert content(response) == data


@pytest.mark.parametrize("header", ["bytes=999999-", "bytes=5-2", "bytes=abc", "bytes=-0"])
def test_a_range_out_of_the_file_or_malformed_gets_416(public_video, header):
    url, data = public_video

    response = Client().get(url, HTTP_RANGE=header)

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(data)}"


def test_several_ranges_or_another_unit_get_the_whole_file(public_video):
    url, data = public_video

    for header in ("bytes=0-1,5-6", "items=0-1"):
        response = Client().get(url, HTTP_RANGE=header)
        assert response.status_code == 200
        assert content(response) == data


def test_a_range_of_a_private_recording_is_still_404(site_pages):
    hidden = complete_video()
    video_resource(hidden, live=False)

    assert Client().get(hidden.file.url, HTTP_RANGE="bytes=0-10").status_code == 404
