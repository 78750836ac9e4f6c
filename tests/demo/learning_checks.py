"""The demo's learning resources, as a visitor and an editor of a freshly loaded demo meet them:
one complete toolkit for a library workshop with its resources in the issue's order, at least six
other resources across formats, audiences and levels (an easy-to-read guide tested with readers,
a large-print one, a quiz, a webinar with a sign-language version), videos whose captions in both
languages fit their real duration, transcripts in both languages, PDFs and media that say they
are fictional, every page live in both languages, and nothing new the second time.

Expectations come from the issue and the brief, and the files are read back with PyAV and pypdf,
not with the generators that wrote them."""

import re
from html import unescape
from io import BytesIO

import av
from django.utils.html import strip_tags
from pypdf import PdfReader
from wagtail.models import Locale, Page

from dialogues.models import DialoguePage
from learning.models import (
    Audience,
    AudioDescription,
    LearningMedia,
    LearningResourcePage,
    Level,
    ResourceFile,
    ResourceFormat,
    ToolkitMember,
    ToolkitPage,
)
from tests.demo.helpers import assert_fictional_summaries

TIMING = re.compile(r"^(\d{2,}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2,}):(\d{2}):(\d{2})\.(\d{3})(?:[ \t].*)?$")
FICTION = re.compile(r"fictif|fictive|fictional", re.IGNORECASE)
# The toolkit: facilitator guide, activity cards, slides, poster, a video, an audio and
# an evaluation form (written for facilitators).
TOOLKIT_FORMATS = [
    ResourceFormat.FACILITATOR_GUIDE,
    ResourceFormat.ACTIVITY_CARDS,
    ResourceFormat.SLIDES,
    ResourceFormat.POSTER,
    ResourceFormat.VIDEO,
    ResourceFormat.AUDIO,
    ResourceFormat.FACILITATOR_GUIDE,
]


def cue_times(captions):
    """``[(start, end), ...]`` in seconds from WebVTT text, or an assertion naming what is wrong."""
    lines = captions.replace("\r\n", "\n").split("\n")
    assert re.match(r"^\ufeff?WEBVTT([ \t].*)?$", lines[0]), f"bad header {lines[0]!r}"
    times = []
    for line in lines[1:]:
        if "-->" not in line:
            continue
        match = TIMING.match(line)
        assert match, f"bad timing line {line!r}"
        numbers = [int(group) for group in match.groups()]
        start = numbers[0] * 3600 + numbers[1] * 60 + numbers[2] + numbers[3] / 1000
        end = numbers[4] * 3600 + numbers[5] * 60 + numbers[6] + numbers[7] / 1000
        times.append((start, end))
    return times


def real_duration(media):
    with media.file.open("rb") as handle, av.open(BytesIO(handle.read())) as container:
        return container.duration / av.time_base


def pdf_reader(document):
    with document.file.open("rb") as handle:
        return PdfReader(BytesIO(handle.read()))


def flat(text):
    return " ".join(text.split())


def block_texts(body):
    """The words of each heading, paragraph and list item of a StreamField, as plain text."""
    texts = []
    for block in body:
        if block.block_type == "heading":
            texts.append(block.value["text"])
            continue
        html = str(block.value.source if hasattr(block.value, "source") else block.value)
        texts += re.findall(r"<li>(.*?)</li>", html) or [strip_tags(html)]
    return [flat(unescape(text)) for text in texts]


class DemoLearningChecks:
    """Mixed into ``LoadedDemoTests`` (``test_load_demo.py``), which loads the demo once, and
    whose second load checks that nothing is added, learning media and files included."""

    @classmethod
    def set_up_learning(cls):
        cls.toolkit = ToolkitPage.objects.get(locale__language_code="fr")
        cls.resources = list(
            LearningResourcePage.objects.filter(locale__language_code="fr").order_by("public_id")
        )

    def members(self, toolkit):
        return [
            member.resource for member in ToolkitMember.objects.filter(toolkit=toolkit).order_by("sort_order")
        ]

    def test_one_toolkit_for_the_library_workshop_holds_its_resources_in_order(self):
        self.assertIn("bibliothèque", self.toolkit.title)
        self.assertIn("90", self.toolkit.title)
        members = self.members(self.toolkit)
        self.assertEqual([resource.format for resource in members], TOOLKIT_FORMATS)
        self.assertIn("évaluation", members[-1].title.lower())
        english = self.toolkit.get_translation(Locale.objects.get(language_code="en"))
        english_members = self.members(english)
        self.assertEqual(
            [resource.translation_key for resource in english_members],
            [resource.translation_key for resource in members],
        )
        self.assertEqual({resource.locale.language_code for resource in english_members}, {"en"})
        video, audio = members[4], members[5]
        self.assertEqual(video.recording.type, "video")
        self.assertEqual(audio.recording.type, "audio")

    def test_six_other_resources_or_more_across_formats_audiences_and_levels(self):
        in_toolkit = {member.pk for member in self.members(self.toolkit)}
        others = [page for page in self.resources if page.pk not in in_toolkit]
        self.assertGreaterEqual(len(others), 6)
        self.assertEqual({page.format for page in self.resources}, set(ResourceFormat.values))
        self.assertEqual({key for page in self.resources for key in page.audiences}, set(Audience.values))
        self.assertEqual({page.level for page in self.resources}, set(Level.values))
        self.assertTrue(any(page.format == ResourceFormat.QUIZ for page in others))
        self.assertTrue(any(page.large_print for page in others))

    def test_the_easy_to_read_guide_records_who_tested_it_and_when_in_each_language(self):
        marked = [page for page in LearningResourcePage.objects.all() if page.easy_to_read]
        self.assertEqual({page.locale.language_code for page in marked}, {"fr", "en"})
        for page in marked:
            with self.subTest(page=page.public_id, language=page.locale.language_code):
                self.assertEqual(page.format, ResourceFormat.EASY_READ_GUIDE)
                self.assertTrue(page.easy_to_read_tested_with.strip())
                self.assertIsNotNone(page.easy_to_read_tested_on)
                self.assertLess(page.easy_to_read_tested_on, page.first_published_at.date())

    def test_a_recording_links_a_sign_language_version_in_lsq(self):
        recordings = [page.recording for page in self.resources if page.recording]
        signed = [media for media in recordings if media.sign_language_version_id]
        self.assertTrue(signed)
        for media in signed:
            self.assertEqual(media.sign_language, "lsq")
            self.assertEqual(media.sign_language_version.type, "video")
            self.assertTrue(
                media.sign_language_version.transcript_fr and media.sign_language_version.transcript_en
            )

    def test_video_captions_in_both_languages_parse_and_end_within_the_real_duration(self):
        videos = {
            page.recording for page in self.resources if page.recording and page.recording.type == "video"
        }
        self.assertGreaterEqual(len(videos), 2)
        for media in videos:
            duration = real_duration(media)
            self.assertTrue(8 <= duration <= 15, duration)
            self.assertAlmostEqual(media.duration, duration, places=1)
            self.assertEqual((media.width, media.height), (480, 270))
            for language in ("fr", "en"):
                with self.subTest(media=media.title, language=language):
                    captions = media.captions_in(language)
                    self.assertIsNotNone(captions)
                    with captions.open("rb") as handle:
                        times = cue_times(handle.read().decode("utf-8"))
                    self.assertGreaterEqual(len(times), 2)
                    previous_end = 0
                    for start, end in times:
                        self.assertLess(start, end)
                        self.assertGreaterEqual(start, previous_end)
                        previous_end = end
                    self.assertLessEqual(previous_end, duration)
                    self.assertRegex(media.transcript_in(language), FICTION)
            self.assertIn(media.audio_description, AudioDescription.values)

    def test_audio_is_real_short_sound_with_transcripts_in_both_languages(self):
        audios = {
            page.recording for page in self.resources if page.recording and page.recording.type == "audio"
        }
        self.assertGreaterEqual(len(audios), 2)
        for media in audios:
            with self.subTest(media=media.title):
                with media.file.open("rb") as handle, av.open(BytesIO(handle.read())) as container:
                    self.assertEqual(len(container.streams.audio), 1)
                    self.assertEqual(len(container.streams.video), 0)
                    duration = container.duration / av.time_base
                self.assertTrue(10 <= duration <= 20, duration)
                for language in ("fr", "en"):
                    self.assertRegex(media.transcript_in(language), FICTION)

    def test_every_media_and_file_says_it_is_fictional(self):
        for media in LearningMedia.objects.all():
            with self.subTest(media=media.title):
                self.assertRegex(media.title, FICTION)
        files = list(ResourceFile.objects.select_related("document", "resource"))
        self.assertGreaterEqual(len(files), 16)
        for resource_file in files:
            reader = pdf_reader(resource_file.document)
            language = resource_file.resource.locale.language_code
            with self.subTest(document=resource_file.document.title):
                self.assertRegex(resource_file.document.title, FICTION)
                self.assertEqual(reader.trailer["/Root"]["/Lang"], language)
                self.assertEqual(reader.metadata.title, resource_file.resource.title)
                for page in reader.pages:
                    self.assertRegex(page.extract_text(), FICTION)

    def test_untagged_pdfs_state_why_and_name_another_live_page_holding_their_text(self):
        for resource_file in ResourceFile.objects.select_related("document", "resource"):
            resource = resource_file.resource
            reader = pdf_reader(resource_file.document)
            with self.subTest(document=resource_file.document.title):
                self.assertNotIn("/MarkInfo", reader.trailer["/Root"])
                self.assertTrue(resource_file.exception_reason.strip())
                alternative = resource_file.html_alternative.specific
                self.assertNotEqual(alternative.pk, resource.pk)
                self.assertEqual(alternative.locale_id, resource.locale_id)
                self.assertTrue(Page.objects.live().public().filter(pk=alternative.pk).exists())
                self.assertEqual(self.client.get(alternative.url).status_code, 200)
                pdf_text = flat(" ".join(page.extract_text() for page in reader.pages))
                for outcome in resource.learning_outcomes.splitlines():
                    self.assertIn(flat(outcome), pdf_text)
                for words in block_texts(alternative.body):
                    self.assertIn(words, pdf_text)

    def test_every_resource_and_toolkit_is_live_in_both_languages_and_may_stay_so(self):
        english_locale = Locale.objects.get(language_code="en")
        for page in [*self.resources, self.toolkit]:
            for version in (page, page.get_translation(english_locale)):
                with self.subTest(page=version.public_id, language=version.locale.language_code):
                    self.assertTrue(version.live)
                    self.assertFalse(version.has_unpublished_changes)
                    self.assertEqual(version.public_id, page.public_id)
                    self.assertEqual(version.publication_problems(), [])
                    version.full_clean()

    def test_public_ids_are_the_fixed_ones(self):
        self.assertEqual(self.toolkit.public_id, "TK-2026-0001")
        self.assertEqual(
            [page.public_id for page in self.resources],
            [f"LR-2026-{number:04d}" for number in range(1, len(self.resources) + 1)],
        )

    def test_summaries_say_it_is_fictional_in_short_sentences(self):
        for page in [*LearningResourcePage.objects.all(), *ToolkitPage.objects.all()]:
            with self.subTest(page=page.public_id, language=page.locale.language_code):
                assert_fictional_summaries(self, page)
                self.assertLessEqual(
                    len(page.learning_outcomes.splitlines()) if hasattr(page, "learning_outcomes") else 0, 5
                )

    def test_linked_to_demo_case_files_systems_and_a_workshop_dialogue(self):
        self.assertTrue(any(page.casefiles.exists() for page in self.resources))
        self.assertTrue(any(page.systems.exists() for page in self.resources))
        workshop = DialoguePage.objects.get(public_id="DI-2026-0001", locale__language_code="fr")
        self.assertEqual(workshop.kind, "workshop")
        self.assertTrue(workshop.learning_resources.filter(public_id="LR-2026-0001").exists())
