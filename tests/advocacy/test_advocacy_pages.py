"""Advocacy briefs and collaboration agreements: where they may live, how they render in both
languages, how editors create them in the admin, and their public ids."""

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from advocacy.models import (
    AdvocacyBriefIndexPage,
    AdvocacyBriefPage,
    CollaborationAgreementIndexPage,
    CollaborationAgreementPage,
)
from hub.models import HomePage, Organization, Region, Risk, Service, StandardPage
from impacts.models import CaseFileIndexPage, CaseFilePage
from tests.factories import (
    AdvocacyBriefPageFactory,
    AgreementPartyFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    PageViewRestrictionFactory,
    site_skeleton,
    terms,
    translate_page,
)
from tests.page_testcase import LocalizedPageTestCase

BRIEF_INDEX = "advocacy.AdvocacyBriefIndexPage"
AGREEMENT_INDEX = "advocacy.CollaborationAgreementIndexPage"


class AdvocacyPageTypeTests(LocalizedPageTestCase):
    def test_briefs_live_only_in_the_brief_index(self):
        self.assertAllowedParentPageTypes(AdvocacyBriefPage, {AdvocacyBriefIndexPage})
        self.assertAllowedSubpageTypes(AdvocacyBriefPage, set())
        self.assertAllowedParentPageTypes(AdvocacyBriefIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(AdvocacyBriefIndexPage, {AdvocacyBriefPage})
        self.assertCanCreateAt(AdvocacyBriefIndexPage, AdvocacyBriefPage)
        for parent in (
            HomePage,
            StandardPage,
            CaseFileIndexPage,
            CollaborationAgreementIndexPage,
            CaseFilePage,
        ):
            self.assertCanNotCreateAt(parent, AdvocacyBriefPage)

    def test_agreements_live_only_in_the_agreement_index(self):
        self.assertAllowedParentPageTypes(CollaborationAgreementPage, {CollaborationAgreementIndexPage})
        self.assertAllowedSubpageTypes(CollaborationAgreementPage, set())
        self.assertAllowedParentPageTypes(CollaborationAgreementIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CollaborationAgreementIndexPage, {CollaborationAgreementPage})
        self.assertCanCreateAt(CollaborationAgreementIndexPage, CollaborationAgreementPage)
        for parent in (HomePage, StandardPage, CaseFileIndexPage, AdvocacyBriefIndexPage, AdvocacyBriefPage):
            self.assertCanNotCreateAt(parent, CollaborationAgreementPage)

    def test_indexes_are_not_creatable_below_the_home_page_level(self):
        for index_model in (AdvocacyBriefIndexPage, CollaborationAgreementIndexPage):
            self.assertCanCreateAt(HomePage, index_model)
            self.assertCanNotCreateAt(StandardPage, index_model)
            self.assertCanNotCreateAt(Page, index_model)

    def test_each_home_page_has_one_index_of_each_kind_already(self):
        pages = site_skeleton()
        for language_code in ("fr", "en"):
            for index_model in (AdvocacyBriefIndexPage, CollaborationAgreementIndexPage):
                self.assertFalse(index_model.can_create_at(pages[language_code]["home"]))


class ItemRenderingChecks:
    """Checks shared by briefs and agreements; subclasses say which factory and index to use."""

    factory = None
    index_path = None
    prefixes = None  # {"fr": "/fr/<index slug>/", "en": "/en/<index slug>/"}

    @classmethod
    def setUpTestData(cls):
        cls.pages = site_skeleton()
        cls.index_fr = cls.pages["fr"][cls.index_path]
        cls.index_en = cls.pages["en"][cls.index_path]
        cls.translated = cls.factory(title="Version française traduite")
        cls.translation = translate_page(
            cls.translated, title="Translated English version", summary="A fictional English summary."
        )
        cls.untranslated = cls.factory(title="Seulement en français")
        cls.english_only = cls.factory(parent=cls.index_en, title="English only")
        cls.draft = cls.factory(title="Brouillon non publié", live=False)
        cls.private = cls.factory(title="Réservé aux membres")
        PageViewRestrictionFactory(page=cls.private)

    def test_indexes_are_routable_and_renderable_in_both_languages(self):
        for index_page in (self.index_fr, self.index_en):
            self.assertEqual(index_page.url, self.prefixes[index_page.locale.language_code])
            self.assertPageIsRoutable(index_page)
            self.assertPageIsRenderable(index_page)

    def test_items_and_translations_are_routable_and_renderable(self):
        for page in (self.translated, self.translation, self.untranslated, self.english_only):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        self.assertTrue(self.translation.url.startswith(self.prefixes["en"]))

    def test_an_untranslated_item_is_shown_in_its_language_in_the_other_interface(self):
        route = f"{self.untranslated.public_id}/"
        self.assertPageIsRoutable(self.index_en, route_path=route)
        self.assertPageIsRenderable(self.index_en, route_path=route)
        response = self.client.get(self.prefixes["en"] + route)
        self.assertHtmlLang(response, "en")
        self.assertShownInLanguage(response, self.untranslated.title, "fr")
        response = self.client.get(f"{self.prefixes['fr']}{self.english_only.public_id}/")
        self.assertEqual(response.status_code, 200)
        self.assertHtmlLang(response, "fr")
        self.assertShownInLanguage(response, self.english_only.title, "en")

    def test_the_other_language_route_of_a_translated_item_redirects_to_its_translation(self):
        response = self.client.get(f"{self.prefixes['en']}{self.translated.public_id}/")
        self.assertRedirects(response, self.translation.url, fetch_redirect_response=False)

    def test_indexes_list_translations_and_untranslated_items(self):
        response = self.client.get(self.prefixes["en"])
        self.assertContains(response, self.translation.title)
        self.assertNotContains(response, self.translated.title)
        self.assertContains(response, self.untranslated.title)
        self.assertContains(response, f'href="{self.prefixes["en"]}{self.untranslated.public_id}/"')
        response = self.client.get(self.prefixes["fr"])
        self.assertContains(response, self.translated.title)
        self.assertContains(response, self.english_only.title)

    def test_drafts_and_private_items_are_never_listed_nor_served_at_the_other_language_route(self):
        for path in (self.prefixes["fr"], self.prefixes["en"], "/fr/", "/en/"):
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200, path)
            for hidden in (self.draft, self.private):
                self.assertNotContains(response, hidden.title)
                self.assertNotContains(response, hidden.public_id)
        for hidden in (self.draft, self.private):
            self.assertEqual(self.client.get(f"{self.prefixes['en']}{hidden.public_id}/").status_code, 404)

    def test_public_ids_have_the_kind_prefix_and_the_current_year(self):
        prefix = self.factory._meta.model.id_prefix
        self.assertRegex(self.untranslated.public_id, rf"^{prefix}-{timezone.localdate().year}-\d{{4}}$")
        self.assertEqual(self.translation.public_id, self.translated.public_id)
        self.assertEqual(self.translation.translation_key, self.translated.translation_key)


class BriefRenderingTests(ItemRenderingChecks, LocalizedPageTestCase):
    factory = AdvocacyBriefPageFactory
    index_path = BRIEF_INDEX
    prefixes = {"fr": "/fr/memoires/", "en": "/en/briefs/"}

    def test_the_id_prefix_is_br(self):
        self.assertTrue(self.untranslated.public_id.startswith("BR-"))

    def test_a_brief_links_its_cited_case_files_where_the_reader_can_read_them(self):
        casefile = CaseFilePageFactory(title="Dossier cité")
        brief = AdvocacyBriefPageFactory(
            citations=[(casefile, "Preuve no 2")],
            authors=[{"person_name": "Autrice fictive", "organization": None}],
        )
        response = self.client.get(brief.url)
        self.assertContains(response, f'href="{casefile.url}"')
        self.assertContains(response, "Preuve no 2")
        self.assertContains(response, "Autrice fictive")
        self.assertContains(response, "Ministère fictif")
        response = self.client.get(f"/en/briefs/{brief.public_id}/")
        self.assertContains(response, f'href="/en/case-files/{casefile.public_id}/"')

    def test_a_brief_never_shows_a_cited_draft_or_private_case_file(self):
        draft = CaseFilePageFactory(title="Dossier cité en brouillon", live=False)
        private = CaseFilePageFactory(title="Dossier cité privé")
        PageViewRestrictionFactory(page=private)
        brief = AdvocacyBriefPageFactory(citations=[(draft, "Section A"), (private, "Section B")])
        for path in (brief.url, f"/en/briefs/{brief.public_id}/"):
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200)
            for hidden in (draft, private):
                self.assertNotContains(response, hidden.title)
                self.assertNotContains(response, hidden.public_id)


class AgreementRenderingTests(ItemRenderingChecks, LocalizedPageTestCase):
    factory = CollaborationAgreementPageFactory
    index_path = AGREEMENT_INDEX
    prefixes = {"fr": "/fr/ententes/", "en": "/en/agreements/"}

    def test_the_id_prefix_is_ac(self):
        self.assertTrue(self.untranslated.public_id.startswith("AC-"))

    def test_an_agreement_shows_its_parties_scope_and_role_of_citizens(self):
        agreement = CollaborationAgreementPageFactory(parties=[])
        city = AgreementPartyFactory(agreement=agreement, organization__name="Ville fictive de Laval")
        group = AgreementPartyFactory(
            agreement=agreement, organization__name="Collectif fictif", role="non-profit"
        )
        response = self.client.get(agreement.url)
        self.assertContains(response, city.organization.name)
        self.assertContains(response, group.organization.name)
        self.assertContains(response, agreement.scope)
        self.assertContains(response, agreement.citizen_role)


class AdvocacyAdminTests(LocalizedPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = site_skeleton()
        cls.organization = OrganizationFactory(name="Collectif fictif", kind=Organization.Kind.NON_PROFIT)
        cls.city = OrganizationFactory(name="Ville fictive", kind=Organization.Kind.MUNICIPALITY)
        cls.casefile = CaseFilePageFactory()

    def setUp(self):
        self.login()

    def taxonomy_data(self, data, language_code="fr", with_risks=True):
        data["services"] = [term.pk for term in terms(Service, ["justice"], language_code)]
        data["regions"] = [term.pk for term in terms(Region, ["estrie", "laval"], language_code)]
        if with_risks:
            data["risks"] = [term.pk for term in terms(Risk, ["surveillance"], language_code)]
        return data

    def brief_data(self, language_code="fr", authors=None, **overrides):
        fields = {
            "title": "Mémoire créé dans l'admin",
            "slug": "memoire-cree",
            "summary": "Un mémoire fictif.",
            "plain_summary": "Nous demandons des règles claires.",
            "authors": inline_formset(
                [{"person_name": "Autrice fictive", "organization": str(self.organization.pk)}]
                if authors is None
                else authors,
                min=1,
            ),
            "publication_date": "2024-05-01",
            "version": "1.1",
            "pdf": "",
            "body": streamfield([("paragraph", rich_text("<p>Argumentaire fictif.</p>"))]),
            "recommendations": streamfield(
                [
                    (
                        "recommendation",
                        {
                            "recommendation": "Publier un registre.",
                            "addressee": "Ministère fictif",
                            "rationale": "",
                        },
                    )
                ]
            ),
            "citations": inline_formset([{"casefile": str(self.casefile.pk), "pinpoint": "Chronologie"}]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
        fields.update(overrides)
        return self.taxonomy_data(nested_form_data(fields), language_code)

    def agreement_data(self, language_code="fr", parties=None, **overrides):
        fields = {
            "title": "Entente créée dans l'admin",
            "slug": "entente-creee",
            "summary": "Une entente fictive.",
            "plain_summary": "La ville et le collectif travaillent ensemble.",
            "parties": inline_formset(
                [
                    {"organization": str(self.city.pk), "role": "municipality"},
                    {"organization": str(self.organization.pk), "role": "non-profit"},
                ]
                if parties is None
                else parties,
                min=2,
            ),
            "signatories": inline_formset(
                [{"name": "Signataire fictive", "title": "Mairesse", "organization": "", "signed_on": ""}]
            ),
            "scope": "Le système fictif de tri.",
            "citizen_role": "Deux sièges au comité.",
            "commitments": inline_formset(
                [
                    {
                        "text": "Publier le code.",
                        "owner": str(self.city.pk),
                        "owner_role": "Direction des technologies",
                        "due_date": "2025-06-01",
                    },
                    {
                        "text": "Former le personnel.",
                        "owner": str(self.organization.pk),
                        "owner_role": "",
                        "due_date": "",
                    },
                ]
            ),
            "status": "signed",
            "start_date": "2024-01-01",
            "end_date": "2025-12-31",
            "signed_document": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
        fields.update(overrides)
        return self.taxonomy_data(nested_form_data(fields), language_code, with_risks=False)

    def add_url(self, model, parent):
        return reverse("wagtailadmin_pages:add", args=["advocacy", model._meta.model_name, parent.pk])

    def assertRejected(self, model, parent, data):
        response = self.client.post(self.add_url(model, parent), data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(model.objects.exists())
        return response.context["form"]

    def test_an_editor_creates_a_brief_in_each_language(self):
        for language_code in ("fr", "en"):
            parent = self.pages[language_code][BRIEF_INDEX]
            self.assertCanCreate(parent, AdvocacyBriefPage, self.brief_data(language_code))
            brief = AdvocacyBriefPage.objects.get(locale__language_code=language_code)
            self.assertRegex(brief.public_id, r"^BR-\d{4}-\d{4}$")
            self.assertEqual(brief.author_names, ["Autrice fictive — Collectif fictif"])
            self.assertEqual(
                brief.cited_casefiles, [{"id": self.casefile.public_id, "pinpoint": "Chronologie"}]
            )
            self.assertEqual(brief.service_keys, ["justice"])
            self.assertEqual(brief.region_keys, ["estrie", "laval"])
            self.assertEqual(brief.risk_keys, ["surveillance"])
            self.assertEqual(self.client.get(brief.url).status_code, 200)

    def test_a_brief_needs_an_author(self):
        form = self.assertRejected(
            AdvocacyBriefPage, self.pages["fr"][BRIEF_INDEX], self.brief_data(authors=[])
        )
        self.assertTrue(form.formsets["authors"].non_form_errors())

    def test_a_brief_needs_its_plain_summary_services_and_regions(self):
        data = self.brief_data(plain_summary="")
        del data["services"], data["regions"]
        form = self.assertRejected(AdvocacyBriefPage, self.pages["fr"][BRIEF_INDEX], data)
        for field in ("plain_summary", "services", "regions"):
            self.assertIn(field, form.errors)

    def test_an_editor_creates_an_agreement_in_each_language(self):
        for language_code in ("fr", "en"):
            parent = self.pages[language_code][AGREEMENT_INDEX]
            self.assertCanCreate(parent, CollaborationAgreementPage, self.agreement_data(language_code))
            agreement = CollaborationAgreementPage.objects.get(locale__language_code=language_code)
            self.assertRegex(agreement.public_id, r"^AC-\d{4}-\d{4}$")
            self.assertEqual(
                [(party["name"], party["role"]) for party in agreement.party_list],
                [("Ville fictive", "municipality"), ("Collectif fictif", "non-profit")],
            )
            self.assertEqual(
                [(c.number, c.text, c.owner_role) for c in agreement.commitments.order_by("sort_order")],
                [(1, "Publier le code.", "Direction des technologies"), (2, "Former le personnel.", "")],
            )
            self.assertEqual(self.client.get(agreement.url).status_code, 200)

    def test_an_agreement_needs_two_parties(self):
        data = self.agreement_data(parties=[{"organization": str(self.city.pk), "role": "municipality"}])
        form = self.assertRejected(CollaborationAgreementPage, self.pages["fr"][AGREEMENT_INDEX], data)
        self.assertTrue(form.formsets["parties"].non_form_errors())

    def test_an_agreement_cannot_end_before_it_starts(self):
        data = self.agreement_data(start_date="2025-01-01", end_date="2024-01-01")
        form = self.assertRejected(CollaborationAgreementPage, self.pages["fr"][AGREEMENT_INDEX], data)
        self.assertIn("end_date", form.errors)

    def test_items_cannot_be_added_under_another_kind_of_index(self):
        attempts = [
            (AdvocacyBriefPage, self.pages["fr"]["impacts.CaseFileIndexPage"], self.brief_data()),
            (AdvocacyBriefPage, self.pages["fr"][AGREEMENT_INDEX], self.brief_data()),
            (CollaborationAgreementPage, self.pages["fr"][BRIEF_INDEX], self.agreement_data()),
            (CollaborationAgreementPage, self.pages["en"]["home"], self.agreement_data("en")),
        ]
        for model, parent, data in attempts:
            response = self.client.post(self.add_url(model, parent), data)
            self.assertNotEqual(response.status_code, 200)
            self.assertFalse(model.objects.exists())
