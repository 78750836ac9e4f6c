"""Publishing a resource whose audio or video lacks what WCAG 2.1 AA asks in the page's language
is refused, whatever the road (the model, scripts, ``publish_scheduled``, the admin API, the
admin edit form), with a message saying what is missing and where to add it; complete media
publishes."""

import datetime
import logging

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from hub.publication_rules import PublicationRefused
from learning.models import LearningResourcePage
from tests.factories import LearningResourcePageFactory, locale, role_user
from tests.learning.media_world import (
    captions,
    complete_audio,
    complete_video,
    video_resource,
    vtt,
)

pytestmark = pytest.mark.django_db


def refusal(page):
    """The message refusing to publish ``page``'s latest revision (in English), or None."""
    with translation.override("en"):
        try:
            LearningResourcePage.objects.get(pk=page.pk).latest_revision.publish()
        except PublicationRefused as refused:
            return str(refused)
    return None


def draft(**fields):
    """A never-published resource: ``fields`` as the draft holds them."""
    return LearningResourcePageFactory(live=False, **fields)


def test_a_complete_video_publishes(site_pages):
    page = draft(format="video", recording=complete_video())

    assert refusal(page) is None
    assert LearningResourcePage.objects.get(pk=page.pk).live


def test_a_video_resource_needs_a_video(site_pages):
    for recording in (None, complete_audio()):
        page = draft(format="video", recording=recording)

        assert "needs a video: choose one under “Audio or video”" in refusal(page)
        assert not LearningResourcePage.objects.get(pk=page.pk).live


def test_an_audio_resource_needs_an_audio_recording(site_pages):
    page = draft(format="audio", recording=complete_video())

    assert "An audio resource needs an audio recording" in refusal(page)


def test_a_video_without_captions_in_the_page_language_is_refused(site_pages):
    page = draft(format="video", recording=complete_video(title="Capsule Sansfr", captions_fr=""))

    assert refusal(page) == (
        "The video “Capsule Sansfr” has no captions in French: add a WebVTT file in the media library."
    )


def test_captions_attached_by_a_script_are_checked_again(site_pages):
    past_the_end = vtt(("00:00.000", "00:05.000", "Trop long."))
    recording = complete_video(title="Capsule Longue", captions_fr=captions(past_the_end, "long.vtt"))
    page = draft(format="video", recording=recording)

    message = refusal(page)

    assert "The captions in French of “Capsule Longue” are not valid WebVTT" in message
    assert "line 3: the cue ends at 5.000 s, after the end of the media (2.000 s)." in message


def test_a_video_needs_a_transcript_in_the_page_language(site_pages):
    page = draft(format="video", recording=complete_video(title="Capsule Muette", transcript_fr="  "))

    assert refusal(page) == ("“Capsule Muette” has no transcript in French: write it in the media library.")


def test_a_video_needs_the_audio_description_decision(site_pages):
    page = draft(format="webinar", recording=complete_video(title="Webinaire", audio_description=""))

    assert refusal(page) == (
        "Say whether the video “Webinaire” needs audio description (“Audio description” in the media library)."
    )


def test_a_promised_described_version_must_be_chosen(site_pages):
    recording = complete_video(title="Capsule Promise", audio_description="described-version")
    page = draft(format="video", recording=recording)

    assert "“Capsule Promise” promises a described version: choose it" in refusal(page)

    recording.described_version = complete_video(title="Capsule décrite")
    recording.save()
    assert refusal(page) is None


def test_a_text_alternative_is_the_transcript(site_pages):
    recording = complete_video(audio_description="text-alternative", transcript_fr="")
    page = draft(format="video", recording=recording)

    assert "has no transcript in French" in refusal(page)

    recording.transcript_fr = "Tout ce qui est montré est décrit ici."
    recording.save()
    assert refusal(page) is None


def test_an_audio_needs_a_transcript_and_nothing_else(site_pages):
    page = draft(format="audio", recording=complete_audio(title="Balado", transcript_fr=""))

    assert refusal(page) == "“Balado” has no transcript in French: write it in the media library."

    complete = draft(format="audio", recording=complete_audio())
    assert refusal(complete) is None


def test_every_missing_thing_is_said_at_once(site_pages):
    recording = complete_video(captions_fr="", transcript_fr="", audio_description="")
    page = draft(format="video", recording=recording)

    message = refusal(page)

    assert "no captions in French" in message
    assert "no transcript in French" in message
    assert "needs audio description" in message


def test_the_english_translation_needs_english_captions_while_the_french_publishes(site_pages):
    recording = complete_video(captions_en="", transcript_en="")
    french = video_resource(recording)
    assert french.live

    english = french.copy_for_translation(locale("en"))
    english.save_revision()

    message = refusal(english)
    assert "has no captions in English" in message
    assert "has no transcript in English" in message
    assert not LearningResourcePage.objects.get(pk=english.pk).live

    recording.captions_en = captions(vtt(("00:00.000", "00:01.000", "Hello.")), "en.vtt")
    recording.transcript_en = "Hello."
    recording.save()
    assert refusal(english) is None


def test_a_script_setting_live_and_saving_is_refused(site_pages):
    page = draft(format="video", recording=complete_video(captions_fr=""))
    page = LearningResourcePage.objects.get(pk=page.pk)

    page.live = True
    with translation.override("en"), pytest.raises(PublicationRefused) as refused:
        page.save()

    assert "no captions in French" in str(refused.value)
    assert not LearningResourcePage.objects.get(pk=page.pk).live


def schedule(revision, minutes_ago):
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )


def test_publish_scheduled_refuses_the_incomplete_video_and_publishes_the_complete_one(site_pages, caplog):
    refused = draft(format="video", recording=complete_video(transcript_fr=""))
    schedule(refused.latest_revision, minutes_ago=10)
    fine = draft(format="video", recording=complete_video())
    schedule(fine.latest_revision, minutes_ago=5)

    with caplog.at_level(logging.ERROR), translation.override("en"):
        call_command("publish_scheduled")

    assert not LearningResourcePage.objects.get(pk=refused.pk).live
    assert LearningResourcePage.objects.get(pk=fine.pk).live
    assert "no transcript" in caplog.text or "transcription" in caplog.text


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_admin_api_publish_answers_400_with_the_reason(site_pages):
    page = draft(format="video", recording=complete_video(captions_fr=""))

    with translation.override("en"):
        response = client_for(role_user(None, "admin")).post(
            f"/admin/api/main/pages/{page.pk}/action/publish/",
            {},
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="en",
        )

    assert response.status_code == 400, response.content[:500]
    assert "no captions in French" in response.content.decode()
    assert not LearningResourcePage.objects.get(pk=page.pk).live


def edit_form(page, recording, action="action-publish"):
    """The resource's edit form as an administrator submits it, with ``recording`` chosen."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "plain_summary": page.plain_summary,
            "format": page.format,
            "level": page.level,
            "duration_minutes": "",
            "learning_outcomes": page.learning_outcomes,
            "licence": page.licence,
            "authors": "",
            "body": streamfield([]),
            "recording": str(recording.pk),
            "files": inline_formset([]),
            "easy_to_read_tested_with": "",
            "easy_to_read_tested_on": "",
            "comments": inline_formset([]),
            "change_note": "",
            action: action,
        }
    )
    data["audiences"] = page.audiences
    data["languages"] = page.languages
    data["services"] = [term.pk for term in terms_of(page, "services")]
    data["regions"] = [term.pk for term in terms_of(page, "regions")]
    return data


def terms_of(page, name):
    return getattr(page, name).all()


@pytest.mark.parametrize("complete", [False, True], ids=["missing captions", "complete"])
def test_the_admin_edit_form_publishes_only_a_complete_video(site_pages, complete):
    page = draft(format="video")
    recording = complete_video() if complete else complete_video(captions_fr="")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    with translation.override("en"):
        response = client_for(role_user(None, "admin")).post(
            url, edit_form(page, recording), HTTP_ACCEPT_LANGUAGE="en"
        )

    page = LearningResourcePage.objects.get(pk=page.pk)
    if complete:
        assert response.status_code == 302, response.context and response.context["form"].errors
        assert page.live and page.recording_id == recording.pk
    else:
        assert response.status_code == 200
        errors = " ".join(str(error) for error in response.context["form"].non_field_errors())
        assert "no captions in French: add a WebVTT file in the media library" in errors
        assert "no captions in French" in response.content.decode()
        assert not page.live
