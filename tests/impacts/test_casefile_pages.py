"""Case files and their index: where they may live, how they render in both languages, how
editors create them in the admin, and their stable public ids."""

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from advocacy.models import AdvocacyBriefIndexPage, CollaborationAgreementIndexPage
from hub.models import HomePage, PublicIdSequence, Region, Risk, Service, StandardPage
from impacts.models import CaseFileIndexPage, CaseFilePage
from tests.factories import (
    CaseFilePageFactory,
    ImageFactory,
    OrganizationFactory,
    PageViewRestrictionFactory,
    site_skeleton,
    terms,
    translate_page,
)
from tests.page_testcase import LocalizedPageTestCase

INDEX = "impacts.CaseFileIndexPage"


def id_number(public_id):
    return int(public_id.rsplit("-", 1)[1])


class CaseFilePageTypeTests(LocalizedPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = site_skeleton()

    def test_a_case_file_lives_only_in_a_case_file_index(self):
        self.assertAllowedParentPageTypes(CaseFilePage, {CaseFileIndexPage})
        self.assertAllowedSubpageTypes(CaseFilePage, set())
        self.assertCanCreateAt(CaseFileIndexPage, CaseFilePage)
        for parent in (
            HomePage,
            StandardPage,
            AdvocacyBriefIndexPage,
            CollaborationAgreementIndexPage,
            CaseFilePage,
        ):
            self.assertCanNotCreateAt(parent, CaseFilePage)

    def test_the_case_file_index_lives_under_the_home_page_and_holds_only_case_files(self):
        self.assertAllowedParentPageTypes(CaseFileIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CaseFileIndexPage, {CaseFilePage})
        self.assertCanCreateAt(HomePage, CaseFileIndexPage)
        self.assertCanNotCreateAt(StandardPage, CaseFileIndexPage)
        self.assertCanNotCreateAt(Page, CaseFileIndexPage)

    def test_each_home_page_has_one_case_file_index_already(self):
        for language_code in ("fr", "en"):
            home = HomePage.objects.get(pk=self.pages[language_code]["home"].pk)
            self.assertFalse(CaseFileIndexPage.can_create_at(home))


class CaseFileRenderingTests(LocalizedPageTestCase):
    """Every case file is readable from both interfaces; drafts and private ones from neither."""

    @classmethod
    def setUpTestData(cls):
        cls.pages = site_skeleton()
        cls.index_fr = cls.pages["fr"][INDEX]
        cls.index_en = cls.pages["en"][INDEX]
        cls.translated = CaseFilePageFactory(title="Tri des demandes d’aide sociale")
        cls.translation = translate_page(
            cls.translated,
            title="Sorting of social assistance applications",
            summary="A fictional system sorts applications.",
            plain_summary="A machine sorts the forms.",
        )
        cls.untranslated = CaseFilePageFactory(
            title="Caméras intelligentes au centre-ville", ai_system="VisioCentre"
        )
        cls.english_only = CaseFilePageFactory(parent=cls.index_en, title="Chatbot at the city help desk")
        cls.draft = CaseFilePageFactory(title="Brouillon confidentiel", live=False)
        cls.private = CaseFilePageFactory(title="Dossier réservé aux membres")
        PageViewRestrictionFactory(page=cls.private)
        cls.draft_translation_source = CaseFilePageFactory(title="Traduction anglaise en cours")
        english_draft = cls.draft_translation_source.copy_for_translation(cls.index_en.locale)
        english_draft.title = "Translation still a draft"
        english_draft.save_revision()

    def test_index_pages_are_routable_and_renderable_in_both_languages(self):
        for index_page in (self.index_fr, self.index_en):
            self.assertPageIsRoutable(index_page)
            self.assertPageIsRenderable(index_page)

    def test_case_files_and_their_translations_are_routable_and_renderable(self):
        for page in (self.translated, self.translation, self.untranslated, self.english_only):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_case_files_live_under_the_index_of_their_language(self):
        self.assertEqual(self.translated.url, f"/fr/dossiers/{self.translated.slug}/")
        self.assertEqual(self.translation.url, f"/en/case-files/{self.translation.slug}/")
        self.assertEqual(self.english_only.url, f"/en/case-files/{self.english_only.slug}/")

    def test_a_french_case_file_without_translation_is_shown_in_french_in_the_english_interface(self):
        path = f"/en/case-files/{self.untranslated.public_id}/"
        self.assertPageIsRoutable(self.index_en, route_path=f"{self.untranslated.public_id}/")
        self.assertPageIsRenderable(self.index_en, route_path=f"{self.untranslated.public_id}/")
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        self.assertHtmlLang(response, "en")
        self.assertShownInLanguage(response, self.untranslated.title, "fr")
        self.assertShownInLanguage(response, self.untranslated.summary, "fr")

    def test_an_english_case_file_without_translation_is_shown_in_english_in_the_french_interface(self):
        response = self.client.get(f"/fr/dossiers/{self.english_only.public_id}/")
        self.assertEqual(response.status_code, 200)
        self.assertHtmlLang(response, "fr")
        self.assertShownInLanguage(response, self.english_only.title, "en")

    def test_the_other_language_route_of_a_translated_case_file_redirects_to_its_translation(self):
        response = self.client.get(f"/en/case-files/{self.translated.public_id}/")
        self.assertRedirects(response, self.translation.url, fetch_redirect_response=False)
        response = self.client.get(f"/fr/dossiers/{self.translated.public_id}/")
        self.assertRedirects(response, self.translated.url, fetch_redirect_response=False)

    def test_a_draft_translation_does_not_hide_the_published_original(self):
        response = self.client.get(f"/en/case-files/{self.draft_translation_source.public_id}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.draft_translation_source.title)
        self.assertNotContains(response, "Translation still a draft")

    def test_the_english_index_lists_translations_and_untranslated_french_case_files(self):
        response = self.client.get(self.index_en.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.translation.title)
        self.assertNotContains(response, self.translated.title)
        self.assertContains(response, self.english_only.title)
        self.assertContains(response, self.untranslated.title)
        self.assertContains(response, f'href="/en/case-files/{self.untranslated.public_id}/"')
        self.assertContains(response, self.draft_translation_source.title)

    def test_the_french_index_lists_french_case_files_and_untranslated_english_ones(self):
        response = self.client.get(self.index_fr.url)
        self.assertContains(response, self.translated.title)
        self.assertNotContains(response, self.translation.title)
        self.assertContains(response, self.untranslated.title)
        self.assertContains(response, self.english_only.title)
        self.assertContains(response, f'href="/fr/dossiers/{self.english_only.public_id}/"')

    def test_drafts_and_private_case_files_are_never_listed(self):
        for path in (self.index_fr.url, self.index_en.url, "/fr/", "/en/"):
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200, path)
            self.assertNotContains(response, self.draft.title)
            self.assertNotContains(response, self.private.title)
            self.assertNotContains(response, self.draft.public_id)
            self.assertNotContains(response, self.private.public_id)

    def test_drafts_and_private_case_files_are_not_served_at_the_other_language_route(self):
        for page in (self.draft, self.private):
            response = self.client.get(f"/en/case-files/{page.public_id}/")
            self.assertEqual(response.status_code, 404, page.title)
            self.assertNotContains(response, page.title, status_code=404)

    def test_a_draft_is_not_served_at_its_own_url(self):
        self.assertEqual(self.client.get(f"/fr/dossiers/{self.draft.slug}/").status_code, 404)

    def test_an_unknown_public_id_is_not_found(self):
        self.assertEqual(self.client.get("/en/case-files/CF-1999-9999/").status_code, 404)

    def test_the_language_switcher_leads_to_where_the_other_interface_shows_the_case_file(self):
        response = self.client.get(self.translated.url)
        self.assertContains(response, f'href="{self.translation.url}"')
        response = self.client.get(self.untranslated.url)
        self.assertContains(response, f'href="/en/case-files/{self.untranslated.public_id}/"')

    def test_related_case_files_show_only_published_public_ones(self):
        page = CaseFilePageFactory()
        page.related_casefiles = [self.untranslated, self.draft, self.private]
        page.save_revision().publish()
        response = self.client.get(page.url)
        self.assertContains(response, f'href="{self.untranslated.url}"')
        for hidden in (self.draft, self.private):
            self.assertNotContains(response, hidden.title)
            self.assertNotContains(response, hidden.public_id)

    def test_the_case_file_shows_its_structured_fields(self):
        response = self.client.get(self.untranslated.url)
        self.assertContains(response, self.untranslated.public_id)
        self.assertContains(response, self.untranslated.plain_summary)
        self.assertContains(response, self.untranslated.ai_system)
        self.assertContains(response, self.untranslated.agency.name)
        self.assertContains(response, "Santé")
        self.assertContains(response, "Montréal")
        self.assertContains(response, self.untranslated.evidence_sources()[0])

    def test_the_case_file_links_to_its_system_in_the_register_in_the_readers_language(self):
        system = self.untranslated.system
        english = translate_page(system, title="DowntownVision")
        for language, shown in (("fr", system), ("en", english)):
            with self.subTest(language=language):
                response = self.client.get(self.untranslated.url_in(language))
                self.assertContains(response, f'<a href="{shown.url}">{shown.title}</a>', html=True)

    def test_a_system_not_yet_published_is_named_without_a_link(self):
        system = self.untranslated.system
        system.unpublish()
        response = self.client.get(self.untranslated.url)
        self.assertContains(response, "VisioCentre")
        self.assertNotContains(response, system.url_path.rstrip("/").rsplit("/", 1)[-1] + "/")
        self.assertNotContains(response, system.public_id)


class CaseFileAdminTests(LocalizedPageTestCase):
    """Editors create case files through the admin form, which enforces the required fields."""

    @classmethod
    def setUpTestData(cls):
        cls.pages = site_skeleton()
        cls.agency = OrganizationFactory(name="Ministère fictif de la Solidarité")
        cls.image = ImageFactory()

    def setUp(self):
        self.login()

    def form_data(self, language_code="fr", services=("sante",), regions=("laval",), **overrides):
        fields = {
            "title": "Dossier créé dans l'admin",
            "slug": "dossier-cree-dans-l-admin",
            "summary": "Un système fictif classe les demandes.",
            "plain_summary": "Une machine lit les demandes. Elle choisit lesquelles passent en premier.",
            "municipality": "Laval",
            "impact_level": "3",
            "agency": str(self.agency.pk),
            "system": "",
            "vendor": "",
            "decision_role": "Classe les demandes.",
            "automation": CaseFilePage.Automation.ADVISORY,
            "status": CaseFilePage.Status.PILOT,
            "first_reported": "2024-02-03",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Récit fictif.</p>")),
                    (
                        "evidence",
                        {
                            "title": "Article fictif",
                            "source_url": "https://journal.example.org/trieur",
                            "publisher": "Journal fictif",
                            "date": "2024-02-01",
                            "archived_url": "",
                            "archived_document": "",
                        },
                    ),
                    ("timeline_event", {"date": "2024-01-10", "title": "Annonce", "description": ""}),
                    (
                        "official_response",
                        {
                            "organization": str(self.agency.pk),
                            "date": "2024-02-10",
                            "response": "Le ministère examine la question.",
                            "source_url": "",
                        },
                    ),
                    (
                        "image",
                        {
                            "image": str(self.image.pk),
                            "alt_text": "Une file d'attente devant un comptoir",
                            "caption": "",
                            "credit": "",
                        },
                    ),
                ]
            ),
            "comments": inline_formset([]),
            "testimony_links": inline_formset([]),
        }
        fields.update(overrides)
        data = nested_form_data(fields)
        data["services"] = [term.pk for term in terms(Service, list(services), language_code)]
        data["regions"] = [term.pk for term in terms(Region, list(regions), language_code)]
        data["risks"] = [term.pk for term in terms(Risk, ["opacite", "erreurs"], language_code)]
        return data

    def add_url(self, parent):
        return reverse("wagtailadmin_pages:add", args=["impacts", "casefilepage", parent.pk])

    def test_an_editor_creates_a_french_case_file(self):
        parent = self.pages["fr"][INDEX]
        self.assertCanCreate(parent, CaseFilePage, self.form_data())
        page = CaseFilePage.objects.get(slug="dossier-cree-dans-l-admin")
        self.assertTrue(page.live)
        self.assertEqual(page.get_parent().pk, parent.pk)
        self.assertEqual(page.locale.language_code, "fr")
        self.assertRegex(page.public_id, rf"^CF-{timezone.localdate().year}-\d{{4}}$")
        self.assertEqual(page.service_keys, ["sante"])
        self.assertEqual(page.region_keys, ["laval"])
        self.assertEqual(page.risk_keys, ["erreurs", "opacite"])
        self.assertEqual(page.agency, self.agency)
        self.assertEqual(
            [block.block_type for block in page.body],
            ["paragraph", "evidence", "timeline_event", "official_response", "image"],
        )
        self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_an_editor_creates_an_english_case_file(self):
        parent = self.pages["en"][INDEX]
        self.assertCanCreate(parent, CaseFilePage, self.form_data(language_code="en"))
        page = CaseFilePage.objects.get(slug="dossier-cree-dans-l-admin")
        self.assertEqual(page.locale.language_code, "en")
        self.assertTrue(page.url.startswith("/en/case-files/"))
        self.assertEqual(self.client.get(page.url).status_code, 200)

    def assertRejected(self, data, *fields):
        data["action-publish"] = "action-publish"
        response = self.client.post(self.add_url(self.pages["fr"][INDEX]), data)
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        for field in fields:
            self.assertIn(field, form.errors)
        self.assertFalse(CaseFilePage.objects.exists())

    def test_services_and_regions_are_required(self):
        self.assertRejected(self.form_data(services=(), regions=()), "services", "regions")

    def test_plain_summary_is_required(self):
        self.assertRejected(self.form_data(plain_summary=""), "plain_summary")

    def test_an_image_needs_alternative_text(self):
        data = self.form_data()
        image_prefix = "body-4-value-"
        self.assertEqual(data["body-4-type"], "image")
        data[image_prefix + "alt_text"] = ""
        self.assertRejected(data, "body")

    def test_a_case_file_cannot_be_added_outside_a_case_file_index(self):
        for parent in (
            self.pages["fr"]["home"],
            self.pages["fr"]["advocacy.AdvocacyBriefIndexPage"],
            self.pages["en"]["advocacy.CollaborationAgreementIndexPage"],
        ):
            response = self.client.post(self.add_url(parent), self.form_data())
            self.assertNotEqual(response.status_code, 200, parent)
            self.assertFalse(CaseFilePage.objects.exists())

    def test_copying_in_the_admin_gives_the_copy_its_own_public_id(self):
        page = CaseFilePageFactory()
        response = self.client.post(
            reverse("wagtailadmin_pages:copy", args=[page.pk]),
            {"new_title": "Copie", "new_slug": "copie", "new_parent_page": page.get_parent().pk},
        )
        self.assertEqual(response.status_code, 302)
        copy = CaseFilePage.objects.get(slug="copie")
        self.assertNotEqual(copy.public_id, page.public_id)
        self.assertRegex(copy.public_id, r"^CF-\d{4}-\d{4}$")

    def test_editing_in_the_admin_never_changes_the_public_id(self):
        page = CaseFilePageFactory()
        original_id = page.public_id
        data = self.form_data(title="Titre corrigé", slug=page.slug, public_id="CF-1999-0001")
        data["action-publish"] = "action-publish"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.title, "Titre corrigé")
        self.assertEqual(page.public_id, original_id)


class CaseFilePublicIdTests(TestCase):
    """``CF-YYYY-NNNN``: assigned once, never reused, never changed."""

    @classmethod
    def setUpTestData(cls):
        cls.pages = site_skeleton()

    def test_a_new_case_file_gets_an_id_of_the_current_year(self):
        page = CaseFilePageFactory()
        self.assertRegex(page.public_id, rf"^CF-{timezone.localdate().year}-\d{{4}}$")

    def test_drafts_get_an_id_too(self):
        self.assertRegex(CaseFilePageFactory(live=False).public_id, r"^CF-\d{4}-\d{4}$")

    def test_ids_follow_each_other_and_are_not_reused_after_a_deletion(self):
        first, second = CaseFilePageFactory(), CaseFilePageFactory()
        self.assertEqual(id_number(second.public_id), id_number(first.public_id) + 1)
        deleted_id = second.public_id
        second.delete()
        third = CaseFilePageFactory()
        self.assertNotEqual(third.public_id, deleted_id)
        self.assertEqual(id_number(third.public_id), id_number(deleted_id) + 1)

    def test_an_id_reserved_by_an_import_is_never_handed_out(self):
        year = timezone.localdate().year
        PublicIdSequence.reserve(f"CF-{year}-0500")
        self.assertEqual(CaseFilePageFactory().public_id, f"CF-{year}-0501")

    def test_renaming_and_republishing_keeps_the_id(self):
        page = CaseFilePageFactory()
        original_id = page.public_id
        page.title, page.slug = "Nouveau titre", "nouveau-titre"
        page.save_revision().publish()
        page.refresh_from_db()
        self.assertEqual(page.public_id, original_id)

    def test_moving_keeps_the_id(self):
        page = CaseFilePageFactory()
        original_id = page.public_id
        other_home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Autre site fictif", slug="autre-site")
        )
        other_index = other_home.add_child(instance=CaseFileIndexPage(title="Dossiers", slug="dossiers"))
        page.move(other_index, pos="last-child")
        page = CaseFilePage.objects.get(pk=page.pk)
        self.assertEqual(page.get_parent().pk, other_index.pk)
        page.save_revision().publish()
        page.refresh_from_db()
        self.assertEqual(page.public_id, original_id)

    def test_a_translation_shares_the_id(self):
        page = CaseFilePageFactory()
        translation = translate_page(page, title="A translated case file")
        self.assertEqual(translation.public_id, page.public_id)
        self.assertEqual(translation.translation_key, page.translation_key)
        self.assertEqual(id_number(CaseFilePageFactory().public_id), id_number(page.public_id) + 1)

    def test_a_copy_is_a_new_item_with_a_new_id(self):
        page = CaseFilePageFactory()
        copy = page.copy(update_attrs={"title": "Copie", "slug": "copie"})
        self.assertNotEqual(copy.public_id, page.public_id)
        self.assertRegex(copy.public_id, r"^CF-\d{4}-\d{4}$")

    def test_an_id_of_another_kind_or_format_is_rejected(self):
        page = CaseFilePageFactory()
        for bad_id in ("BR-2024-0001", "CF-24-1", "cf-2024-0001"):
            page.public_id = bad_id
            with self.assertRaises(ValidationError, msg=bad_id) as caught:
                page.full_clean()
            self.assertIn("public_id", caught.exception.message_dict)

    def test_two_items_in_one_language_cannot_share_an_id(self):
        first, second = CaseFilePageFactory(), CaseFilePageFactory()
        second.public_id = first.public_id
        with self.assertRaises(ValidationError) as caught:
            second.full_clean()
        self.assertIn("public_id", caught.exception.message_dict)
