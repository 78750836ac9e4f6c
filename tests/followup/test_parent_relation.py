"""One commitment model for every item type: its parent is ``wagtailcore.Page``
(``ParentalKey(..., related_name="commitments")``). What that choice must keep, each on the road
an editor or a script takes:

(a) ``InlinePanel("commitments")`` edits them on the agreement's admin form;
(b) a draft holds them in its revision, publishing writes them, unpublished changes never reach
    the table (what every public surface reads);
(c) wagtail-localize copies and synchronizes them, keeping each one's ``translation_key`` and number;
(d) other page types are not disturbed: no formset in their forms, revisions that load and
    publish as before, no rows.

Expectations are written from these rules, not read back from the code."""

import datetime
import uuid

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, Revision

from advocacy.models import CollaborationAgreementPage
from dialogues.models import DialoguePage
from followup.models import Commitment
from hub.models import HomePage, Organization, StandardPage
from impacts.models import CaseFilePage
from registry.models import SystemPage
from tests.factories import (
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DialoguePageFactory,
    OrganizationFactory,
    commitment,
    role_user,
    site_skeleton,
)
from tests.hub.test_permission_matrix import agreement_form as matrix_agreement_form
from tests.hub.test_translation import publish_marked_translation, start_translation

# Page types that have no commitments of their own.
OTHER_PAGE_TYPES = (CaseFilePage, DialoguePage, SystemPage, HomePage, StandardPage)


def agreement_form(page, commitments, publish=True):
    """The agreement's admin edit form (``tests.hub.test_permission_matrix``) with ``commitments``;
    without ``publish``, "Save draft"."""
    parties = [party.organization for party in page.parties.all()]
    data = matrix_agreement_form(page, page.title, *parties, commitments=commitments)
    if not publish:
        del data["action-publish"]
    return data


def commitment_fields(text, owner, due_date="", owner_role="", **extra):
    return {"text": text, "owner": str(owner.pk), "owner_role": owner_role, "due_date": due_date, **extra}


class AdminFormTests(TestCase):
    """(a) and (b) through the admin, as an administrator (the agreement's own road, a partner's,
    is in the permission matrix)."""

    @classmethod
    def setUpTestData(cls):
        site_skeleton()
        cls.city = OrganizationFactory(name="Ville fictive", kind=Organization.Kind.MUNICIPALITY)
        cls.agreement = CollaborationAgreementPageFactory(
            commitments=[commitment("Publier le code.", owner=cls.city, due_date=datetime.date(2026, 6, 1))]
        )
        cls.admin = role_user(None, "admin-fictive")

    def setUp(self):
        self.client.force_login(self.admin)
        self.url = reverse("wagtailadmin_pages:edit", args=[self.agreement.pk])

    def live(self):
        return CollaborationAgreementPage.objects.get(pk=self.agreement.pk)

    def existing(self):
        first = self.live().commitments.get()
        return commitment_fields(
            first.text, self.city, due_date="2026-06-01", id=str(first.pk), ORDER="1", DELETE=""
        )

    def test_the_edit_form_has_the_commitments_inline(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("commitments", response.context["form"].formsets)
        self.assertContains(response, 'name="commitments-TOTAL_FORMS"')
        self.assertContains(response, "Publier le code.")

    def test_publishing_from_the_form_writes_the_commitments_with_new_numbers(self):
        data = agreement_form(
            self.agreement,
            [self.existing(), commitment_fields("Former le personnel.", self.city, ORDER="2", DELETE="")],
        )
        response = self.client.post(self.url, data)
        self.assertEqual(response.status_code, 302, response.content[:3000])
        rows = list(self.live().commitments.order_by("sort_order"))
        self.assertEqual(
            [(row.number, row.text) for row in rows], [(1, "Publier le code."), (2, "Former le personnel.")]
        )
        self.assertEqual(rows[1].locale, self.agreement.locale)

    def test_a_draft_keeps_its_commitments_in_its_revision_until_published(self):
        first_key = self.live().commitments.get().translation_key
        data = agreement_form(
            self.agreement,
            [self.existing(), commitment_fields("Engagement en brouillon.", self.city, ORDER="2", DELETE="")],
            publish=False,
        )
        response = self.client.post(self.url, data)
        self.assertEqual(response.status_code, 302, response.content[:3000])

        # The table, which every public surface reads, still holds only the published one.
        self.assertEqual(list(self.live().commitments.values_list("text", flat=True)), ["Publier le code."])
        self.assertFalse(Commitment.objects.filter(text="Engagement en brouillon.").exists())
        response = self.client.get(self.agreement.url)
        self.assertNotContains(response, "Engagement en brouillon.")
        self.client.logout()
        self.assertNotContains(self.client.get(self.agreement.url), "Engagement en brouillon.")

        # The draft revision holds both, numbered already.
        revision = self.live().latest_revision
        held = [(data["number"], data["text"]) for data in revision.content["commitments"]]
        self.assertEqual(held, [(1, "Publier le code."), (2, "Engagement en brouillon.")])

        # Publishing the revision writes what it holds, keeping the first one's identity.
        revision.publish()
        rows = list(self.live().commitments.order_by("sort_order"))
        self.assertEqual(
            [(row.number, row.text) for row in rows],
            [(1, "Publier le code."), (2, "Engagement en brouillon.")],
        )
        self.assertEqual(rows[0].translation_key, first_key)

    def test_an_older_revision_gives_back_its_own_commitments(self):
        older = self.live().live_revision
        data = agreement_form(self.agreement, [{**self.existing(), "text": "Publier tout le code."}])
        self.client.post(self.url, data)
        self.assertEqual(self.live().commitments.get().text, "Publier tout le code.")
        restored = Revision.objects.get(pk=older.pk).as_object()
        self.assertEqual([c.text for c in restored.commitments.all()], ["Publier le code."])
        older.publish()
        self.assertEqual(self.live().commitments.get().text, "Publier le code.")

    def test_deleting_a_commitment_in_the_form_deletes_its_row_and_frees_no_number(self):
        data = agreement_form(self.agreement, [{**self.existing(), "DELETE": "1"}])
        self.client.post(self.url, data)
        self.assertFalse(self.live().commitments.exists())
        data = agreement_form(self.live(), [commitment_fields("Un nouvel engagement.", self.city, ORDER="1")])
        self.client.post(self.url, data)
        self.assertEqual(self.live().commitments.get().number, 2)


class TranslationTests(TestCase):
    """(c): wagtail-localize, as an editor translates and re-synchronizes."""

    @classmethod
    def setUpTestData(cls):
        site_skeleton()
        cls.city = OrganizationFactory(name="Ville fictive", kind=Organization.Kind.MUNICIPALITY)
        cls.agreement = CollaborationAgreementPageFactory(
            title="Entente sur le tri",
            commitments=[
                commitment(
                    "Publier le code.",
                    owner=cls.city,
                    owner_role="Direction des technologies",
                    due_date=datetime.date(2026, 6, 1),
                ),
                commitment("Former le personnel.", owner=cls.city),
            ],
        )

    def translate(self, page):
        translation = start_translation(page)
        publish_marked_translation(self, translation, slug=f"{page.slug}-en")
        return translation

    def english(self):
        return CollaborationAgreementPage.objects.get(
            translation_key=self.agreement.translation_key, locale__language_code="en"
        )

    def facts(self, page):
        return [
            (c.translation_key, c.number, c.owner_id, c.due_date, c.locale.language_code)
            for c in page.commitments.order_by("sort_order")
        ]

    def test_a_translation_copies_each_commitment_with_its_identity_and_words_translated(self):
        self.translate(self.agreement)
        english = self.english()
        french = [
            (key, number, owner, due, "en") for key, number, owner, due, _ in self.facts(self.agreement)
        ]
        self.assertEqual(self.facts(english), french)
        self.assertEqual(
            [(c.text, c.owner_role) for c in english.commitments.order_by("sort_order")],
            [("EN Publier le code.", "EN Direction des technologies"), ("EN Former le personnel.", "")],
        )

    def test_synchronizing_brings_a_new_commitment_and_keeps_the_others(self):
        translation = self.translate(self.agreement)
        english_rows = list(self.english().commitments.order_by("sort_order").values_list("pk", flat=True))
        source = CollaborationAgreementPage.objects.get(pk=self.agreement.pk)
        source.commitments.add(commitment("Tenir une séance publique.", owner=self.city, sort_order=2))
        source.save_revision().publish()
        source = CollaborationAgreementPage.objects.get(pk=self.agreement.pk)
        self.assertEqual([c.number for c in source.commitments.order_by("sort_order")], [1, 2, 3])

        translation.source.update_from_db()
        publish_marked_translation(self, translation)

        english = self.english()
        self.assertEqual(
            self.facts(english), [(key, n, o, d, "en") for key, n, o, d, _ in self.facts(source)]
        )
        self.assertEqual(
            list(english.commitments.order_by("sort_order").values_list("pk", flat=True))[:2], english_rows
        )
        self.assertEqual(
            english.commitments.order_by("sort_order").last().text, "EN Tenir une séance publique."
        )


class OtherPageTypesTests(TestCase):
    """(d): the relation exists on every page, and nothing but agreements uses it."""

    @classmethod
    def setUpTestData(cls):
        site_skeleton()

    def test_no_other_page_type_has_a_commitments_formset(self):
        for model in OTHER_PAGE_TYPES:
            with self.subTest(model=model.__name__):
                form_class = model.get_edit_handler().get_form_class()
                self.assertNotIn("commitments", form_class.formsets)
        form_class = CollaborationAgreementPage.get_edit_handler().get_form_class()
        self.assertIn("commitments", form_class.formsets)

    def test_revisions_of_other_types_load_and_publish_as_before(self):
        casefile = CaseFilePageFactory(title="Dossier fictif avant")
        dialogue = DialoguePageFactory()
        for page in (casefile, dialogue):
            with self.subTest(page=type(page).__name__):
                # A revision written before commitments existed has no such key.
                revision = page.save_revision()
                revision.content.pop("commitments")
                revision.content["title"] = "Titre d'une ancienne révision"
                revision.save(update_fields=["content"])
                self.assertEqual(revision.as_object().title, "Titre d'une ancienne révision")
                revision.publish()
                self.assertEqual(Page.objects.get(pk=page.pk).title, "Titre d'une ancienne révision")
                # A new revision holds an empty list, and publishing it writes nothing.
                page = Page.objects.get(pk=page.pk).specific
                revision = page.save_revision()
                self.assertEqual(revision.content["commitments"], [])
                revision.publish()
        self.assertFalse(Commitment.objects.exists())

    def test_a_commitment_is_saved_with_its_pages_locale_and_translation_key(self):
        agreement = CollaborationAgreementPageFactory(commitments=[commitment()])
        row = Commitment.objects.get()
        self.assertEqual((row.page_id, row.locale_id, row.number), (agreement.pk, agreement.locale_id, 1))
        self.assertIsInstance(row.translation_key, uuid.UUID)
