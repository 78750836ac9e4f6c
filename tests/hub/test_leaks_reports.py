"""The leak test for consultation reports: a draft report, a private and a login-only one, with
their recommendations, responses and commitments, and a newer draft revision of a live report
(changed words, a new recommendation, a new commitment, a response not yet published) never reach
a public surface: the report pages, the index, the home page, the search (HTML, JSON, feeds),
the items API and Wagtail's API v2, ``/cite/`` for the reports and for each recommendation's and
commitment's id in every format, the sitemap and every open-data file.

As in tests/hub/test_leaks.py, each secret holds a word found nowhere else, and the published
control report's recommendation, response and commitment must show on the same surfaces, so a
surface that answers nothing cannot pass."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from followup.models import RecommendationResponse, ReportPage
from tests.factories import (
    PageViewRestrictionFactory,
    ReportPageFactory,
    commitment,
    recommendation,
    theme,
)
from tests.hub.test_leaks import Surface, fetch, problems_on
from tests.hub.test_leaks_dialogues import open_data_surfaces_of
from tests.hub.test_leaks_register import (
    CITATION_FORMATS,
    Shown,
    outlet_surfaces,
    page_surfaces,
    search_surfaces,
)

pytestmark = pytest.mark.django_db

SECRETS = {
    "draft report's theme": "Themebrouillon",
    "draft report's recommendation": "Recobrouillon",
    "draft report's response reasons": "Raisonbrouillon",
    "draft report's commitment": "Engagbilanbrouillon",
    "private report's recommendation": "Recoprive",
    "login-only report's commitment": "Engagbilanconnexion",
    "method changed by a draft revision": "Methodemodif",
    "recommendation added by a draft revision": "Recoajout",
    "response reasons added by a draft revision": "Raisonajout",
    "commitment added by a draft revision": "Engagbilanajout",
}
CONTROL = "Controbilan"
PUBLISHED = "Recopublique"
PUBLISHED_REASONS = "Raisonpublique"
PUBLISHED_COMMITMENT = "Engagbilanpublic"
ANSWERED = datetime.date(2026, 3, 2)


@pytest.fixture
def reports(site_pages, committed, settings, tmp_path):
    settings.OPEN_DATA_ROOT = str(tmp_path)

    def build():
        pages = {}
        pages["draft"] = ReportPageFactory(
            live=False,
            themes=[theme("Thème Themebrouillon", "Compte rendu.")],
            recommendations=[
                recommendation(
                    "Recommandation Recobrouillon.",
                    response=RecommendationResponse.REJECTED,
                    response_date=ANSWERED,
                    response_reasons="Parce que Raisonbrouillon.",
                )
            ],
            commitments=[commitment("Engagement Engagbilanbrouillon.")],
        )
        pages["private"] = ReportPageFactory(recommendations=[recommendation("Recommandation Recoprive.")])
        PageViewRestrictionFactory(page=pages["private"])
        pages["login only"] = ReportPageFactory(commitments=[commitment("Engagement Engagbilanconnexion.")])
        PageViewRestriction.objects.create(page=pages["login only"], restriction_type="login")
        control = ReportPageFactory(
            title=f"Bilan {CONTROL}",
            summary=f"Résumé {CONTROL}.",
            recommendations=[
                recommendation(
                    f"Recommandation {PUBLISHED}.",
                    response=RecommendationResponse.ACCEPTED,
                    response_date=ANSWERED,
                    response_reasons=f"Parce que {PUBLISHED_REASONS}.",
                ),
                recommendation("Recommandation en attente."),
            ],
            commitments=[commitment(f"Engagement {PUBLISHED_COMMITMENT}.", recommendation=1)],
        )
        drafted = ReportPage.objects.get(pk=control.pk)
        drafted.method = "Méthode Methodemodif."
        waiting = drafted.recommendations.get(number=2)
        waiting.response, waiting.response_date = RecommendationResponse.UNDER_STUDY, ANSWERED
        waiting.response_reasons = "Parce que Raisonajout."
        drafted.recommendations = [
            drafted.recommendations.get(number=1),
            waiting,
            recommendation("Recommandation Recoajout.", sort_order=3),
        ]
        first = drafted.commitments.get()
        drafted.commitments = [
            first,
            commitment("Engagement Engagbilanajout.", owner=first.owner, sort_order=1),
        ]
        drafted.save_revision()
        pages = {name: ReportPage.objects.get(pk=page.pk) for name, page in pages.items()}
        return pages, ReportPage.objects.get(pk=control.pk)

    pages, control = committed(build)
    committed(call_command, "build_open_data")
    return pages, control, tmp_path


# The control's page and its items API record show its published recommendation, its response
# and its commitment: they do read them.
REPORTS = Shown(
    "followup.ReportIndexPage",
    "report",
    "reports",
    CONTROL,
    (PUBLISHED, PUBLISHED_REASONS, PUBLISHED_COMMITMENT),
    (PUBLISHED, PUBLISHED_REASONS, PUBLISHED_COMMITMENT),
)


def part_surfaces(pages, control):
    """Each report's recommendation and commitment ids' permanent addresses and downloads, for
    every number given (the control's third recommendation and second commitment exist only in
    its draft), and its commitments' pages."""
    surfaces = []
    for name, page in {**pages, "control": control}.items():
        for suffix in ("R1", "R2", "R3", "C1", "C2"):
            public_id = f"{page.public_id}-{suffix}"
            shows = [PUBLISHED] if (name, suffix) == ("control", "R1") else []
            surfaces.append(Surface(f"/cite/{public_id} ({name})", fetch(f"/cite/{public_id}/")))
            for citation in CITATION_FORMATS:
                response = fetch(f"/cite/{public_id}/", {"format": citation})
                surfaces.append(Surface(f"/cite/ {citation} {public_id} ({name})", response, shows))
        for number in (1, 2):
            response = fetch(f"{page.url}engagements/{number}/")
            shows = [PUBLISHED_COMMITMENT] if (name, number) == ("control", 1) else []
            surfaces.append(Surface(f"{name} commitment {number}", response, shows))
    return surfaces


def test_no_report_secret_reaches_any_public_surface(reports, site_pages):
    pages, control, root = reports
    surfaces = page_surfaces(pages, control, site_pages, REPORTS)
    surfaces += outlet_surfaces(pages, control, REPORTS) + part_surfaces(pages, control)
    surfaces += open_data_surfaces_of(root)
    data = (root / "vigie-data.json").read_text("utf-8")
    surfaces.append(Surface("open data JSON", None, [PUBLISHED, PUBLISHED_REASONS], content=data))
    reports_file = (root / "vigie-reports.csv").read_text("utf-8")
    surfaces.append(Surface("open data reports file", None, [CONTROL], content=reports_file))
    for word in SECRETS.values():
        surfaces += search_surfaces(word)

    assert len(surfaces) > 100
    problems = problems_on(surfaces, SECRETS)
    assert problems == [], "\n".join(problems)


def test_the_secrets_exist_where_reports_keep_them(reports):
    """The words are really stored, so their absence above means something."""
    pages, control, _root = reports
    assert pages["draft"].recommendations.get().text == "Recommandation Recobrouillon."
    draft = control.get_latest_revision_as_object()
    assert draft.method == "Méthode Methodemodif."
    assert [(r.number, r.response) for r in draft.recommendations.all()] == [
        (1, "accepted"),
        (2, "under-study"),
        (3, ""),
    ]
    assert [(r.number, r.response) for r in control.recommendations.all()] == [(1, "accepted"), (2, "")]
    assert [c.number for c in draft.commitments.all()] == [1, 2]
