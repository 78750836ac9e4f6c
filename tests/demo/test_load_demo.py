"""``manage.py load_demo``: refuses on a site without DEBUG, loads enough varied fictional
content to explore the hub, gives every role a working account, and adds nothing the second time."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError
from django.http import HttpRequest
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Revision

from advocacy.models import (
    AdvocacyBriefPage,
    AgreementParty,
    BriefCitation,
    CollaborationAgreementPage,
)
from demo.management.commands.load_demo import Command
from dialogues.models import Session, Venue
from hub.demo import demo_is_loaded
from hub.models import (
    DemoMarker,
    GlossaryTerm,
    Organization,
    PartnerMembership,
    PublicIdSequence,
    Region,
    Risk,
    Service,
)
from impacts.models import CaseFilePage
from learning.models import LearningMedia, ResourceFile, ToolkitMember
from registry.models import DeclaredRecord, DisclosureLevel, SystemPage
from tests.demo.dialogue_checks import DemoDialogueChecks
from tests.demo.helpers import french, run_load_demo, sentences
from tests.demo.learning_checks import DemoLearningChecks
from tests.demo.report_checks import DemoReportChecks

CREDENTIAL_LINE = re.compile(r"username:\s*(?P<username>\S+)\s+password:\s*(?P<password>\S+)")
ITEM_MODELS = [CaseFilePage, AdvocacyBriefPage, CollaborationAgreementPage]


def printed_credentials(output):
    return {match["username"]: match["password"] for match in CREDENTIAL_LINE.finditer(output)}


def database_counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "organizations": Organization.objects.count(),
        "glossary terms": GlossaryTerm.objects.count(),
        "groups": Group.objects.count(),
        "group page permissions": GroupPagePermission.objects.count(),
        "citations": BriefCitation.objects.count(),
        "parties": AgreementParty.objects.count(),
        "declared records": DeclaredRecord.objects.count(),
        "dialogue sessions": Session.objects.count(),
        "venues": Venue.objects.count(),
        "audio and video": LearningMedia.objects.count(),
        "resource files": ResourceFile.objects.count(),
        "toolkit members": ToolkitMember.objects.count(),
        "demo markers": DemoMarker.objects.count(),
    }


@pytest.mark.django_db
def test_refuses_when_debug_is_off_and_writes_nothing(settings):
    settings.DEBUG = False
    before = database_counts()

    with pytest.raises(CommandError, match="--force") as refusal:
        run_load_demo()

    assert refusal.value.returncode == 1
    assert database_counts() == before


@pytest.mark.django_db
def test_refusal_from_the_command_line_exits_with_status_1_and_a_message(settings, capsys, monkeypatch):
    settings.DEBUG = False
    # run_from_argv closes every connection when it ends, the test's own included.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)

    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["manage.py", "load_demo"])

    assert exit_info.value.code == 1
    error_output = capsys.readouterr().err
    assert "DEBUG is off" in error_output
    assert "Traceback" not in error_output
    assert not DemoMarker.objects.exists()


@pytest.mark.xdist_group("loaded-demo")
class LoadedDemoTests(DemoDialogueChecks, DemoLearningChecks, DemoReportChecks, TestCase):
    """One load with DEBUG on, shared by every test, those of the dialogues, learning resources
    and reports included (``*_checks.py``), on one test process (a load takes half a minute);
    a second load runs inside one test."""

    @classmethod
    def setUpTestData(cls):
        cls.loaded_on = timezone.localdate()
        with override_settings(DEBUG=True):
            cls.output = run_load_demo()
        cls.set_up_dialogues()
        cls.set_up_learning()
        cls.set_up_reports()

    def demo_items(self):
        return [page for model in ITEM_MODELS for page in model.objects.all()]

    def test_every_page_will_show_the_fictional_content_notice(self):
        self.assertTrue(DemoMarker.objects.exists())
        self.assertTrue(demo_is_loaded())

    def test_every_item_summary_says_it_is_fictional(self):
        for page in self.demo_items():
            with self.subTest(page=page.public_id, language=page.locale.language_code):
                self.assertRegex(page.summary.lower(), r"fictif|fictive|fictional")

    def test_at_least_24_published_case_files_in_french(self):
        self.assertGreaterEqual(french(CaseFilePage).live().count(), 24)

    def test_case_files_span_six_services_and_eight_regions(self):
        casefiles = french(CaseFilePage)
        services = set(Service.objects.filter(casefilepage_pages__in=casefiles).values_list("key", flat=True))
        regions = set(Region.objects.filter(casefilepage_pages__in=casefiles).values_list("key", flat=True))
        self.assertGreaterEqual(len(services), 6, services)
        self.assertGreaterEqual(len(regions), 8, regions)

    def test_case_files_cover_every_risk_of_the_vocabulary(self):
        vocabulary = set(Risk.objects.values_list("key", flat=True))
        covered = set(Risk.objects.filter(casefile_pages__isnull=False).values_list("key", flat=True))
        self.assertEqual(len(vocabulary), 8)
        self.assertEqual(covered, vocabulary)

    def test_case_files_vary_in_status_impact_and_automation(self):
        casefiles = french(CaseFilePage)
        self.assertEqual(set(casefiles.values_list("status", flat=True)), set(CaseFilePage.Status.values))
        self.assertEqual(
            set(casefiles.values_list("automation", flat=True)), set(CaseFilePage.Automation.values)
        )
        self.assertEqual(set(casefiles.values_list("impact_level", flat=True)), {None, 1, 2, 3, 4})

    def test_case_files_are_complete(self):
        for page in french(CaseFilePage):
            with self.subTest(page=page.public_id):
                block_types = [block.block_type for block in page.body]
                self.assertGreaterEqual(block_types.count("paragraph"), 2)
                self.assertIn("timeline_event", block_types)
                self.assertIn("official_response", block_types)
                self.assertTrue(page.agency and page.vendor and page.ai_system and page.first_reported)
                sources = page.evidence_sources()
                self.assertTrue(sources)
                for block in page.body:
                    if block.block_type == "evidence":
                        self.assertTrue(block.value["publisher"] and block.value["date"])

    def test_the_register_has_twelve_fictional_entries_or_more_in_both_languages(self):
        entries = SystemPage.objects.public()
        french_ids = sorted(french(SystemPage).live().values_list("public_id", flat=True))
        english_ids = sorted(entries.filter(locale__language_code="en").values_list("public_id", flat=True))
        self.assertGreaterEqual(len(french_ids), 12)
        self.assertEqual(english_ids, french_ids)
        for entry in entries:
            with self.subTest(entry=entry.public_id, language=entry.locale.language_code):
                self.assertRegex(entry.summary.lower(), r"fictif|fictional")
                self.assertLessEqual(len(entry.summary), 350)
                self.assertTrue(
                    entry.organization and entry.lifecycle_status and entry.community_sources.exists()
                )
        self.assertGreaterEqual(len(set(entries.values_list("organization__key", flat=True))), 10)
        self.assertGreaterEqual(len(set(entries.values_list("lifecycle_status", flat=True))), 4)
        self.assertGreaterEqual(
            len(set(entries.exclude(technique="").values_list("technique", flat=True))), 3
        )

    def test_every_case_file_links_to_a_published_entry_of_its_agency(self):
        for casefile in CaseFilePage.objects.select_related("system__organization", "agency"):
            with self.subTest(casefile=casefile.public_id, language=casefile.locale.language_code):
                self.assertTrue(casefile.system.live)
                self.assertEqual(casefile.system.organization.key, casefile.agency.key)
                self.assertIn(casefile.ai_system, casefile.summary + " ".join(casefile.search_body_parts()))

    def test_entries_vary_in_what_their_organizations_disclose(self):
        levels = {entry.disclosure_level() for entry in french(SystemPage)}
        self.assertEqual(levels, set(DisclosureLevel))
        records = DeclaredRecord.objects.all()
        self.assertTrue(records.exists())
        self.assertTrue(all(record.live for record in records))
        self.assertEqual(
            sorted(records.filter(locale__language_code="en").values_list("system__public_id", flat=True)),
            sorted(records.filter(locale__language_code="fr").values_list("system__public_id", flat=True)),
        )
        self.assertGreaterEqual(sum(1 for record in records if len(record.not_disclosed) >= 4), 2)
        for record in records:
            with self.subTest(record=record.pk):
                self.assertRegex(record.source_title.lower(), r"fictif|fictive|fictional")

    def test_plain_summaries_use_short_sentences(self):
        for page in self.demo_items():
            for sentence in sentences(page.plain_summary):
                with self.subTest(page=page.public_id, sentence=sentence):
                    self.assertLessEqual(len(sentence.split()), 15)

    def test_every_image_block_has_alternative_text(self):
        image_blocks = [
            block.value
            for page in self.demo_items()
            for block in getattr(page, "body", [])
            if block.block_type == "image"
        ]
        self.assertGreaterEqual(len(image_blocks), 3)
        for value in image_blocks:
            self.assertIsNotNone(value["image"])
            self.assertTrue(value["alt_text"].strip())

    def test_streamfields_pass_block_validation(self):
        """What the admin would check on save: the demo pages stay editable."""
        for page in self.demo_items():
            for field_name in ("body", "recommendations"):
                value = getattr(page, field_name, None)
                if value is None:
                    continue
                with self.subTest(page=page.public_id, language=page.locale.language_code, field=field_name):
                    try:
                        value.stream_block.clean(value)
                    except ValidationError as error:
                        self.fail(error)

    def test_briefs_cite_case_files_and_address_their_recommendations(self):
        briefs = french(AdvocacyBriefPage)
        self.assertGreaterEqual(briefs.count(), 3)
        for brief in briefs:
            with self.subTest(brief=brief.public_id):
                citations = list(brief.citations.all())
                self.assertGreaterEqual(len(citations), 1)
                self.assertTrue(all(citation.pinpoint for citation in citations))
                self.assertTrue(all(citation.casefile.live for citation in citations))
                self.assertGreaterEqual(brief.authors.count(), 1)
                recommendations = list(brief.recommendations)
                self.assertGreaterEqual(len(recommendations), 1)
                self.assertTrue(all(block.value["addressee"] for block in recommendations))
        self.assertTrue(briefs.exclude(pdf=None).exists())

    def test_agreements_have_parties_signatories_and_commitments(self):
        agreements = french(CollaborationAgreementPage)
        self.assertGreaterEqual(agreements.count(), 2)
        for agreement in agreements:
            with self.subTest(agreement=agreement.public_id):
                parties = list(agreement.parties.all())
                self.assertGreaterEqual(len(parties), 2)
                self.assertTrue(all(party.role for party in parties))
                self.assertGreaterEqual(agreement.signatories.count(), 1)
                self.assertTrue(agreement.citizen_role)
                commitments = list(agreement.commitments.order_by("sort_order"))
                self.assertGreaterEqual(len(commitments), 1)
                self.assertTrue(all(commitment.text and commitment.owner_id for commitment in commitments))
                self.assertEqual([c.number for c in commitments], list(range(1, len(commitments) + 1)))
                english = CollaborationAgreementPage.objects.filter(
                    translation_key=agreement.translation_key, locale__language_code="en"
                ).first()
                if english is not None:
                    # A translation holds the same commitments: same keys, numbers and owners.
                    self.assertEqual(
                        [
                            (c.translation_key, c.number, c.owner_id)
                            for c in english.commitments.order_by("sort_order")
                        ],
                        [(c.translation_key, c.number, c.owner_id) for c in commitments],
                    )
        signed = agreements.exclude(signed_document=None)
        self.assertTrue(signed.exists())
        with signed.first().signed_document.file.open("rb") as pdf:
            self.assertEqual(pdf.read(5), b"%PDF-")

    def test_some_items_are_translated_into_english(self):
        for model in ITEM_MODELS:
            english = model.objects.filter(locale__language_code="en")
            with self.subTest(model=model.__name__):
                self.assertTrue(english.exists())
                self.assertLess(english.count(), french(model).count())
            for translation in english:
                original = french(model).get(translation_key=translation.translation_key)
                self.assertEqual(translation.public_id, original.public_id)
                self.assertTrue(translation.live)
                self.assertNotEqual(translation.title, original.title)
                self.assertNotEqual(translation.plain_summary, original.plain_summary)

    def test_some_organizations_are_translated_and_keep_their_key(self):
        english = Organization.objects.filter(locale__language_code="en")
        self.assertTrue(english.exists())
        for organization in english:
            original = Organization.objects.get(
                translation_key=organization.translation_key, locale__language_code="fr"
            )
            self.assertEqual(organization.key, original.key)
            self.assertNotEqual(organization.name, original.name)

    def test_public_ids_are_reserved(self):
        for model in ITEM_MODELS:
            for page in french(model):
                prefix, year, _number = page.public_id.split("-")
                with self.subTest(public_id=page.public_id):
                    next_id = PublicIdSequence.next_id(prefix, int(year))
                    self.assertFalse(model.objects.filter(public_id=next_id).exists())

    def test_printed_credentials_log_in_for_every_role(self):
        credentials = printed_credentials(self.output)
        self.assertEqual(len(credentials), 4)
        users = get_user_model().objects.filter(username__in=credentials)
        self.assertTrue(any(user.is_superuser for user in users))
        group_names = {name for user in users for name in user.groups.values_list("name", flat=True)}
        self.assertEqual(group_names, {"Community editors", "Reviewers", "Municipal partners"})
        for username, password in credentials.items():
            with self.subTest(username=username):
                self.assertTrue(
                    self.client.login(request=HttpRequest(), username=username, password=password)
                )
                self.client.logout()

    def test_demo_partner_acts_for_a_party_to_a_demo_agreement(self):
        membership = PartnerMembership.objects.get(user__username="demo-partner")
        parties = AgreementParty.objects.filter(
            organization__translation_key=membership.organization.translation_key
        )
        self.assertTrue(parties.exists())

    def test_the_glossary_has_twelve_terms_in_each_language_with_the_same_anchors(self):
        anchors = {
            language: set(
                GlossaryTerm.objects.filter(locale__language_code=language).values_list("slug", flat=True)
            )
            for language in ("fr", "en")
        }
        self.assertGreaterEqual(len(anchors["fr"]), 12)
        self.assertEqual(anchors["fr"], anchors["en"])
        for term in GlossaryTerm.objects.all():
            with self.subTest(term=term.term):
                self.assertTrue(term.definition and term.example)
                self.assertLessEqual(len(term.definition), 400)
                self.assertTrue(term.related_terms.exists())

    def test_demo_case_files_link_glossary_terms_in_both_languages(self):
        french = CaseFilePage.objects.get(public_id="CF-2026-0005", locale__language_code="fr")
        english = CaseFilePage.objects.get(public_id="CF-2026-0005", locale__language_code="en")
        for page, glossary in ((french, "/fr/glossaire/#"), (english, "/en/glossary/#")):
            with self.subTest(language=page.locale.language_code):
                html = self.client.get(page.url).content.decode()
                self.assertGreaterEqual(html.count(f'class="glossary-term" href="{glossary}'), 5)
        english_glossary = self.client.get("/en/glossary/").content.decode()
        self.assertIn('<dfn id="apprentissage-automatique">machine learning</dfn>', english_glossary)
        self.assertIn('<a href="#donnees-entrainement">training data</a>', english_glossary)

    def test_second_run_creates_nothing_and_resets_demo_passwords(self):
        credentials = printed_credentials(self.output)
        editor = get_user_model().objects.get(username="demo-editor")
        editor.set_password("changed-by-someone")
        editor.save()
        before = database_counts()

        with override_settings(DEBUG=False):
            second_output = run_load_demo("--force")

        self.assertEqual(database_counts(), before)
        self.assertEqual(printed_credentials(second_output), credentials)
        self.assertTrue(
            self.client.login(
                request=HttpRequest(), username="demo-editor", password=credentials["demo-editor"]
            )
        )
