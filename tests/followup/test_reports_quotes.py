"""A report's quotes taken from testimonies: shown only while the testimony is shown publicly
(consent for the web, not withdrawn, on a live case file), linking to where it is shown; a
withdrawal, a consent narrowed or the case file unpublished hides the quote at once on every
surface: the page, the search (its text and the results), the items API and open data.

The quotes hold words found nowhere else, so a surface that shows them can be told; a quote with
no testimony stays on every surface (the control)."""

import json

import pytest
from django.core.management import call_command

from impacts.testimonies import withdraw_testimony
from tests.factories import (
    CaseFilePageFactory,
    ReportPageFactory,
    TestimonyFactory,
    show_testimony,
    theme,
)
from tests.hub.test_leaks import fetch

pytestmark = pytest.mark.django_db

QUOTED = "Quotetemoin"  # the words of the quote taken from the testimony
FREE = "Quotelibre"  # a quote with no testimony


@pytest.fixture
def quoted(site_pages, committed, settings, tmp_path):
    settings.OPEN_DATA_ROOT = str(tmp_path)

    def build():
        casefile = CaseFilePageFactory(title="Dossier fictif du refus", slug="dossier-refus")
        testimony = TestimonyFactory(casefiles=[casefile])
        casefile = show_testimony(casefile, testimony)
        report = ReportPageFactory(
            themes=[
                theme(
                    "Être écouté",
                    "Les gens veulent une personne au bout du fil.",
                    [(f"Je veux {QUOTED}.", testimony), (f"Je veux {FREE}.", None)],
                )
            ]
        )
        return casefile, testimony, report

    casefile, testimony, report = committed(build)
    committed(call_command, "build_open_data")
    return casefile, testimony, report, tmp_path


def surfaces(report, root):
    """What each surface says of the report (the search: the ids it finds for each quote)."""
    found = {}
    found["page"] = fetch(report.url).content.decode()
    found["API"] = fetch(f"/api/v1/items/{report.public_id}/").content.decode()
    found["open data"] = (root / "vigie-data.json").read_text("utf-8")
    for word in (QUOTED, FREE):
        answer = json.loads(fetch("/api/v1/search/", {"q": word, "locale": "fr"}).content)
        found[f"search {word}"] = " ".join(hit["id"] for hit in answer["results"])
    return found


def test_a_quote_of_a_testimony_shown_publicly_is_shown_and_links_to_it(quoted):
    casefile, testimony, report, root = quoted
    shown = surfaces(report, root)
    for surface in ("page", "API", "open data"):
        assert QUOTED in shown[surface] and FREE in shown[surface], surface
    assert shown[f"search {QUOTED}"] == report.public_id
    assert f'href="{casefile.url}#testimony-{testimony.pk}"' in shown["page"]
    record = json.loads(shown["API"])
    (heard,) = record["themes"]
    assert [quote["testimony_url"] for quote in heard["quotes"]] == [
        f"http://testserver{casefile.url}#testimony-{testimony.pk}",
        None,
    ]


def test_a_withdrawal_hides_the_quote_at_once_on_every_surface(quoted, committed):
    casefile, testimony, report, root = quoted
    committed(withdraw_testimony, testimony, "La personne a changé d'avis.")
    shown = surfaces(report, root)
    for surface in ("page", "API", "open data"):
        assert QUOTED not in shown[surface], surface
        assert FREE in shown[surface], surface
    assert shown[f"search {QUOTED}"] == ""
    assert shown[f"search {FREE}"] == report.public_id


def test_a_consent_narrowed_or_the_case_file_unpublished_hides_the_quote(quoted, committed):
    casefile, testimony, report, root = quoted

    def narrow():
        testimony.consent_web = False
        testimony.save()

    committed(narrow)
    assert QUOTED not in fetch(report.url).content.decode()
    testimony.consent_web = True
    committed(testimony.save)
    assert QUOTED in fetch(report.url).content.decode()
    committed(casefile.unpublish)
    shown = surfaces(report, root)
    for surface in ("page", "API", "open data"):
        assert QUOTED not in shown[surface], surface
        assert FREE in shown[surface], surface
    assert shown[f"search {QUOTED}"] == ""
