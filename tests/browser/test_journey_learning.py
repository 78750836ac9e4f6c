"""Journey 7, keyboard only, at a phone and a desktop width, in both languages: on the learning
index, tick "easy to read" and "captions", find the resource, play its video, open its
transcript, then download the toolkit holding it.

The content is the browser tier's learning pages (``tests/browser/learning_content.py``); what the
pages should offer is read from the database here, not from the code that renders them.
Screenshots under ``artifacts/screenshots/7-learning/``."""

import io
import re
import zipfile

import pytest
from playwright.sync_api import expect

from learning.models import LearningResourcePage
from tests.browser.test_journeys import VIEWPORTS, no_horizontal_scroll, result_count, tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORDS = {
    "fr": {"apply": "Appliquer les filtres", "transcript": "Afficher la transcription"},
    "en": {"apply": "Apply filters", "transcript": "Show the transcript"},
}


def easy_to_read_with_captions(language):
    """The public resources a reader of ``language`` finds by both needs: the easy-to-read mark,
    and captions in that language."""
    found = []
    for page in LearningResourcePage.objects.live().filter(locale__language_code=language):
        recording = page.recording
        if page.easy_to_read and recording is not None and recording.captions_in(language):
            found.append(page)
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_journey_7_an_easy_to_read_captioned_resource_played_its_transcript_and_its_toolkit(
    live_site, open_page, shoot, viewport, language
):
    journey = "7-learning"
    words = WORDS[language]
    expected = easy_to_read_with_captions(language)
    resource = live_site.content.pages["video resource"][language]
    toolkit = live_site.content.pages["toolkit"][language]
    assert resource in expected

    page = open_page(viewport, language=language)
    page.goto(live_site.url("learning index", language))
    shoot(page, journey, f"01-index-{language}")
    for need in ("easy_to_read", "captions"):
        box = page.locator(f"#f-learning_access-{need}")
        tab_to(page, box, limit=120)
        page.keyboard.press("Space")
        expect(box).to_be_checked()
    tab_to(page, page.get_by_role("button", name=words["apply"]), limit=20)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"(?=.*learning_access=easy_to_read)(?=.*learning_access=captions)"))
    assert result_count(page, language) == len(expected)
    shoot(page, journey, f"02-results-{language}")

    tab_to(page, page.get_by_role("link", name=resource.title, exact=True), limit=150)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(resource.title)
    if viewport == "phone":
        no_horizontal_scroll(page)

    video = page.locator("video")
    expect(video).not_to_have_attribute("autoplay", re.compile(".*"))
    tab_to(page, video, limit=80)
    page.keyboard.press("Space")
    page.wait_for_function("() => !document.querySelector('video').paused", timeout=10_000)
    page.wait_for_function("() => document.querySelector('video').currentTime > 0", timeout=10_000)
    shoot(page, journey, f"03-playing-{language}")

    transcript = resource.recording.transcript_in(language)
    text = page.locator(".transcript__text")
    expect(text).to_be_hidden()
    tab_to(page, page.get_by_text(words["transcript"], exact=True), limit=40)
    page.keyboard.press("Enter")
    expect(text).to_be_visible()
    expect(text).to_contain_text(transcript)
    shoot(page, journey, f"04-transcript-{language}")

    tab_to(page, page.get_by_role("link", name=toolkit.title, exact=True), limit=80)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(toolkit.title)
    download_link = page.locator(".toolkit-download a")
    tab_to(page, download_link, limit=80)
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename.startswith(toolkit.public_id) and download.suggested_filename.endswith(
        ".zip"
    )
    with open(download.path(), "rb") as stream:
        archive = zipfile.ZipFile(io.BytesIO(stream.read()))
    names = archive.namelist()
    assert "contents.html" in names and "contents.pdf" in names
    contents = archive.read("contents.html").decode()
    for member in toolkit.members.all():
        versions = LearningResourcePage.objects.filter(translation_key=member.resource.translation_key)
        assert any(version.title.replace("'", "&#x27;") in contents for version in versions)
    shoot(page, journey, f"05-toolkit-{language}")
