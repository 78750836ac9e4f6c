"""The map and charts of a search (``search-visualize``) and the hub's overview: their numbers are
the search page's facet counts for the same query string (random queries), their SVG carries a
title, a description and every value, their tables hold what the drawings show, and each table
downloads as the same CSV. Expectations are read from the search page, the pages' dates and the
WCAG formula, not from the chart code."""

import csv
import io
import re
from collections import Counter
from datetime import UTC, date, datetime
from unittest import mock
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.backends import get_backend
from search.index import rebuild_index
from search.overview import SCALE
from search.service import HubSearch
from tests.factories import AdvocacyBriefPageFactory, CaseFilePageFactory, translate_page

SVG = "{http://www.w3.org/2000/svg}"
CHARTS = ("region", "service", "risk", "level", "quarter", "published_quarter")
SERVICES = ["sante", "habitation", "education"]
REGIONS = ["montreal", "laval", "cote-nord", "tout-le-quebec"]
RISKS = ["discrimination", "vie-privee"]


def url_of(name, language):
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def corpus(site_pages):
    """Case files and briefs over several services, regions, risks, levels and quarters."""
    made = [
        CaseFilePageFactory(
            title="Triage à l'urgence",
            services=["sante"],
            regions=["montreal"],
            risks=["discrimination"],
            impact_level=3,
            first_reported=date(2025, 2, 10),
        ),
        CaseFilePageFactory(
            title="Logement et triage",
            services=["habitation", "sante"],
            regions=["laval", "montreal"],
            risks=["vie-privee"],
            impact_level=2,
            first_reported=date(2025, 11, 3),
        ),
        CaseFilePageFactory(
            title="École et algorithme",
            services=["education"],
            regions=["cote-nord"],
            risks=[],
            impact_level=None,
            first_reported=date(2026, 1, 20),
        ),
        CaseFilePageFactory(
            title="Logement partout",
            services=["habitation"],
            regions=["tout-le-quebec"],
            risks=["discrimination", "vie-privee"],
            impact_level=4,
            first_reported=date(2025, 2, 28),
        ),
        AdvocacyBriefPageFactory(
            title="Mémoire sur le triage",
            services=["sante"],
            regions=["montreal"],
            publication_date=date(2024, 6, 1),
        ),
        CaseFilePageFactory(title="Brouillon triage", services=["justice"], regions=["laval"], live=False),
    ]
    translate_page(made[1], "en", title="Housing and triage", slug="housing-triage")
    for page in made[:5]:
        moment, _quarter = FIRST_PUBLISHED[page.title]
        type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
    rebuild_index(get_backend())
    return made


# When each live item of the corpus first went live, and the quarter of that day in Québec: the
# English translation, published today, does not move its item's quarter.
FIRST_PUBLISHED = {
    # 23:00 on March 31 in Québec, already April in UTC.
    "Triage à l'urgence": (datetime(2025, 4, 1, 3, tzinfo=UTC), "2025-T1"),
    "Logement et triage": (datetime(2025, 12, 1, 15, tzinfo=UTC), "2025-T4"),
    "École et algorithme": (datetime(2026, 2, 1, 15, tzinfo=UTC), "2026-T1"),
    "Logement partout": (datetime(2025, 5, 5, 15, tzinfo=UTC), "2025-T2"),
    # 01:00 on April 1 in Québec.
    "Mémoire sur le triage": (datetime(2025, 4, 1, 5, tzinfo=UTC), "2025-T2"),
}


def quarter_of(day):
    return f"{day.year}-T{(day.month - 1) // 3 + 1}"


def chart_section(html, key):
    return re.search(rf'<section class="chart chart--{key}".*?</section>', html, re.S).group(0)


def drawing(section):
    """The chart's SVG (not the legend's swatches), parsed as XML."""
    return ElementTree.fromstring(
        re.search(r'<svg class="(?:bar-chart|region-map)".*?</svg>', section, re.S).group(0)
    )


def table_rows(section):
    table = BeautifulSoup(section, "html.parser").find("table")
    return [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")
    ]


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.fixed_dictionaries(
        {
            "q": st.sampled_from(["", "triage", "logement"]),
            "service": st.lists(st.sampled_from(SERVICES), max_size=2, unique=True),
            "region": st.lists(st.sampled_from(REGIONS), max_size=2, unique=True),
            "risk": st.lists(st.sampled_from(RISKS), max_size=1, unique=True),
            "level": st.lists(st.sampled_from(["2", "3", "none"]), max_size=1, unique=True),
        }
    ),
    language=st.sampled_from(["fr", "en"]),
)
def test_chart_numbers_are_the_search_pages_facet_counts(client, corpus, params, language):
    listed = client.get(url_of("search", language), {**params, "page_size": 100})
    charted = client.get(url_of("search-visualize", language), params)

    assert listed.status_code == charted.status_code == 200
    shown = {
        group["name"]: {value["key"]: value["count"] for value in group["values"] if value["count"]}
        for group in listed.context["facet_groups"]
    }
    # Quarters are no filter of the list: counted here from the dates of the items it lists.
    shown["quarter"] = dict(Counter(quarter_of(card["hit"]["date"]) for card in listed.context["cards"]))
    published = {
        page.public_id: FIRST_PUBLISHED[page.title][1] for page in corpus if page.title in FIRST_PUBLISHED
    }
    shown["published_quarter"] = dict(
        Counter(published[card["hit"]["public_id"]] for card in listed.context["cards"])
    )
    charts = {chart.key: chart for chart in charted.context["charts"]}
    assert list(charts) == list(CHARTS)
    for key, chart in charts.items():
        assert {row["key"]: row["count"] for row in chart.rows if row["count"]} == shown[key], key
        # What the page writes: one table row per bar or tile, its count the drawing's.
        section = chart_section(charted.content.decode(), key)
        if chart.rows:
            assert [row[-1] for row in table_rows(section)[1:]] == [str(row["count"]) for row in chart.rows]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", ["search-visualize", "overview"])
def test_every_chart_is_an_svg_with_title_desc_and_every_value_its_table_shows(
    client, corpus, language, name
):
    html = client.get(url_of(name, language)).content.decode()

    for key in CHARTS:
        section = chart_section(html, key)
        svg = drawing(section)
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title.text.strip() and desc.text.strip()
        if key == "region":
            # A group of links: a picture's children would be presentational, its tiles unreachable.
            assert svg.get("role") == "group"
            assert svg.get("aria-labelledby") == title.get("id")
            assert svg.get("aria-describedby") == desc.get("id")
            marks = svg.findall(f"{SVG}a")
        else:
            assert svg.get("role") == "img"
            assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
            marks = svg.findall(f"{SVG}g")
        rows = table_rows(section)[1:]
        assert len(marks) == len(rows) > 0
        for mark, row in zip(marks, rows, strict=True):
            texts = [" ".join("".join(text.itertext()).split()) for text in mark.iter(f"{SVG}text")]
            assert texts[-1] == row[-1]  # the value label, written out
            assert " ".join(row[0].split()) in " ".join(texts[:-1])  # the name, written out


@pytest.mark.django_db
def test_the_map_has_all_regions_each_tile_a_link_to_the_search_narrowed_to_it(client, corpus):
    html = client.get(url_of("search-visualize", "fr"), {"service": "sante", "q": "triage"}).content.decode()

    tiles = drawing(chart_section(html, "region")).findall(f"{SVG}a")
    assert len(tiles) == 18  # 17 administrative regions and « Tout le Québec »
    keys = []
    for tile in tiles:
        address = urlsplit(tile.get("href"))
        query = parse_qs(address.query)
        assert address.path == "/fr/recherche/"
        assert query["service"] == ["sante"] and query["q"] == ["triage"]
        keys += query["region"]
    assert "montreal" in keys and "tout-le-quebec" in keys and len(set(keys)) == 18


def relative_luminance(colour):
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("fill", "ink"), SCALE)
def test_every_colour_step_keeps_its_text_readable(fill, ink):
    lighter, darker = sorted((relative_luminance(fill), relative_luminance(ink)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", ["search-visualize", "overview"])
def test_each_tables_csv_is_the_table(client, corpus, language, name):
    html = client.get(url_of(name, language)).content.decode()

    for key in CHARTS:
        response = client.get(url_of(name, language), {"chart": key, "format": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        body = response.content.decode()
        assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")
        assert list(csv.reader(io.StringIO(body))) == table_rows(chart_section(html, key))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"chart": "pie", "format": "csv"}, "chart"),
        ({"chart": "region", "format": "pdf"}, "format"),
        ({"format": "csv"}, "chart"),
        ({"chart": "region"}, "format"),
    ],
)
def test_bad_chart_parameters_are_400_naming_them(client, site_pages, language, params, named):
    for name in ("search-visualize", "overview"):
        response = client.get(url_of(name, language), params)
        assert response.status_code == 400
        assert f"<strong>{named}</strong>" in response.content.decode()


@pytest.mark.django_db
def test_a_bad_search_parameter_is_400_naming_it(client, site_pages):
    response = client.get(url_of("search-visualize", "en"), {"region": "atlantis"})

    assert response.status_code == 400
    assert "<strong>region</strong>" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"service": "sante"}, {"service": "sante", "chart": "quarter", "format": "csv"}]
)
def test_the_charts_come_from_one_search(client, corpus, params):
    with mock.patch.object(HubSearch, "run", autospec=True, side_effect=HubSearch.run) as run:
        response = client.get(url_of("search-visualize", "fr"), params)

    assert response.status_code == 200
    assert run.call_count == 1


@pytest.mark.django_db
def test_the_overview_is_the_whole_hub_in_both_languages(client, corpus):
    french = client.get("/fr/portrait/")
    english = client.get("/en/overview/")
    whole = client.get(url_of("search", "en"), {"page_size": 100})

    assert french.status_code == english.status_code == 200
    assert english.context["results"].count == whole.context["results"].count == 5  # the draft is not
    html = english.content.decode()
    assert 'hreflang="fr" href="http://testserver/fr/portrait/"' in html
    assert 'hreflang="en" href="http://testserver/en/overview/"' in html
    charts = {chart.key: chart for chart in english.context["charts"]}
    quarters = {row["key"]: row["count"] for row in charts["quarter"].rows}
    # 2024-T2 to 2026-T1, the quarters between without items included.
    assert quarters == {
        "2024-T2": 1,
        "2024-T3": 0,
        "2024-T4": 0,
        "2025-T1": 2,
        "2025-T2": 0,
        "2025-T3": 0,
        "2025-T4": 1,
        "2026-T1": 1,
    }
    assert "Q1 2025" in html and "T1 2025" in french.content.decode()
    published = {row["key"]: row["count"] for row in charts["published_quarter"].rows}
    assert published == {"2025-T1": 1, "2025-T2": 2, "2025-T3": 0, "2025-T4": 1, "2026-T1": 1}


@pytest.mark.django_db
def test_the_search_page_leads_to_the_charts_of_the_same_search(client, corpus):
    html = client.get(url_of("search", "fr"), {"service": "sante", "q": "triage", "page": 1}).content.decode()

    assert 'href="/fr/recherche/visualiser/?q=triage&amp;service=sante"' in html
