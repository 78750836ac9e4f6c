"""The leak test for learning resources and toolkits: a draft resource, a private one, a
login-only one, the newer draft revision of a live one (its title, its points and its body), the
transcript of a recording only a draft uses, a withdrawn resource still named by a live toolkit
and by a dialogue, and a draft toolkit never reach a public surface: the resource and toolkit
pages and their indexes, the home page, a dialogue's page, the search (HTML, JSON, feeds), the
items API and Wagtail's API v2, ``/cite/``, the sitemap and every open-data file.

As in tests/hub/test_leaks.py, each secret holds a word found nowhere else, and the published
controls must show on the same surfaces, so a surface that answers nothing cannot pass."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from learning.models import LearningResourcePage
from tests.factories import (
    DialoguePageFactory,
    LearningMediaFactory,
    LearningResourcePageFactory,
    PageViewRestrictionFactory,
    ToolkitPageFactory,
    paragraph,
)
from tests.hub.test_leaks import Surface, fetch, problems_on
from tests.hub.test_leaks_register import Shown, outlet_surfaces, page_surfaces, search_surfaces

pytestmark = pytest.mark.django_db

SECRETS = {
    "draft resource": "Brouifiche",
    "private resource": "Privafiche",
    "login-only resource": "Connexifiche",
    "draft revision of a live resource": "Modiffiche",
    "draft revision's point": "Pointmodif",
    "draft revision's body": "Corpsmodif",
    "transcript of a draft's recording": "Transcricache",
    "withdrawn resource": "Retirfiche",
    "draft toolkit": "Brouitrousse",
}
CONTROL = "Controfiche"
CONTROL_TOOLKIT = "Controtrousse"
CONTROL_DIALOGUE = "Controdialogue"


@pytest.fixture
def learning(site_pages, committed, settings, tmp_path):
    settings.OPEN_DATA_ROOT = str(tmp_path)

    def build():
        pages = {}
        recording = LearningMediaFactory(transcript_fr="Bonjour Transcricache.")
        pages["draft"] = LearningResourcePageFactory(
            title="Fiche Brouifiche", summary="Résumé Brouifiche.", live=False, recording=recording
        )
        pages["private"] = LearningResourcePageFactory(title="Fiche Privafiche", summary="Résumé Privafiche.")
        PageViewRestrictionFactory(page=pages["private"])
        pages["login only"] = LearningResourcePageFactory(title="Fiche Connexifiche")
        PageViewRestriction.objects.create(page=pages["login only"], restriction_type="login")
        pages["withdrawn"] = LearningResourcePageFactory(
            title="Fiche Retirfiche", summary="Résumé Retirfiche."
        )
        control = LearningResourcePageFactory(
            title=f"Fiche {CONTROL}", summary=f"Résumé {CONTROL}.", learning_outcomes="Point publié."
        )
        toolkit = ToolkitPageFactory(
            title=f"Trousse {CONTROL_TOOLKIT}", members=[control, pages["withdrawn"]]
        )
        pages["draft toolkit"] = ToolkitPageFactory(
            title="Trousse Brouitrousse", members=[control], live=False
        )
        dialogue = DialoguePageFactory(title=f"Atelier {CONTROL_DIALOGUE}")
        for resource in (control, pages["withdrawn"]):
            resource.dialogues = [dialogue]
            resource.save_revision().publish()
        LearningResourcePage.objects.get(pk=pages["withdrawn"].pk).unpublish()
        drafted = LearningResourcePage.objects.get(pk=control.pk)
        drafted.title = "Fiche Modiffiche"
        drafted.learning_outcomes = "Point Pointmodif."
        drafted.body = [paragraph("Texte Corpsmodif.")]
        drafted.save_revision()
        pages = {name: page.specific_class.objects.get(pk=page.pk) for name, page in pages.items()}
        return pages, LearningResourcePage.objects.get(pk=control.pk), toolkit, dialogue

    pages, control, toolkit, dialogue = committed(build)
    committed(call_command, "build_open_data")
    return pages, control, toolkit, dialogue, tmp_path


RESOURCES = Shown("learning.LearningIndexPage", "learning_resource", "learning-resources", CONTROL)


def test_no_learning_secret_reaches_any_public_surface(learning, site_pages):
    pages, control, toolkit, dialogue, root = learning
    resources = {name: page for name, page in pages.items() if name != "draft toolkit"}
    surfaces = page_surfaces(resources, control, site_pages, RESOURCES)
    surfaces += outlet_surfaces(resources, control, RESOURCES)
    for language in ("fr", "en"):
        index = site_pages[language]["learning.ToolkitIndexPage"]
        surfaces.append(Surface(f"toolkit index {language}", fetch(index.url), [CONTROL_TOOLKIT]))
        surfaces.append(Surface(f"draft toolkit {language}", fetch(index.item_url(pages["draft toolkit"]))))
        surfaces.append(Surface(f"toolkit page {language}", fetch(index.item_url(toolkit)), [CONTROL]))
    surfaces.append(Surface("dialogue page", fetch(dialogue.url), [CONTROL]))
    surfaces += [
        Surface(f"open data {path.name}", None, content=path.read_text(encoding="utf-8", errors="replace"))
        for path in sorted(root.rglob("*"))
        if path.is_file()
    ]
    for word in SECRETS.values():
        surfaces += search_surfaces(word)

    assert len(surfaces) > 60
    problems = problems_on(surfaces, SECRETS)
    assert problems == [], "\n".join(problems)


def test_the_secrets_exist_where_the_pages_keep_them(learning):
    """The words are really stored, so their absence above means something."""
    pages, control, toolkit, dialogue, _root = learning
    draft = control.get_latest_revision_as_object()
    assert "Modiffiche" in draft.title and "Pointmodif" in draft.learning_outcomes
    assert "Corpsmodif" in str(draft.body)
    assert "Transcricache" in pages["draft"].recording.transcript_fr
    assert not pages["draft"].live and not pages["withdrawn"].live and not pages["draft toolkit"].live
    assert [member.resource_id for member in toolkit.members.all()] == [control.pk, pages["withdrawn"].pk]
    assert set(pages["withdrawn"].dialogues.all()) == {dialogue}
