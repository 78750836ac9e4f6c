"""Commitments and their progress updates as CSV (``followup.interchange``): the exact round trip
on a populated item, every kind of bad cell with its exact ``line N, column C (name): message``,
atomicity, published updates final, numbers never reused, the formula guard, and both roads (the
commands here, the admin view in test_commitments_csv_admin.py).

Expected files and messages are written out by hand from the world built here."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from followup.interchange import (
    ImportRefused,
    apply_import,
    export_commitments,
    export_updates,
    item_versions,
    read_files,
)
from followup.models import Commitment, CommitmentStatus, CommitmentUpdate
from hub.models import Organization
from tests.factories import (
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    ReportPageFactory,
    commitment,
    progress_update,
    recommendation,
    translate_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """Problems read in the active language; these are written in English (French below)."""
    with translation.override("en"):
        yield


COMMITMENTS_HEADER = "item,locale,number,text,owner,owner_role,due_date,recommendation\r\n"
UPDATES_HEADER = (
    "id,commitment,date,status,progress,note,language,evidence_url,evidence_title,corrects,published\r\n"
)


@pytest.fixture
def world(site_pages, clock):
    """An agreement in French and English with three commitments, a report with a recommendation
    and a commitment that follows from it, and updates in every status, in both languages, with
    evidence, a correction and a draft."""
    clock.set(2026, 4, 1, 14)
    city = OrganizationFactory(
        name="Ville fictive de Laval", key="laval", kind=Organization.Kind.MUNICIPALITY
    )
    group = OrganizationFactory(name="Organisme fictif", key="organisme", kind=Organization.Kind.NON_PROFIT)
    tri = CollaborationAgreementPageFactory(
        title="Entente sur le tri",
        commitments=[
            commitment(
                "Publier le code.",
                owner=city,
                owner_role="=Direction des technologies",
                due_date=datetime.date(2026, 6, 30),
            ),
            commitment("Former le personnel.", owner=group, due_date=datetime.date(2027, 1, 15)),
            commitment("Tenir une séance\npublique.", owner=city),
        ],
    )
    english = translate_page(tri, title="Sorting agreement", slug="sorting-agreement")
    Commitment.objects.filter(page=english, number=1).update(text="Publish the code.")
    report = ReportPageFactory(
        title="Bilan fictif",
        recommendations=[recommendation("Publier la liste.")],
        commitments=[commitment("Publier la liste d'ici l'été.", owner=city, recommendation=1)],
    )
    first, second, third = tri.commitments.order_by("number")
    (listing,) = report.commitments.all()
    day = datetime.date
    updates = {
        "started": progress_update(
            first,
            "Code inventorié.",
            happened_on=day(2026, 2, 1),
            progress=40,
            evidence_url="https://example.org/inventaire",
            evidence_title="Inventaire",
        ),
        "postponed": progress_update(
            first,
            "Postponed to the fall.",
            status=CommitmentStatus.POSTPONED,
            language="en",
            happened_on=day(2026, 3, 1),
        ),
        "done": progress_update(
            second, "Personnel formé.", status=CommitmentStatus.DONE, happened_on=day(2026, 3, 2)
        ),
        "partly": progress_update(
            third, "Une séance.", status=CommitmentStatus.PARTLY_DONE, happened_on=day(2026, 3, 3)
        ),
        "abandoned": progress_update(
            listing, "-Abandonné.", status=CommitmentStatus.ABANDONED, happened_on=day(2026, 3, 4)
        ),
        "planned": progress_update(
            listing,
            "Planned again.",
            status=CommitmentStatus.PLANNED,
            language="en",
            happened_on=day(2026, 3, 5),
            published=False,
        ),
    }
    updates["correction"] = progress_update(
        second, "Personnel en formation.", happened_on=day(2026, 3, 2), corrects=updates["done"], progress=80
    )
    return {"tri": tri, "english": english, "report": report, "city": city, "group": group, **updates}


def export_both():
    versions = item_versions()
    return export_commitments(versions), export_updates(versions)


def import_both(commitments=None, updates=None, user=None):
    encode = lambda text: None if text is None else text.encode()  # noqa: E731
    return apply_import(*read_files(encode(commitments), encode(updates), user), user=user)


def problems_of(commitments=None, updates=None, user=None):
    with pytest.raises(ImportRefused) as refused:
        import_both(commitments, updates, user)
    return [str(problem) for problem in refused.value.problems]


def test_the_export_of_a_populated_item_is_written_out(world):
    tri, report = world["tri"].public_id, world["report"].public_id
    u = {name: update.pk for name, update in world.items() if isinstance(update, CommitmentUpdate)}
    commitments, updates = export_both()
    assert commitments == (
        COMMITMENTS_HEADER + f"{tri},fr,1,Publier le code.,laval,'=Direction des technologies,2026-06-30,\r\n"
        f"{tri},fr,2,Former le personnel.,organisme,,2027-01-15,\r\n"
        f'{tri},fr,3,"Tenir une séance\npublique.",laval,,,\r\n'
        f"{tri},en,1,Publish the code.,laval,'=Direction des technologies,2026-06-30,\r\n"
        f"{tri},en,2,Former le personnel.,organisme,,2027-01-15,\r\n"
        f'{tri},en,3,"Tenir une séance\npublique.",laval,,,\r\n'
        f"{report},fr,1,Publier la liste d'ici l'été.,laval,,,1\r\n"
    )
    assert updates == (
        UPDATES_HEADER
        + f"{u['started']},{tri}-C1,2026-02-01,in-progress,40,Code inventorié.,fr,https://example.org/inventaire,Inventaire,,true\r\n"
        f"{u['postponed']},{tri}-C1,2026-03-01,postponed,,Postponed to the fall.,en,,,,true\r\n"
        f"{u['done']},{tri}-C2,2026-03-02,done,,Personnel formé.,fr,,,,true\r\n"
        f"{u['correction']},{tri}-C2,2026-03-02,in-progress,80,Personnel en formation.,fr,,,{u['done']},true\r\n"
        f"{u['partly']},{tri}-C3,2026-03-03,partly-done,,Une séance.,fr,,,,true\r\n"
        f"{u['abandoned']},{report}-C1,2026-03-04,abandoned,,'-Abandonné.,fr,,,,true\r\n"
        f"{u['planned']},{report}-C1,2026-03-05,planned,,Planned again.,en,,,,false\r\n"
    )


def test_export_import_export_gives_the_same_bytes_and_changes_nothing(world):
    before = export_both()
    revisions = world["tri"].revisions.count()
    outcome = import_both(*before)
    assert export_both() == before
    assert (outcome.commitments.unchanged, outcome.commitments.created, outcome.commitments.updated) == (
        7,
        0,
        0,
    )
    assert (outcome.updates.unchanged, outcome.updates.created, outcome.updates.updated) == (7, 0, 0)
    assert world["tri"].revisions.count() == revisions


def test_the_commands_export_and_import_the_same_files(world, tmp_path):
    commitments, updates = tmp_path / "c.csv", tmp_path / "u.csv"
    call_command("export_commitments", str(commitments), str(updates))
    assert (commitments.read_bytes().decode(), updates.read_bytes().decode()) == export_both()
    out = io.StringIO()
    call_command("import_commitments", commitments=str(commitments), updates=str(updates), stdout=out)
    assert out.getvalue().splitlines() == [
        "Commitments created: 0, updated: 0, unchanged: 7.",
        "Progress updates created: 0, updated: 0, unchanged: 7.",
    ]
    only = tmp_path / "only.csv"
    call_command("export_commitments", str(only), str(tmp_path / "u2.csv"), item=[world["report"].public_id])
    assert only.read_bytes().decode() == COMMITMENTS_HEADER + (
        f"{world['report'].public_id},fr,1,Publier la liste d'ici l'été.,laval,,,1\r\n"
    )


def test_a_command_import_with_a_bad_row_prints_every_problem_and_writes_nothing(world, tmp_path):
    tri = world["tri"].public_id
    bad = tmp_path / "bad.csv"
    bad.write_text(COMMITMENTS_HEADER + f"{tri},fr,,Nouveau.,inconnu,,,\n")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem found; nothing was imported."):
        call_command("import_commitments", commitments=str(bad), stderr=err)
    assert err.getvalue().splitlines() == [
        "commitments: line 2, column 5 (owner): unknown organization “inconnu”: give the key of an "
        "organization of the hub (Admin → Organizations)"
    ]
    err = io.StringIO()
    with (
        translation.override("fr"),
        pytest.raises(CommandError, match="1 problème trouvé; rien n'a été importé."),
    ):
        call_command("import_commitments", commitments=str(bad), stderr=err)
    assert err.getvalue().splitlines() == [
        "commitments: line 2, column 5 (owner): organisme inconnu « inconnu » : donnez la clé d'un "
        "organisme de la plateforme (Admin → Organismes)"
    ]
    assert world["tri"].commitments.count() == 3


def test_changed_and_new_commitments_make_a_published_revision_with_the_next_numbers(world):
    tri = world["tri"]
    commitments, _updates = export_both()
    commitments = commitments.replace(
        "Former le personnel.,organisme,,2027-01-15", "Former tout le personnel.,organisme,RH,2027-02-15", 1
    )
    commitments = commitments.replace("2027-01-15,\r\n", "2027-02-15,\r\n", 1)  # the English row follows
    commitments += f"{tri.public_id},fr,,Ouvrir les données.,organisme,,2026-12-31,\r\n"
    Commitment.objects.filter(page=tri, number=3).delete()  # C3 was given once: never again
    tri.save_revision().publish()
    commitments = commitments.replace(f'{tri.public_id},fr,3,"Tenir une séance\npublique.",laval,,,\r\n', "")
    outcome = import_both(commitments)
    assert (outcome.commitments.created, outcome.commitments.updated) == (1, 2)  # C2 in French and English
    assert outcome.drafts == []
    rows = [(c.number, c.text, c.owner_role, c.due_date) for c in tri.commitments.order_by("sort_order")]
    assert rows == [
        (1, "Publier le code.", "=Direction des technologies", datetime.date(2026, 6, 30)),
        (2, "Former tout le personnel.", "RH", datetime.date(2027, 2, 15)),
        (4, "Ouvrir les données.", "", datetime.date(2026, 12, 31)),
    ]
    tri.refresh_from_db()
    assert tri.live and not tri.has_unpublished_changes
    english = world["english"]
    assert english.commitments.get(number=2).due_date == datetime.date(2027, 2, 15)


# --- every kind of problem, at its line and column ------------------------------------------------


def test_each_bad_commitment_cell_is_named_at_its_line_and_column(world):
    tri, report = world["tri"].public_id, world["report"].public_id
    problems = problems_of(
        COMMITMENTS_HEADER + f"{tri},fr,,Nouveau.,inconnu,,,\r\n"
        f"{tri},fr,,Nouveau.,laval,,2026-02-30,\r\n"
        f"{tri},fr,9,Nouveau.,laval,,,\r\n"
        f"{tri},fr,,,laval,{'x' * 256},,\r\n"
        f"XX-2026-0001,fr,,Nouveau.,laval,,,\r\n"
        f"{report},en,,Nouveau.,laval,,,\r\n"
        f"{report},fr,,Nouveau.,laval,,,7\r\n"
        f"{tri},fr,,Nouveau.,laval,,,1\r\n"
        f"{tri},fr,1,Publier le code.,laval,'=Direction des technologies,2026-06-30,\r\n"
        f"{tri},fr,1,Publier le code.,laval,'=Direction des technologies,2026-06-30,\r\n"
        f"{tri},en,2,Former le personnel.,laval,,2027-01-15,\r\n"
        f"{tri},fr,2,Former le personnel.,organisme,,2027-01-15,\r\n"
    )
    assert problems == [
        "commitments: line 2, column 5 (owner): unknown organization “inconnu”: give the key of an organization of the hub (Admin → Organizations)",
        "commitments: line 3, column 7 (due_date): “2026-02-30” is not a date: expected YYYY-MM-DD, e.g. 2026-06-30",
        f"commitments: line 4, column 3 (number): {tri} (fr) has no commitment C9; leave the number empty for a new commitment",
        "commitments: line 5, column 4 (text): required; this cell is empty",
        "commitments: line 5, column 6 (owner_role): too long: 256 characters, at most 255",
        "commitments: line 6, column 1 (item): unknown item “XX-2026-0001”: give the id of an item with commitments that you may edit",
        f"commitments: line 7, column 2 (locale): {report} has no version in this language (en): translate it first",
        f"commitments: line 8, column 8 (recommendation): {report} has no recommendation n° 7",
        "commitments: line 9, column 8 (recommendation): this item has no recommendations; leave it empty",
        "commitments: line 11, column 3 (number): the same commitment as line 10",
        "commitments: line 13, column 5 (owner): differs from line 12, the same commitment in another language: it is the same in every language",
    ]


def test_each_bad_update_cell_is_named_at_its_line_and_column(world):
    tri = world["tri"].public_id
    started = world["started"].pk
    problems = problems_of(
        updates=UPDATES_HEADER + f",{tri}-C9,2026-03-01,done,,Note.,fr,,,,true\r\n"
        f",{tri}-C1,01/03/2026,fini,101,Note.,de,,,,true\r\n"
        f",{tri}-C1,2026-03-01,done,,,fr,,,,peut-être\r\n"
        f"999999,{tri}-C1,2026-03-01,done,,Note.,fr,,,999998,false\r\n"
        f"{started},{tri}-C1,2026-02-01,in-progress,50,Code inventorié.,fr,https://example.org/inventaire,Inventaire,,true\r\n"
    )
    assert problems == [
        f"updates: line 2, column 2 (commitment): unknown commitment “{tri}-C9”: give the id of a commitment you may update, e.g. AC-2026-0003-C2",
        "updates: line 3, column 3 (date): “01/03/2026” is not a date: expected YYYY-MM-DD, e.g. 2026-06-30",
        "updates: line 3, column 4 (status): “fini” is not one of: planned, in-progress, done, partly-done, abandoned, postponed",
        "updates: line 3, column 5 (progress): “101” is not a percentage: a whole number from 0 to 100",
        "updates: line 3, column 7 (language): “de” is not one of: fr, en",
        "updates: line 4, column 6 (note): required; this cell is empty",
        "updates: line 4, column 11 (published): “peut-être” is not one of: true, false",
        "updates: line 5, column 1 (id): unknown update “999999”; leave it empty for a new update",
        "updates: line 5, column 10 (corrects): unknown update “999998”",
        f"updates: line 6, column 5 (progress): update {started} is published: it is final and cannot change; add a new update that corrects it (corrects: {started})",
    ]


def test_what_the_model_refuses_is_named_at_its_line_and_column_and_nothing_is_written(world):
    tri = world["tri"].public_id
    draft = world["planned"].pk
    count = CommitmentUpdate.objects.count()
    problems = problems_of(
        updates=UPDATES_HEADER + f",{tri}-C1,2026-03-01,done,,Fine.,fr,,,,true\r\n"
        f",{tri}-C1,2026-03-01,done,,Note.,fr,ftp://example.org/x,{'t' * 256},,false\r\n"
        f",{tri}-C1,2026-05-01,done,,Note.,fr,,,{draft},false\r\n"
    )
    assert problems == [
        "updates: line 3, column 8 (evidence_url): Enter a valid URL.",
        "updates: line 3, column 9 (evidence_title): Ensure this value has at most 255 characters (it has 256).",
        "updates: line 4, column 3 (date): An update states what has happened: its date cannot be in the future.",
        "updates: line 4, column 10 (corrects): Only a published update is corrected; a draft is edited.",
    ]
    assert CommitmentUpdate.objects.count() == count


def test_one_row_the_model_refuses_leaves_both_files_unwritten(world):
    tri = world["tri"]
    counts = (Commitment.objects.count(), tri.revisions.count(), CommitmentUpdate.objects.count())
    before = export_both()
    commitments, updates = before
    commitments += f"{tri.public_id},fr,,Ouvrir les données.,organisme,,,\r\n"
    updates += f",{tri.public_id}-C1,2026-03-10,done,,Fait.,fr,,,,true\r\n"
    updates += f",{tri.public_id}-C2,2026-05-01,done,,Pas encore.,fr,,,,true\r\n"  # in the future
    assert problems_of(commitments, updates) == [
        "updates: line 10, column 3 (date): An update states what has happened: its date cannot be in the future."
    ]
    assert (Commitment.objects.count(), tri.revisions.count(), CommitmentUpdate.objects.count()) == counts
    assert export_both() == before


def test_a_live_item_with_unpublished_changes_refuses_changed_commitments(world):
    tri = world["tri"]
    tri.title = "Entente sur le tri (brouillon)"
    tri.save_revision()
    commitments, _updates = export_both()
    assert import_both(commitments).commitments.unchanged == 7  # the same rows are no change
    changed = commitments.replace("Publier le code.", "Publier tout le code.", 1)
    assert problems_of(changed) == [
        f"commitments: line 2, column 1 (item): {tri.public_id} (fr) has changes not yet published: "
        "publish or discard them before importing its commitments"
    ]


def test_the_export_and_the_check_read_a_fixed_number_of_queries_whatever_the_number_of_items(
    world, site_pages
):
    def queries():
        with CaptureQueriesContext(connection) as exporting:
            files = export_both()
        with CaptureQueriesContext(connection) as checking:
            read_files(*(text.encode() for text in files))
        return len(exporting), len(checking)

    few = queries()
    for number in range(4):
        page = CollaborationAgreementPageFactory(
            title=f"Entente {number}",
            commitments=[commitment(f"Engagement {n}.", owner=world["city"]) for n in range(3)],
        )
        progress_update(page.commitments.first(), "Commencé.", happened_on=datetime.date(2026, 3, 1))
    assert queries() == few


def test_a_draft_item_is_saved_with_its_new_commitments_and_stays_a_draft(world):
    draft = CollaborationAgreementPageFactory(
        title="Entente en préparation",
        live=False,
        commitments=[commitment("Consulter.", owner=world["city"])],
    )
    outcome = import_both(
        COMMITMENTS_HEADER + f"{draft.public_id},fr,1,Consulter deux fois.,laval,,,\r\n"
        f"{draft.public_id},fr,,Publier le bilan.,organisme,,2026-09-30,\r\n"
    )
    assert (outcome.commitments.created, outcome.commitments.updated, outcome.drafts) == (1, 1, [])
    draft.refresh_from_db()
    assert not draft.live
    assert [(c.number, c.text, c.owner.key) for c in draft.commitments.order_by("sort_order")] == [
        (1, "Consulter deux fois.", "laval"),
        (2, "Publier le bilan.", "organisme"),
    ]
    latest = draft.get_latest_revision_as_object()
    assert [c.text for c in latest.commitments.all()] == ["Consulter deux fois.", "Publier le bilan."]
