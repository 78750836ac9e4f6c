"""Where a visitor of each interface language reads an item: the version shown to them and its
address. Search documents, open data and the sitemap all link to items, and must link to the
same place; each of them looks the home and index pages up once per batch (``PageUrls.load``)
instead of asking every page for its URL."""

from dataclasses import dataclass

from django.conf import settings

from .items import item_types, type_of
from .models import HomePage

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass
class PageUrls:
    """Addresses of items computed from the home and index pages, looked up once for a batch:
    an item's own page under its language's home, or the fallback route of the index in the
    visitor's language for an item not translated into it."""

    homes: dict  # language → (url_path, url)
    indexes: dict  # (ItemType, language) → index page url

    @classmethod
    def load(cls):
        homes = {
            home.locale.language_code: (home.url_path, home.url)
            for home in HomePage.objects.live().select_related("locale")
        }
        indexes = {}
        for item_type in item_types():
            for index_page in item_type.index.objects.live().select_related("locale"):
                indexes[(item_type, index_page.locale.language_code)] = index_page.url
        return cls(homes, indexes)

    def url_for(self, page, language):
        url = self.address(
            type_of(type(page)), page.locale.language_code, page.public_id, page.url_path, language
        )
        return url if url is not None else page.url

    def address(self, item_type, own_language, public_id, url_path, language):
        """``url_for`` from a page's values alone; None for a page outside its language's home,
        whose own ``url`` then answers."""
        if own_language != language and (item_type, language) in self.indexes:
            return f"{self.indexes[(item_type, language)]}{public_id}/"
        home_path, home_url = self.homes.get(own_language, (None, None))
        if home_url and url_path.startswith(home_path):
            return home_url + url_path[len(home_path) :]
        return None


def shown_versions(versions, language_of=lambda page: page.locale.language_code):
    """``{interface language: the version a visitor using it reads}`` for one item's live public
    versions: the translation in that language, else the original (the first page created)."""
    by_language = {language_of(page): page for page in versions}
    original = min(versions, key=lambda page: page.pk)
    return {language: by_language.get(language, original) for language in LANGUAGES}
