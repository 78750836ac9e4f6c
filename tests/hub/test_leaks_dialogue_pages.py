"""The leak test for citizen dialogues: a draft dialogue, a private one, a login-only one, the
newer draft revision of a live one (its words and its session's note), and the venues that only
those use never reach a public surface: the dialogue pages and the dialogues' index, the home
page, the search (HTML, JSON, feeds), the items API and Wagtail's API v2, ``/cite/`` in every
format, the sitemap and every open-data file. (A venue has no draft: one that no public dialogue
uses must simply not be listed.) The calendars are not covered here: their addresses come with
the outlets' part of the issue.

As in tests/hub/test_leaks.py, each secret holds a word found nowhere else, and the published
control dialogue must show on the same surfaces, so a surface that answers nothing cannot pass."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from dialogues.models import DialoguePage
from tests.factories import DialoguePageFactory, PageViewRestrictionFactory, VenueFactory, session
from tests.hub.test_leaks import Surface, problems_on
from tests.hub.test_leaks_register import Shown, outlet_surfaces, page_surfaces, search_surfaces

pytestmark = pytest.mark.django_db

SECRETS = {
    "draft dialogue": "Brouidial",
    "draft dialogue's session": "Seancebrouille",
    "private dialogue": "Privadial",
    "login-only dialogue": "Connexidial",
    "draft revision of a live dialogue": "Modifdial",
    "draft revision's session note": "Notemodif",
    "draft revision's new session": "Seanceajout",
    "venue only a draft dialogue uses": "Lieucache",
    "venue only a private dialogue uses": "Lieuprive",
}
CONTROL = "Controdial"
CONTROL_VENUE = "Lieuvisible"


def hidden_venue(word):
    return VenueFactory(
        key=f"lieu-{word.lower()}",
        name=f"Bibliothèque {word}",
        street_address=f"1, rue {word}",
        transit=f"Métro {word}",
    )


@pytest.fixture
def dialogues(site_pages, committed, settings, tmp_path):
    settings.OPEN_DATA_ROOT = str(tmp_path)

    def build():
        pages = {}
        pages["draft"] = DialoguePageFactory(
            title="Atelier Brouidial",
            summary="Résumé Brouidial.",
            question="Question Brouidial ?",
            sessions=[session(venue=hidden_venue("Lieucache"), title="Séance Seancebrouille")],
            live=False,
        )
        pages["private"] = DialoguePageFactory(
            title="Atelier Privadial",
            summary="Résumé Privadial.",
            sessions=[session(venue=hidden_venue("Lieuprive"))],
        )
        PageViewRestrictionFactory(page=pages["private"])
        pages["login only"] = DialoguePageFactory(title="Atelier Connexidial", summary="Résumé Connexidial.")
        PageViewRestriction.objects.create(page=pages["login only"], restriction_type="login")
        control_venue = VenueFactory(name=f"Bibliothèque {CONTROL_VENUE}")
        control = DialoguePageFactory(
            title=f"Atelier {CONTROL}",
            summary=f"Résumé {CONTROL}.",
            sessions=[session(venue=control_venue, status_note="Note publiée.")],
        )
        drafted = DialoguePage.objects.get(pk=control.pk)
        drafted.title = "Atelier Modifdial"
        drafted.question = "Question Modifdial ?"
        first = drafted.sessions.get()
        first.status_note = "Note Notemodif."
        drafted.sessions = [first, session(venue=control_venue, title="Séance Seanceajout")]
        drafted.save_revision()
        pages = {name: DialoguePage.objects.get(pk=page.pk) for name, page in pages.items()}
        return pages, DialoguePage.objects.get(pk=control.pk)

    pages, control = committed(build)
    committed(call_command, "build_open_data")
    return pages, control, tmp_path


# The control's page shows its venue: the page does read venues.
DIALOGUES = Shown("dialogues.DialogueIndexPage", "dialogue", "dialogues", CONTROL, on_page=(CONTROL_VENUE,))


def open_data_surfaces(root):
    files = sorted(path for path in root.rglob("*") if path.is_file())
    surfaces = [
        Surface(f"open data {path.name}", None, content=path.read_text(encoding="utf-8", errors="replace"))
        for path in files
    ]
    dialogues_file = root / "vigie-dialogues.csv"
    assert dialogues_file in files, [path.name for path in files]
    surfaces.append(
        Surface("open data dialogues file", None, [CONTROL], content=dialogues_file.read_text("utf-8"))
    )
    return surfaces


def test_no_dialogue_secret_reaches_any_public_surface(dialogues, site_pages):
    pages, control, root = dialogues
    surfaces = page_surfaces(pages, control, site_pages, DIALOGUES) + outlet_surfaces(
        pages, control, DIALOGUES
    )
    surfaces += open_data_surfaces(root)
    for word in SECRETS.values():
        surfaces += search_surfaces(word)

    assert len(surfaces) > 100
    problems = problems_on(surfaces, SECRETS)
    assert problems == [], "\n".join(problems)


def test_the_secrets_exist_where_dialogues_keep_them(dialogues):
    """The words are really stored, so their absence above means something: the live control's
    draft revision holds them, and its live version does not."""
    pages, control, _root = dialogues
    draft = control.get_latest_revision_as_object()
    assert "Modifdial" in draft.title
    assert [s.title for s in draft.sessions.all()] == ["", "Séance Seanceajout"]
    assert "Notemodif" in draft.sessions.all()[0].status_note
    assert [s.words.status_note for s in control.schedule()] == ["Note publiée."]
    assert pages["draft"].sessions.get().venue.name == "Bibliothèque Lieucache"
    assert not pages["draft"].live
