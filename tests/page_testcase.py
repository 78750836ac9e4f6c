"""Wagtail's page test case, adapted to a site served under language prefixes (/fr/, /en/)."""

from django.http import Http404
from django.urls import resolve
from django.utils import translation
from django.utils.translation import get_language_from_path
from wagtail.test.utils import WagtailPageTestCase


class LocalizedPageTestCase(WagtailPageTestCase):
    def assertPageIsRoutable(self, page, route_path="/", msg=None):
        """Wagtail's version routes the whole URL from the site root, so ``/fr/dossiers/`` is looked
        up as a child page called ``fr``. Here the language prefix is removed and activated, as the
        URL resolver and LocaleMiddleware do before Wagtail's serve view sees the path."""
        path = page.get_url(self.dummy_request)
        if route_path != "/":
            path = path.rstrip("/") + "/" + route_path.lstrip("/")
        language_code = get_language_from_path(path)
        with translation.override(language_code):
            match = resolve(path)
            serve_path = match.args[0] if match.args else match.kwargs.get("path", "")
            components = [component for component in serve_path.split("/") if component]
            try:
                page.get_site().root_page.localized.specific.route(self.dummy_request, components)
            except Http404 as error:
                raise self.failureException(
                    self._formatMessage(
                        msg, f'Failed to route to "{path}" for {type(page).__name__} "{page}"'
                    )
                ) from error

    def assertHtmlLang(self, response, language_code):
        root = self.get_soup(response.content).find("html")
        self.assertIsNotNone(root, "no <html> element")
        self.assertEqual(root.get("lang"), language_code)

    def texts_in_language(self, response, language_code):
        """The text of every element of the body marked as written in ``language_code``."""
        body = self.get_soup(response.content).body
        return [element.get_text(" ", strip=True) for element in body.find_all(attrs={"lang": language_code})]

    def assertShownInLanguage(self, response, text, language_code):
        """``text`` appears inside an element whose ``lang`` is ``language_code``."""
        passages = self.texts_in_language(response, language_code)
        self.assertTrue(
            any(text in passage for passage in passages),
            f"{text!r} is not inside any lang={language_code!r} element; those hold: {passages}",
        )
