"""The load test (`make loadtest`, run by scripts/loadtest): readers and one editor.

Readers (``Reader``) go from page to page with a pause of 0.5 to 2.5 s: home pages in both
languages, item pages of every type, the search page with facets and with words, the search API,
the items API, feeds, and now and then a CSV download. What exists is discovered when the test
starts (``benchmarks.load_mix``), from the search API and the OpenAPI schema.

The editor (``Editor``, one user) logs in to the admin as the administrator scripts/loadtest
created and publishes, every 5 s, one of the drafts it prepared (``prepare_loadtest``), through
the admin API: the road and the code of a real publication. It runs only when LOADTEST_DRAFTS
names the drafts file (LOADTEST_USERNAME, LOADTEST_PASSWORD: the account).

Production cookies are Secure and the test speaks plain HTTP to gunicorn, so the editor sends its
session and CSRF cookies itself."""

import json
import os
import random
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

from locust import FastHttpUser, HttpUser, between, constant_pacing, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.load_mix import FEEDS, HOMES, LANGUAGES, SEARCH_API, SEARCH_PAGES, discover  # noqa: E402

MIX = None


@events.test_start.add_listener
def discover_the_hub(environment, **kwargs):
    """Read what the hub holds once, before the users start."""
    global MIX

    def get(path):
        try:
            with urllib.request.urlopen(environment.host + path, timeout=120) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, ""

    MIX = discover(get)


class Reader(FastHttpUser):
    wait_time = between(0.5, 2.5)

    def on_start(self):
        self.rng = random.Random()
        self.language = self.rng.choice(LANGUAGES)

    @task(10)
    def home(self):
        self.client.get(HOMES[self.rng.choice(LANGUAGES)], name="home")

    @task(20)
    def item_page(self):
        item_type = self.rng.choice(list(MIX.item_paths))
        self.client.get(self.rng.choice(MIX.item_paths[item_type]), name=f"item page: {item_type}")

    @task(8)
    def search_with_facets(self):
        query = MIX.search_query(self.rng, with_words=False, with_facets=True, language=self.language)
        self.client.get(f"{SEARCH_PAGES[self.language]}?{query}", name="search page: facets")

    @task(8)
    def search_with_words(self):
        query = MIX.search_query(
            self.rng, with_words=True, with_facets=self.rng.random() < 0.5, language=self.language
        )
        self.client.get(f"{SEARCH_PAGES[self.language]}?{query}", name="search page: words")

    @task(6)
    def search_api(self):
        query = MIX.search_query(
            self.rng, with_words=self.rng.random() < 0.5, with_facets=True, language=self.language
        )
        self.client.get(f"{SEARCH_API}?{query}&locale={self.language}", name="search API")

    @task(6)
    def items_api(self):
        self.client.get(f"/api/v1/items/{self.rng.choice(MIX.public_ids)}/", name="items API")

    @task(3)
    def feed(self):
        query = MIX.search_query(
            self.rng, with_words=False, with_facets=self.rng.random() < 0.5, language=self.language
        )
        self.client.get(f"{FEEDS[self.language]}?{query}", name="feed")

    @task(1)
    def csv_download(self):
        """A facet's worth of rows (the whole file is the open-data download)."""
        if MIX.csv_paths:
            query = MIX.search_query(self.rng, with_words=False, with_facets=True, language=self.language)
            self.client.get(f"{self.rng.choice(MIX.csv_paths)}?{query}", name="CSV download")


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Editor(HttpUser):
    fixed_count = 1 if os.environ.get("LOADTEST_DRAFTS") else 0
    wait_time = constant_pacing(5)

    def on_start(self):
        with open(os.environ["LOADTEST_DRAFTS"], encoding="utf-8") as handle:
            self.drafts = json.load(handle)
        login = self.client.get("/admin/login/", name="admin login")
        cookies = {"csrftoken": login.cookies["csrftoken"]}
        form = {
            "csrfmiddlewaretoken": CSRF_FIELD.search(login.text).group(1),
            "username": os.environ["LOADTEST_USERNAME"],
            "password": os.environ["LOADTEST_PASSWORD"],
            "next": "/admin/",
        }
        answer = self.client.post(
            "/admin/login/",
            data=form,
            headers=self.cookie_header(cookies),
            allow_redirects=False,
            name="admin login",
        )
        if answer.status_code != 302 or "sessionid" not in answer.cookies:
            raise StopUser()
        cookies.update(
            {name: answer.cookies[name] for name in ("sessionid", "csrftoken") if name in answer.cookies}
        )
        self.cookies = cookies

    @staticmethod
    def cookie_header(cookies):
        return {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())}

    @task
    def publish(self):
        if not self.drafts:
            return
        page_id = self.drafts.pop(0)
        self.client.post(
            f"/admin/api/main/pages/{page_id}/action/publish/",
            data="{}",
            headers={
                **self.cookie_header(self.cookies),
                "X-CSRFToken": self.cookies["csrftoken"],
                "Content-Type": "application/json",
            },
            name="editor: publish (admin API)",
        )
