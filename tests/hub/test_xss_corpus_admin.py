"""The XSS corpus (tests/hub/test_xss_corpus.py), rendered on the admin's side roads that show
user text: Reports → Site history (the withdrawal's reason is in its log message) as an
administrator and as a reviewer, the page types report, the bulk action confirmations that list
page titles, and wagtail-localize's snippet API, which answers JSON the translation editor
inserts into its pages."""

import pytest
from django.test import Client
from django.urls import reverse

from hub.roles import REVIEWERS
from tests.factories import role_user
from tests.hub import test_xss_corpus as xss

pytestmark = [pytest.mark.django_db, xss.pytestmark]
world = xss.world  # the corpus saved in every field, as a fixture of this module

SNIPPET_MODELS = ("hub/organization", "impacts/testimony", "hub/glossaryterm", "hub/risk")


def test_admin_side_roads_render_the_corpus_inert(world, superuser_client):
    surfaces = xss.Surfaces(world.corpus)
    reviewer = Client()
    reviewer.force_login(role_user(REVIEWERS, "reviseur-xss"))
    for name, client in (("admin", superuser_client), ("reviewer", reviewer)):
        history = reverse("wagtailadmin_reports:site_history")
        surfaces.page(client, f"{name} site history", history)
        surfaces.page(
            client, f"{name} site history results", reverse("wagtailadmin_reports:site_history_results")
        )
        surfaces.page(client, f"{name} page types report", reverse("wagtailadmin_reports:page_types_usage"))
        ids = "&".join(f"id={page.pk}" for page in world.pages)
        for action in ("publish", "unpublish", "move"):
            surfaces.page(client, f"{name} bulk {action}", f"/admin/bulk/wagtailcore/page/{action}/?{ids}")
    for model in SNIPPET_MODELS:
        surfaces.json(superuser_client, f"localize API {model}", f"/admin/localize/api/snippets/{model}/")
    organization = world.shared.organization
    surfaces.json(
        reviewer,
        "localize API organization",
        f"/admin/localize/api/snippets/hub/organization/{organization.pk}/",
    )

    surfaces.assert_inert()
    # The checks proved something: the corpus reached each kind of surface.
    assert "Testimony.withdrawal_reason" in surfaces.reached["admin site history"]
    assert "Testimony.withdrawal_reason" not in surfaces.labels_reached("reviewer site history")
    assert "CaseFilePage.title" in surfaces.labels_reached("reviewer bulk publish")
    assert "Organization.name" in surfaces.labels_reached("localize API")
