"""The site shell: the skeleton ``ensure_site`` builds, the home and standard pages in both
languages, and the language redirect at ``/``."""

from django.test import TestCase
from wagtail.models import Page, Site

from advocacy.models import AdvocacyBriefIndexPage, CollaborationAgreementIndexPage
from hub.items import item_types
from hub.models import HomePage, StandardPage
from hub.site_setup import ensure_site
from impacts.models import CaseFileIndexPage
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    PageViewRestrictionFactory,
    paragraph,
    site_skeleton,
    translate_page,
)
from tests.page_testcase import LocalizedPageTestCase

INDEXES = {
    "impacts.CaseFileIndexPage": {"fr": "/fr/dossiers/", "en": "/en/case-files/"},
    "advocacy.AdvocacyBriefIndexPage": {"fr": "/fr/memoires/", "en": "/en/briefs/"},
    "advocacy.CollaborationAgreementIndexPage": {"fr": "/fr/ententes/", "en": "/en/agreements/"},
}


class SiteSkeletonTests(TestCase):
    def test_the_skeleton_is_served_at_the_expected_urls(self):
        pages = site_skeleton()
        self.assertEqual(pages["fr"]["home"].url, "/fr/")
        self.assertEqual(pages["en"]["home"].url, "/en/")
        for model_path, urls in INDEXES.items():
            for language_code, url in urls.items():
                self.assertEqual(pages[language_code][model_path].url, url)
                self.assertEqual(self.client.get(url).status_code, 200, url)

    def test_the_french_home_is_the_default_site_root_and_the_english_home_its_translation(self):
        pages = site_skeleton()
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(site.root_page_id, pages["fr"]["home"].pk)
        self.assertEqual(pages["en"]["home"].translation_key, pages["fr"]["home"].translation_key)
        for model_path in INDEXES:
            self.assertEqual(pages["en"][model_path].translation_key, pages["fr"][model_path].translation_key)

    def test_ensure_site_is_idempotent(self):
        first = site_skeleton()
        page_count = Page.objects.count()
        second = site_skeleton()
        self.assertEqual(Page.objects.count(), page_count)
        self.assertEqual(
            {language: {name: page.pk for name, page in pages.items()} for language, pages in first.items()},
            {language: {name: page.pk for name, page in pages.items()} for language, pages in second.items()},
        )

    def test_ensure_site_returns_pages_that_match_the_database(self):
        """Commands add items under the pages ``ensure_site`` returns; a stale ``url_path`` there
        would be copied into every child and make it unreachable."""
        for language_code, pages in ensure_site().items():
            for name, page in pages.items():
                stored = Page.objects.get(pk=page.pk)
                self.assertEqual(page.url_path, stored.url_path, f"{language_code} {name}")

    def test_an_item_added_under_the_returned_english_index_is_served(self):
        index_en = ensure_site()["en"]["impacts.CaseFileIndexPage"]
        page = CaseFilePageFactory(parent=index_en, title="Created right after setup")
        self.assertTrue(page.url.startswith("/en/case-files/"), page.url)
        self.assertEqual(self.client.get(page.url).status_code, 200)


class ShellPageTypeTests(LocalizedPageTestCase):
    def test_the_home_page_sits_at_the_root_and_leads_to_every_section(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {*(item_type.index for item_type in item_types()), StandardPage},
        )
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanNotCreateAt(CaseFileIndexPage, HomePage)

    def test_standard_pages_nest_under_the_home_page_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        for parent in (CaseFileIndexPage, AdvocacyBriefIndexPage, CollaborationAgreementIndexPage, Page):
            self.assertCanNotCreateAt(parent, StandardPage)


class ShellRenderingTests(LocalizedPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = site_skeleton()
        cls.about = StandardPage(
            title="À propos", slug="a-propos", intro="Qui nous sommes.", body=[paragraph("Texte fictif.")]
        )
        cls.pages["fr"]["home"].add_child(instance=cls.about)
        cls.about.save_revision().publish()
        cls.about_en = translate_page(cls.about, title="About", slug="about", intro="Who we are.")
        cls.casefile = CaseFilePageFactory(title="Dossier récent")
        cls.brief = AdvocacyBriefPageFactory(title="Mémoire récent")
        cls.agreement = CollaborationAgreementPageFactory(title="Entente récente")
        cls.draft = CaseFilePageFactory(title="Dossier en brouillon", live=False)
        cls.private = CaseFilePageFactory(title="Dossier privé")
        PageViewRestrictionFactory(page=cls.private)

    def test_home_and_standard_pages_are_routable_and_renderable_in_both_languages(self):
        for page in (self.pages["fr"]["home"], self.pages["en"]["home"], self.about, self.about_en):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_each_language_has_its_own_html_lang(self):
        for path, language_code in (
            ("/fr/", "fr"),
            ("/en/", "en"),
            ("/fr/a-propos/", "fr"),
            ("/en/about/", "en"),
        ):
            self.assertHtmlLang(self.client.get(path), language_code)

    def test_the_root_redirects_to_french_by_default(self):
        self.assertRedirects(self.client.get("/"), "/fr/", fetch_redirect_response=False)
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
        self.assertRedirects(response, "/fr/", fetch_redirect_response=False)

    def test_the_root_redirects_to_english_for_an_english_browser(self):
        for header in ("en", "en-CA,en;q=0.9,fr;q=0.5"):
            response = self.client.get("/", HTTP_ACCEPT_LANGUAGE=header)
            self.assertRedirects(response, "/en/", fetch_redirect_response=False)

    def test_the_root_follows_a_french_browser(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9,en;q=0.5")
        self.assertRedirects(response, "/fr/", fetch_redirect_response=False)

    def test_the_home_page_leads_to_all_three_sections(self):
        for language_code in ("fr", "en"):
            response = self.client.get(f"/{language_code}/")
            for urls in INDEXES.values():
                self.assertContains(response, f'href="{urls[language_code]}"')

    def test_the_home_page_shows_the_latest_items_in_both_languages(self):
        for language_code in ("fr", "en"):
            response = self.client.get(f"/{language_code}/")
            for item in (self.casefile, self.brief, self.agreement):
                self.assertContains(response, item.title)
                self.assertContains(response, f'href="{item.url_in(language_code)}"')

    def test_the_home_page_never_shows_drafts_or_private_items(self):
        for path in ("/fr/", "/en/"):
            response = self.client.get(path)
            self.assertNotContains(response, self.draft.title)
            self.assertNotContains(response, self.private.title)

    def test_the_language_switcher_links_each_page_to_its_translation(self):
        self.assertContains(self.client.get("/fr/"), 'href="/en/"')
        self.assertContains(self.client.get("/en/"), 'href="/fr/"')
        self.assertContains(self.client.get("/fr/a-propos/"), 'href="/en/about/"')
        self.assertContains(self.client.get("/en/about/"), 'href="/fr/a-propos/"')
