"""What the load test's readers ask for (benchmarks/locustfile.py), discovered from the hub under
test at the start: item pages of every registered type in both languages and their public ids
(from the search API, spread over the whole corpus), the facet values with results, words that
occur in titles, and the CSV downloads the OpenAPI schema lists.

No Django and no locust here: ``discover`` is handed a function that GETs a path and returns
``(status, text)``, so the same code runs in locust (over HTTP) and in the tests (the test
client)."""

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

LANGUAGES = ("fr", "en")
# The public entry points; everything else is discovered.
HOMES = {"fr": "/fr/", "en": "/en/"}
SEARCH_PAGES = {"fr": "/fr/recherche/", "en": "/en/search/"}
FEEDS = {"fr": "/fr/recherche/flux/", "en": "/en/search/feed/"}
SEARCH_API = "/api/v1/search/"
SCHEMA = "/api/v1/schema/"
FACETS = ("service", "region", "risk", "level")
PAGE_SIZE = 100
# Result pages read per type and language: first, middle and last, so that old and new items
# are both visited.
SAMPLED_PAGES = 3
WORD = re.compile(r"[^\W\d_]{5,}")


class DiscoveryError(Exception):
    """The hub did not answer what the load test needs (a status other than 200)."""


@dataclass
class Mix:
    item_paths: dict = field(default_factory=dict)  # {type: [path, ...]} (both languages)
    public_ids: list = field(default_factory=list)
    facet_values: dict = field(default_factory=dict)  # {facet: [key, ...]} with results
    words: dict = field(default_factory=dict)  # {language: [word, ...]}
    csv_paths: list = field(default_factory=list)

    def search_query(self, rng, with_words, with_facets, language):
        """A query string as a reader builds one: a word or two, one to three facet values."""
        params = []
        if with_words and self.words.get(language):
            params.append(
                ("q", " ".join(rng.sample(self.words[language], k=min(2, len(self.words[language])))))
            )
        if with_facets:
            for facet in rng.sample(
                list(self.facet_values), k=min(rng.randint(1, 3), len(self.facet_values))
            ):
                params.append((facet, rng.choice(self.facet_values[facet])))
        return urlencode(params)


def get_json(get, path):
    status, text = get(path)
    if status != 200:
        raise DiscoveryError(f"GET {path} answered {status}.")
    return json.loads(text)


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def discover(get):
    """The ``Mix`` of the hub that ``get(path) -> (status, text)`` reaches."""
    mix = Mix()
    overview = get_json(get, f"{SEARCH_API}?page_size=1")
    mix.facet_values = {
        facet: [value["key"] for value in overview["facets"].get(facet, []) if value["count"]]
        for facet in FACETS
    }
    mix.facet_values = {facet: keys for facet, keys in mix.facet_values.items() if keys}
    titles = {language: [] for language in LANGUAGES}
    for type_value in overview["facets"]["type"]:
        if not type_value["count"]:
            continue
        item_type = type_value["key"]
        last_page = max(1, -(-type_value["count"] // PAGE_SIZE))
        pages = sorted({1, (last_page + 1) // 2, last_page})[:SAMPLED_PAGES]
        paths = mix.item_paths.setdefault(item_type, [])
        for language in LANGUAGES:
            for page in pages:
                query = urlencode(
                    {"type": item_type, "locale": language, "page": page, "page_size": PAGE_SIZE}
                )
                for hit in get_json(get, f"{SEARCH_API}?{query}")["results"]:
                    paths.append(path_of(hit["url"]))
                    mix.public_ids.append(hit["id"])
                    titles[hit["locale"]].append(hit["title"])
    mix.public_ids = sorted(set(mix.public_ids))
    for language, language_titles in titles.items():
        words = {word.lower() for title in language_titles for word in WORD.findall(title)}
        mix.words[language] = sorted(words)
    status, schema = get(SCHEMA)
    if status != 200:
        raise DiscoveryError(f"GET {SCHEMA} answered {status}.")
    mix.csv_paths = re.findall(r"^  (/\S+\.csv):$", schema, flags=re.MULTILINE)
    return mix
