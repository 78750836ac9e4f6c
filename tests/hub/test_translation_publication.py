"""Translations of reviewed items are published by a second person too. wagtail-localize would
publish a translation of a live page as soon as anyone submits it (an editor included, and in
the source's words); in the hub it starts as a draft, and a reviewer other than the translator
publishes it from the translation editor."""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale

from hub.roles import COMMUNITY_EDITORS, REVIEWERS
from impacts.models import CaseFilePage
from tests.factories import CaseFilePageFactory, role_user, site_skeleton


class TranslationPublicationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_skeleton()
        cls.english = Locale.objects.get(language_code="en")
        cls.editor = role_user(COMMUNITY_EDITORS, "traductrice")
        cls.reviewer = role_user(REVIEWERS, "reviseur-traducteur")
        cls.other_reviewer = role_user(REVIEWERS, "second-reviseur")

    def submit_translation(self, user, page):
        self.client.force_login(user)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [self.english.pk]},
            )
        self.assertEqual(response.status_code, 302)
        return CaseFilePage.objects.get(locale=self.english, translation_key=page.translation_key)

    def publish_from_translation_editor(self, user, translation):
        self.client.force_login(user)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("wagtailadmin_pages:edit", args=[translation.pk]), {"action": "publish"})
        return CaseFilePage.objects.get(pk=translation.pk)

    def test_submitting_a_translation_of_a_live_case_file_does_not_publish_it(self):
        for user in (self.editor, self.reviewer):
            with self.subTest(user=user.username):
                translation = self.submit_translation(user, CaseFilePageFactory())
                self.assertFalse(translation.live)

    def test_the_translator_does_not_publish_their_own_translation(self):
        translation = self.submit_translation(self.reviewer, CaseFilePageFactory())

        self.assertFalse(self.publish_from_translation_editor(self.reviewer, translation).live)

    def test_another_reviewer_publishes_the_translation(self):
        translation = self.submit_translation(self.editor, CaseFilePageFactory())

        self.assertFalse(self.publish_from_translation_editor(self.editor, translation).live)
        self.assertTrue(self.publish_from_translation_editor(self.other_reviewer, translation).live)
