"""The leak test for search alerts: their addresses and the secret of their links never reach a
public surface: the search page in both languages (where the form is), the form's answer, the
search's JSON, feeds and calendar, the items API and Wagtail's API v2, ``/cite/``, the sitemap
and every open-data file. As in tests/hub/test_leaks_followers.py, each secret is a string found
nowhere else, and the published control case file must show on the same surfaces, so a surface
that answers nothing cannot pass."""

import pytest
from django.core.management import call_command

from search.models import SearchAlert
from tests.factories import CaseFilePageFactory
from tests.hub.test_leaks import Surface, fetch, problems_on
from tests.hub.test_leaks_dialogues import open_data_surfaces_of
from tests.hub.test_leaks_register import CITATION_FORMATS, FEED, search_surfaces

pytestmark = pytest.mark.django_db

CONTROL = "Controalerte"
SECRETS = {
    "subscriber's e-mail": "courrielsecretalerte@example.org",
    "pending subscriber's e-mail": "attentealerte@example.org",
}
SEARCH_PAGE = {"fr": "/fr/recherche/", "en": "/en/search/"}


@pytest.fixture
def alerts(site_pages, committed, settings, tmp_path):
    settings.OPEN_DATA_ROOT = str(tmp_path)

    def build():
        page = CaseFilePageFactory(title=f"Dossier {CONTROL}", services=["sante"])
        made = [
            SearchAlert.objects.create(
                query_string="service=sante",
                frequency="daily",
                email=SECRETS["subscriber's e-mail"],
                language="fr",
            ),
            SearchAlert.objects.create(
                query_string=f"q={CONTROL}",
                frequency="weekly",
                email=SECRETS["pending subscriber's e-mail"],
                language="en",
            ),
        ]
        made[0].confirmed_at = made[0].created_at
        made[0].save()
        return page, made

    page, made = committed(build)
    committed(call_command, "build_open_data")
    return page, made, tmp_path


def test_no_search_alert_reaches_any_public_surface(alerts, client):
    page, made, root = alerts
    secrets = {**SECRETS, **{f"secret of alert {n}'s links": alert.token for n, alert in enumerate(made)}}
    surfaces = []
    for language in ("fr", "en"):
        for params in ({"service": "sante"}, {"q": CONTROL}):
            surfaces.append(
                Surface(f"search page {language} {params}", fetch(SEARCH_PAGE[language], params), [CONTROL])
            )
            surfaces.append(Surface(f"feed {language} {params}", fetch(FEED[language], params), [CONTROL]))
        params = {"locale": language, "page_size": 100, "service": "sante"}
        surfaces.append(
            Surface(f"JSON search {language}", fetch("/api/v1/search/", params), [page.public_id])
        )
    answer = client.post(
        "/fr/recherche/alerte/",
        {"search": "service=sante", "email": SECRETS["subscriber's e-mail"], "frequency": "daily"},
    )
    surfaces.append(Surface("the alert form's answer", answer, ["Santé"]))
    surfaces.append(Surface("items API", fetch(f"/api/v1/items/{page.public_id}/"), [CONTROL]))
    surfaces.append(
        Surface("API v2 pages", fetch("/api/v2/pages/", {"fields": "*", "limit": 100}), [CONTROL])
    )
    surfaces.append(Surface("sitemap", fetch("/sitemap.xml")))
    for citation in CITATION_FORMATS:
        response = fetch(f"/cite/{page.public_id}/", {"format": citation, "lang": "fr"})
        surfaces.append(Surface(f"/cite/ {citation}", response, [CONTROL]))
    surfaces += open_data_surfaces_of(root)
    for word in ("courrielsecretalerte", "attentealerte"):
        surfaces += search_surfaces(word)

    assert len(surfaces) > 20
    problems = problems_on(surfaces, secrets)
    assert problems == [], "\n".join(problems)


def test_the_secrets_are_where_alerts_are_kept(alerts):
    """The addresses are really stored, so their absence above means something."""
    _page, made, _root = alerts
    assert sorted(SearchAlert.objects.values_list("email", flat=True)) == sorted(SECRETS.values())
    assert all(alert.token_matches(alert.token) for alert in made)
