"""Snapshot every public output of the hub on the fictional demo, and diff two snapshots.

    .venv/bin/python scripts/public_outputs.py snapshot OUT_DIR [--root CHECKOUT]
    .venv/bin/python scripts/public_outputs.py diff DIR_A DIR_B

Why: a refactor must leave pages, APIs, feeds, CSV and open-data files as they were. Take a
snapshot on the commit before it and one after it (``--root`` names the checkout to run, by
default the one holding this script, so one copy of the script serves both), then diff them:
exit status 1 when they differ, with a short unified diff per file and a summary line
"N files, M differ". Two snapshots of one commit diff empty. A snapshot takes about 1.5 minutes
on an idle 2-core machine, 3 to 5 when it is busy (2,840 requests).

``snapshot`` builds a throwaway hub in a temporary folder (SQLite database, media, open data,
static files, an in-process cache), with the clock frozen at FROZEN_AT for the whole run:
``migrate``, ``load_demo --force``, ``build_open_data``, then Django's test client fetches every
public URL, each without the cookies of the one before. It imports none of the project's
modules (they move in refactors): only management commands, settings read from the environment
(``hub.settings.production``, DEBUG off, so 404 pages are the public ones; rate limits off, the
clock being frozen) and the URLs the site serves.

What is fetched, discovered rather than listed where the site tells it:
- every address of the sitemap files, each page again in kiosk mode, and every same-site link
  (``href``, ``src``, ``srcset``, absolute addresses in JSON, XML and text) of whatever is
  fetched, followed to the end: index pagination, cite downloads, feeds the pages advertise,
  open-data files, images and documents, Wagtail API v2 details, the API docs' script;
- the search page, its JSON (``/api/v1/search/``, with ``locale``), its CSV export and its feed
  in French and English, for parameter sets made from the OpenAPI schema's vocabulary (each
  value of each facet and sort alone, combinations, page 2, words in both languages, bad values);
- every public id (from the search API): the items API (no language, ``lang`` fr/en,
  ``Accept-Language: en``), ``/cite/<id>/`` (the same four ways, and every download format seen
  on the pages in both languages), the index route by public id in both languages;
- Wagtail API v2 lists (all pages, ``fields=*``, per page type, images, documents), the
  OpenAPI schema (YAML and JSON), robots.txt, security.txt, the home redirect, 404 pages.
Pages have no separate print view (printing is a style sheet), so none is fetched.

Each answer is one file named after its request: request, status, a few headers, then the
body, or for a binary body (images, PDFs) its size and SHA-256. ``_requests.txt`` lists every
request with its status. What stays random is replaced by the NORMALISERS below; what depends
on the clock (dates, "first published", Last-Modified, file times) follows FROZEN_AT.
"""

import argparse
import contextlib
import difflib
import hashlib
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, deque
from datetime import UTC, datetime
from html import unescape
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import django
import time_machine
from django.core.management import call_command
from django.test import Client

FROZEN_AT = datetime(2026, 11, 15, 15, 0, tzinfo=UTC)
ORIGIN = "http://testserver"
# Public addresses that are entry points rather than links.
SEARCH_PAGES = {"fr": "/fr/recherche/", "en": "/en/search/"}
SEARCH_FEEDS = {"fr": "/fr/recherche/flux/", "en": "/en/search/feed/"}
SITEMAP_SECTIONS = ["pages", "casefiles", "briefs", "agreements"]
FIXED_URLS = [
    *"/ /robots.txt /.well-known/security.txt /sitemap.xml /sitemap-unknown.xml".split(),
    *[f"/sitemap-{section}.xml" for section in SITEMAP_SECTIONS],
    *"/api/v1/schema/ /api/v1/schema/?format=json /api/v1/docs/ /api/v1/unknown/".split(),
    *"/api/v1/items/XX-0000/ /api/v1/items/CF-1999-9999/ /api/v1/items/CF-1999-9999/?lang=de".split(),
    *"/api/v2/pages/?limit=100 /api/v2/pages/?limit=100&fields=* /api/v2/pages/?locale=en&limit=100".split(),
    *"/api/v2/images/?limit=100 /api/v2/documents/?limit=100 /cite/CF-1999-9999/".split(),
    *"/fr/page-qui-nexiste-pas/ /en/no-such-page/ /no-such-page/ /media/no-such-file.png".split(),
]
NOT_FOLLOWED = ("/static/", "/admin/", "/django-admin/", "/i18n/")
KEPT_HEADERS = """Content-Type Location Content-Disposition Content-Language Cache-Control Vary ETag
    Last-Modified Link Allow Access-Control-Allow-Origin Access-Control-Expose-Headers
    Content-Security-Policy""".split()
BINARY_TYPES = re.compile(r"^((image|audio|video|font)/|application/(pdf|octet-stream|zip)\b)")
# What differs from one run to the next on the same commit: (name, pattern, replacement).
NORMALISERS = [
    # No public page uses its CSP nonce today; one that starts to shows as a readable change.
    ("CSP nonce", re.compile(r"""(nonce=["']|'nonce-)[A-Za-z0-9+/=_-]+"""), r"\1<nonce>"),
    # django-csp writes the directives in the order of a set, which changes with the hash seed.
    (
        "CSP directive order",
        re.compile(r"^(Content-Security-Policy: )(.*)$", re.M),
        lambda match: match[1] + "; ".join(sorted(match[2].split("; "))),
    ),
    # The API docs' script hands Swagger UI the visitor's CSRF token (masked anew on each request).
    ("CSRF token", re.compile(r'(X-CSRFTOKEN"\] = ")[A-Za-z0-9]+'), r"\1<csrf>"),
    # The search page's alert form carries one too.
    ("CSRF form token", re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+'), r"\1<csrf>"),
    # Random (version 4) uuids: the StreamField block ids that Wagtail API v2 shows.
    (
        "uuid4",
        re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\b"),
        "<uuid4>",
    ),
    # The CSV's ETag hashes the search index's random state token (or the open-data file's inode).
    ("ETag", re.compile(r'^(ETag: (W/)?)"[^"]*"', re.M), r'\1"<etag>"'),
    ("open data generation", re.compile(r'("generation": )"[0-9a-f]{32}"'), r'\1"<uuid>"'),
]


def start_hub(root, work):
    """Environment first (settings read it once), then Django, then the demo on a fresh database."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY="public-outputs-snapshot-only-" + "0123456789" * 4,
        ALLOWED_HOSTS="testserver",
        WAGTAILADMIN_BASE_URL=ORIGIN,
        SECURE_SSL_REDIRECT="false",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        MEDIA_ROOT=str(work / "media"),
        OPEN_DATA_ROOT=str(work / "media" / "open-data"),
        STATIC_ROOT=str(work / "static"),
        CACHE_URL="locmem://",
        RATELIMIT_ENABLE="false",
        OPEN_DATA_TASK_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        LOG_LEVEL="CRITICAL",
    )
    sys.path.insert(0, str(root))
    django.setup()
    settings_file = Path(sys.modules[os.environ["DJANGO_SETTINGS_MODULE"]].__file__)
    if not settings_file.is_relative_to(root):
        sys.exit(f"The settings came from {settings_file}, not from {root}.")
    logging.disable(logging.WARNING)  # 400 and 404 answers are expected; errors still show
    with open(os.devnull, "w") as quiet:
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", force=True, stdout=quiet)
        call_command("build_open_data", stdout=quiet)
    # The file system does not follow the frozen clock: files written so far get its time too
    # (the open-data files' modification time is their Last-Modified).
    frozen = FROZEN_AT.timestamp()
    for path in work.rglob("*"):
        os.utime(path, (frozen, frozen))


def file_name(key):
    """A readable, stable file name for a request; the hash tells apart what the cleaning merges."""
    readable = re.sub(r"[^A-Za-z0-9._=-]+", "_", key).strip("_")[:120] or "root"
    return f"{readable}.{hashlib.sha1(key.encode()).hexdigest()[:8]}.txt"


def normalise(text):
    for _name, pattern, replacement in NORMALISERS:
        text = pattern.sub(replacement, text)
    return text


class Crawler:
    """Fetches each request once, saves it, and queues the same-site addresses it names."""

    def __init__(self, out_dir):
        self.client = Client(raise_request_exception=False)
        self.out_dir = out_dir
        self.queue = deque()
        self.done = {}  # request key -> (status, content type); None while queued

    def add(self, url, discovered=False, **headers):
        parts = urlsplit(url)
        if parts.netloc and f"{parts.scheme}://{parts.netloc}" != ORIGIN:
            return
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not path.startswith("/") or (discovered and path.startswith(NOT_FOLLOWED)):
            return
        key = "GET " + path + "".join(f" [{name}: {value}]" for name, value in sorted(headers.items()))
        if key not in self.done:
            self.done[key] = None
            self.queue.append((key, path, headers))

    def run(self):
        while self.queue:
            key, path, headers = self.queue.popleft()
            status, content_type, text = self.fetch(key, path, headers)
            self.done[key] = (status, content_type)
            for link in links(text or "", ORIGIN + path):
                self.add(link, discovered=True)

    def request(self, path, headers):
        meta = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
        response = self.client.get(path, **meta)
        self.client.cookies.clear()  # every request starts afresh: no kiosk or language cookie
        return response

    def get(self, path):
        """An answer's text without saving it, for discovery."""
        return body_bytes(self.request(path, {})).decode("utf-8", "replace")

    def fetch(self, key, path, headers):
        response = self.request(path, headers)
        body = body_bytes(response)
        content_type = response.get("Content-Type", "")
        lines = [key, f"HTTP {response.status_code}"]
        lines += [f"{name}: {response[name]}" for name in KEPT_HEADERS if response.has_header(name)]
        text = None
        if not BINARY_TYPES.match(content_type):
            with contextlib.suppress(UnicodeDecodeError):
                text = body.decode("utf-8")
        if text is None:
            lines += ["", f"binary body: {len(body)} bytes, sha256 {hashlib.sha256(body).hexdigest()}"]
        else:
            lines += ["", text]
        (self.out_dir / file_name(key)).write_text(normalise("\n".join(lines)) + "\n", encoding="utf-8")
        return response.status_code, content_type, text


def body_bytes(response):
    if response.streaming:
        body = b"".join(response.streaming_content)
        response.close()
        return body
    return response.content


LINK_ATTRIBUTE = re.compile(r"""\b(href|src|srcset)=["']([^"']*)["']""")
ABSOLUTE = re.compile(re.escape(ORIGIN) + r"""/[^\s"'<>\\),}]*""")  # ends before CSV, BibTeX
QUOTED_PATH = re.compile(r'"(/[^"\s{}<>\\]*)"')  # JSON values such as an image's download_url


def links(text, base):
    """Same-site addresses named in a body: HTML attributes, quoted paths, absolute addresses."""
    found = []
    for attribute, value in LINK_ATTRIBUTE.findall(text):
        parts = (
            [part.split()[0] for part in value.split(",") if part.strip()]
            if attribute == "srcset"
            else [value]
        )
        found += [urljoin(base, unescape(part)) for part in parts]
    found += [urljoin(base, unescape(path)) for path in QUOTED_PATH.findall(text)]
    found += [unescape(url) for url in ABSOLUTE.findall(text)]
    return [url.split("#")[0] for url in found if url.split("#")[0]]


def search_parameter_sets(schema):
    """Query strings for the search surfaces, built from the schema's vocabulary of the search."""
    operation = next(ops["get"] for path, ops in schema["paths"].items() if path.endswith("/search/"))
    enums = {}
    for parameter in operation["parameters"]:
        spec = parameter.get("schema", {})
        values = spec.get("enum") or spec.get("items", {}).get("enum")
        if values and parameter["name"] != "locale":
            enums[parameter["name"]] = values
    sets = [{}]
    sets += [{name: value} for name, values in enums.items() for value in values]
    facets = [name for name in enums if name != "sort"]
    sets += [{name: enums[name][:2]} for name in facets]  # two values of one facet: OR
    sets += [{"type": enums["type"][0], "service": enums["service"][0]}]
    sets += [{name: enums[name][0] for name in facets}, {name: enums[name][-1] for name in facets}]
    sets += [{"service": enums["service"][:3], "region": enums["region"][:3], "sort": "title"}]
    sets += [{"page": "2"}, {"page": "2", "sort": "oldest"}, {"page": "999"}]
    words = ["algorithme", "l'évaluation", "évaluations", '"reconnaissance faciale"', "algorithm"]
    words += ["policies", "santé health", "zzzzqqq"]
    sets += [{"q": word} for word in words]
    sets += [{"q": "données", "sort": "title"}, {"q": "logement", "type": enums["type"][0]}]
    sets += [{"q": "automated decision", "sort": "newest"}, {"q": "algorithme", "page": "2"}]
    sets += [{"service": "inconnu"}, {"page": "abc"}, {"sort": "hasard"}, {"q": '"unclosed'}]
    sets += [{"q": "x" * 201}, {"level": "9"}]
    return [urlencode(params, doseq=True) for params in sets]


def with_query(path, *queries):
    query = "&".join(query for query in queries if query)
    return f"{path}?{query}" if query else path


def public_ids(crawler):
    """Every public id the search API knows, page by page."""
    ids, page = [], 1
    while True:
        answer = json.loads(crawler.get(f"/api/v1/search/?page_size=100&page={page}"))
        ids += [hit["id"] for hit in answer["results"]]
        if page * answer["page_size"] >= answer["count"]:
            return ids
        page += 1


def snapshot(out_dir, root):
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        sys.exit(f"{out_dir} is not empty: give a new folder.")
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="vigie-public-outputs-"))
    try:
        with time_machine.travel(FROZEN_AT, tick=False):
            start_hub(Path(root).resolve(), work)
            crawler = Crawler(out_dir)
            queue_everything(crawler)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    index = "\n".join(f"{status} {key}" for key, (status, _type) in sorted(crawler.done.items()))
    (out_dir / "_requests.txt").write_text(index + "\n", encoding="utf-8")
    statuses = Counter(status for status, _type in crawler.done.values())
    by_status = ", ".join(f"{count} x {status}" for status, count in sorted(statuses.items()))
    print(
        f"{len(crawler.done)} requests ({by_status}) saved in {out_dir} in {time.monotonic() - started:.0f} s"
    )


def queue_everything(crawler):
    for url in FIXED_URLS:
        crawler.add(url)
    crawler.add("/", **{"Accept-Language": "en"})
    crawler.run()
    # Every page found so far, in kiosk mode too.
    for key, (status, content_type) in list(crawler.done.items()):
        path = key.split()[1]
        if status == 200 and content_type.startswith("text/html") and "?" not in path and " [" not in key:
            crawler.add(with_query(path, "kiosk=1"))
    # The search surfaces, with parameter sets drawn from the schema.
    schema = json.loads(crawler.get("/api/v1/schema/?format=json"))
    for query in search_parameter_sets(schema):
        for language in SEARCH_PAGES:
            crawler.add(with_query(SEARCH_PAGES[language], query))
            crawler.add(with_query(SEARCH_FEEDS[language], query))
            crawler.add(with_query("/api/v1/search/", query, f"locale={language}"))
        crawler.add(with_query("/api/v1/search/", query))
        crawler.add(with_query("/api/v1/casefiles.csv", query))
    crawler.add("/api/v1/search/?page_size=5&page=3")
    crawler.add("/api/v1/search/?page_size=101")
    crawler.run()
    # Every item: the items API, the permanent address and its downloads, the route by public id.
    formats = sorted(
        {match for key in crawler.done for match in re.findall(r"^GET /cite/[^?]*\?.*?format=([\w-]+)", key)}
    )
    pages = json.loads(crawler.get("/api/v2/pages/?limit=100&fields=*"))["items"]
    for page_type in sorted({page["meta"]["type"] for page in pages}):
        crawler.add(f"/api/v2/pages/?type={page_type}&fields=*&limit=100")
    ids = public_ids(crawler)
    for public_id in ids:
        for base in (f"/api/v1/items/{public_id}/", f"/cite/{public_id}/"):
            crawler.add(base)
            crawler.add(base, **{"Accept-Language": "en"})
            for language in SEARCH_PAGES:
                crawler.add(f"{base}?lang={language}")
        for language in SEARCH_PAGES:
            for format_name in formats:
                crawler.add(f"/cite/{public_id}/?format={format_name}&lang={language}")
        item = json.loads(crawler.get(f"/api/v1/items/{public_id}/"))
        for url in item["urls"].values():  # the index's route by public id, in each language
            crawler.add(urlsplit(url).path.rstrip("/").rsplit("/", 1)[0] + f"/{public_id}/")
    crawler.add(f"/cite/{ids[0].lower()}/")
    crawler.add(f"/cite/{ids[0]}/?format=unknown")
    crawler.add(f"/cite/{ids[0]}/?lang=de")
    crawler.run()


def diff(dir_a, dir_b, shown=20):
    """Prints what differs, at most ``shown`` diff lines per file; 1 if anything does."""
    dir_a, dir_b = Path(dir_a), Path(dir_b)
    names = sorted({path.name for path in dir_a.iterdir()} | {path.name for path in dir_b.iterdir()})
    differing = 0
    for name in names:
        a, b = dir_a / name, dir_b / name
        if not (a.exists() and b.exists()):
            differing += 1
            print(f"only in {a.parent if a.exists() else b.parent}: {name}")
            continue
        lines_a = a.read_text(encoding="utf-8").splitlines()
        lines_b = b.read_text(encoding="utf-8").splitlines()
        if lines_a == lines_b:
            continue
        differing += 1
        changes = list(difflib.unified_diff(lines_a, lines_b, str(a), str(b), n=1, lineterm=""))
        print("\n".join(line[:200] for line in changes[:shown]))
        if len(changes) > shown:
            print(f"... {len(changes) - shown} more diff lines")
    print(f"{len(names)} files, {differing} differ")
    return 1 if differing else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("snapshot")
    take.add_argument("out_dir")
    take.add_argument("--root", default=Path(__file__).resolve().parent.parent, help="the hub's checkout")
    compare = commands.add_parser("diff")
    compare.add_argument("dir_a")
    compare.add_argument("dir_b")
    arguments = parser.parse_args()
    if arguments.command == "snapshot":
        snapshot(arguments.out_dir, arguments.root)
        return 0
    return diff(arguments.dir_a, arguments.dir_b)


if __name__ == "__main__":
    sys.exit(main())
