"""The leak test for the followers of commitments: their addresses and the secret of their links
never reach a public surface: the agreement's and the commitment's pages in both languages, the
follow form's answer, the search (HTML, JSON, feeds), the items API and Wagtail's API v2,
``/cite/`` of the agreement and of the commitment in every format, the sitemap and every open-data
file. As in tests/hub/test_leaks.py, each secret is a string found nowhere else, and the published
control agreement must show on the same surfaces, so a surface that answers nothing cannot pass."""

import pytest
from django.core.management import call_command

from followup.models import Follower
from tests.factories import CollaborationAgreementPageFactory, commitment, translate_page
from tests.hub.test_leaks import Surface, fetch, problems_on
from tests.hub.test_leaks_dialogues import open_data_surfaces_of
from tests.hub.test_leaks_register import CITATION_FORMATS, FEED, search_surfaces

pytestmark = pytest.mark.django_db

CONTROL = "Controsuivi"
SECRETS = {
    "follower's e-mail": "courrielsecretsuivi@example.org",
    "pending follower's e-mail": "attentesuivi@example.org",
}


@pytest.fixture
def agreement(site_pages, committed, settings, tmp_path):
    settings.OPEN_DATA_ROOT = str(tmp_path)

    def build():
        page = CollaborationAgreementPageFactory(
            title=f"Entente {CONTROL}", commitments=[commitment(f"Engagement {CONTROL}.")]
        )
        english = translate_page(page, title=f"Agreement {CONTROL}", slug="agreement-controsuivi")
        key = page.commitments.get().translation_key
        followers = [
            Follower.objects.create(commitment_key=key, email=SECRETS["follower's e-mail"], language="fr"),
            Follower.objects.create(
                commitment_key=key, email=SECRETS["pending follower's e-mail"], language="en"
            ),
        ]
        followers[0].confirmed_at = followers[0].created_at
        followers[0].save()
        return page, english, followers

    page, english, followers = committed(build)
    committed(call_command, "build_open_data")
    return page, english, followers, tmp_path


def test_no_follower_reaches_any_public_surface(agreement, client):
    page, english, followers, root = agreement
    secrets = {**SECRETS, **{f"secret of follower {n}'s links": f.token for n, f in enumerate(followers)}}
    row = page.commitments.get()
    surfaces = []
    for language, version in (("fr", page), ("en", english)):
        surfaces.append(Surface(f"agreement page {language}", fetch(version.url), [CONTROL]))
        surfaces.append(Surface(f"commitment page {language}", fetch(version.commitment_url(1)), [CONTROL]))
        surfaces.append(Surface(f"feed {language}", fetch(FEED[language]), [CONTROL]))
        params = {"locale": language, "page_size": 100, "type": "agreement"}
        surfaces.append(
            Surface(f"JSON search {language}", fetch("/api/v1/search/", params), [page.public_id])
        )
    answer = client.post(page.follow_url(1), {"email": SECRETS["follower's e-mail"]})
    surfaces.append(Surface("the follow form's answer", answer, [row.public_id]))
    surfaces.append(Surface("items API", fetch(f"/api/v1/items/{page.public_id}/"), [CONTROL]))
    surfaces.append(
        Surface("API v2 pages", fetch("/api/v2/pages/", {"fields": "*", "limit": 100}), [CONTROL])
    )
    surfaces.append(Surface("sitemap", fetch("/sitemap.xml")))
    for public_id in (page.public_id, row.public_id):
        for citation in CITATION_FORMATS:
            response = fetch(f"/cite/{public_id}/", {"format": citation, "lang": "fr"})
            surfaces.append(Surface(f"/cite/{public_id} {citation}", response, [CONTROL]))
    surfaces += open_data_surfaces_of(root)
    for word in ("courrielsecretsuivi", "attentesuivi"):
        surfaces += search_surfaces(word)

    assert len(surfaces) > 25
    problems = problems_on(surfaces, secrets)
    assert problems == [], "\n".join(problems)


def test_the_secrets_are_where_followers_are_kept(agreement):
    """The addresses are really stored, so their absence above means something."""
    _page, _english, followers, _root = agreement
    assert sorted(Follower.objects.values_list("email", flat=True)) == sorted(SECRETS.values())
    assert all(follower.token_matches(follower.token) for follower in followers)
