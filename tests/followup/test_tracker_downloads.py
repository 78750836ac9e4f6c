"""The tracker's Atom feed and downloads, for any tracker search: the feed lists the published
progress updates of the selected commitments, newest first, with ids that do not change; the
CSV and JSON files hold the selected rows and their published updates, in the columns the data
dictionary documents. Drafts never show. Expected values are written out from the fixture."""

import csv
import datetime
import io
import xml.etree.ElementTree as ET

import pytest
import time_machine

from followup.models import CommitmentStatus
from open_data.dictionary import data_dictionary
from tests.factories import (
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    commitment,
    progress_update,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FROZEN = datetime.datetime(2026, 7, 1, 12, 0)


@pytest.fixture
def world(site_pages):
    city = OrganizationFactory(name="Ville fictive de Laval")
    group = OrganizationFactory(name="Organisme fictif")
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12), tick=False):
        agreement = CollaborationAgreementPageFactory(
            title="Entente sur le tri",
            commitments=[
                commitment(
                    "Publier le code.",
                    owner=city,
                    owner_role="=Direction",
                    due_date=datetime.date(2026, 6, 30),
                ),
                commitment("Former le personnel.", owner=group),
            ],
        )
    first, second = agreement.commitments.order_by("number")
    updates = {}
    with time_machine.travel(datetime.datetime(2026, 4, 2, 12), tick=False):
        updates["started"] = progress_update(
            first, "Travaux commencés.", progress=40, happened_on=datetime.date(2026, 4, 1)
        )
    with time_machine.travel(datetime.datetime(2026, 5, 2, 12), tick=False):
        updates["trained"] = progress_update(
            second,
            "Formation donnée.",
            status=CommitmentStatus.DONE,
            happened_on=datetime.date(2026, 5, 1),
            evidence_url="https://exemple.org/rapport",
            evidence_title="Rapport",
        )
        updates["draft"] = progress_update(first, "Note pas encore publiée.", published=False)
    return {"agreement": agreement, "city": city, "group": group, "updates": updates}


def feed_entries(client, path, params=None):
    response = client.get(path, params or {})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [
        {
            "id": entry.find(f"{ATOM}id").text,
            "title": entry.find(f"{ATOM}title").text,
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.find(f"{ATOM}summary").text,
            "lang": entry.get("{http://www.w3.org/XML/1998/namespace}lang"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_the_feed_lists_published_updates_newest_first_with_stable_ids(client, world):
    agreement, updates = world["agreement"], world["updates"]
    with time_machine.travel(FROZEN, tick=False):
        entries = feed_entries(client, "/fr/engagements/flux/")
        again = feed_entries(client, "/en/commitments/feed/")
    trained, started = updates["trained"], updates["started"]
    assert [entry["id"] for entry in entries] == [
        f"http://testserver/cite/{agreement.public_id}-C2/#update-{trained.pk}",
        f"http://testserver/cite/{agreement.public_id}-C1/#update-{started.pk}",
    ]
    assert [entry["id"] for entry in again] == [entry["id"] for entry in entries]
    assert entries[1]["link"] == f"http://testserver{agreement.url}engagements/1/#update-{started.pk}"
    assert entries[1]["title"] == f"{agreement.public_id}-C1 · En cours · 40 % réalisé"
    assert "Travaux commencés." in entries[1]["summary"] and entries[1]["lang"] == "fr"
    assert all("pas encore publiée" not in str(entry) for entry in entries)


def test_the_feed_follows_the_tracker_search(client, world):
    agreement, updates = world["agreement"], world["updates"]
    with time_machine.travel(FROZEN, tick=False):
        done = feed_entries(client, "/fr/engagements/flux/", {"status": "done"})
        city = feed_entries(client, "/fr/engagements/flux/", {"organization": world["city"].key})
    assert [entry["id"] for entry in done] == [
        f"http://testserver/cite/{agreement.public_id}-C2/#update-{updates['trained'].pk}"
    ]
    assert [entry["id"] for entry in city] == [
        f"http://testserver/cite/{agreement.public_id}-C1/#update-{updates['started'].pk}"
    ]


def test_a_feed_without_entries_is_as_old_as_its_selection_not_the_clock(client, world):
    """An empty feed keeps the same date (and ``Last-Modified``) from one request to the next: the
    newest publication among the selected commitments' items, the epoch when none is selected."""
    quiet = OrganizationFactory(name="Organisme fictif sans nouvelles")
    with time_machine.travel(datetime.datetime(2026, 6, 5, 9, 30, 15), tick=False):
        agreement = CollaborationAgreementPageFactory(commitments=[commitment("Consulter.", owner=quiet)])
    answers = []
    for moment in (FROZEN, FROZEN + datetime.timedelta(days=3)):
        with time_machine.travel(moment, tick=False):
            for params in ({"status": "abandoned"}, {"organization": quiet.key}):
                response = client.get("/fr/engagements/flux/", params)
                updated = ET.fromstring(response.content).find(f"{ATOM}updated").text
                answers.append((response["Last-Modified"], updated))
    # Abandoned: nothing selected. The quiet organization: one commitment, no update yet.
    assert agreement.last_published_at is not None
    assert answers[0] == answers[2] == ("Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00+00:00")
    assert answers[1] == answers[3] == ("Fri, 05 Jun 2026 09:30:15 GMT", "2026-06-05T09:30:15+00:00")


def dictionary_columns(name):
    spec = next(spec for spec in data_dictionary()["files"] if spec["name"] == name)
    return [column["name"] for column in spec["columns"]]


def test_the_commitments_csv_and_json_hold_the_rows_in_the_documented_columns(client, world):
    agreement, city = world["agreement"], world["city"]
    with time_machine.travel(FROZEN, tick=False):
        response = client.get("/fr/engagements/engagements.csv", {"organization": city.key})
        as_json = client.get("/en/commitments/commitments.json")
    assert response["Content-Disposition"] == 'attachment; filename="vigie-commitments.csv"'
    assert as_json["Content-Disposition"] == 'attachment; filename="vigie-commitments.json"'
    reader = csv.reader(io.StringIO(response.content.decode("utf-8")))
    header, *rows = list(reader)
    assert header == dictionary_columns("vigie-commitments.csv")
    assert [dict(zip(header, row, strict=True)) for row in rows] == [
        {
            "id": f"{agreement.public_id}-C1",
            "locale": "fr",
            "commitment": "Publier le code.",
            "item_id": agreement.public_id,
            "item_type": "agreement",
            "item_title": "Entente sur le tri",
            "owner": city.key,
            "owner_name": "Ville fictive de Laval",
            "owner_role": "'=Direction",  # never a formula in a spreadsheet
            "due_date": "2026-06-30",
            "status": "in-progress",
            "progress": "40",
            "overdue": "yes",
            "last_update": "2026-04-01",
            "services": "sante",
            "regions": "montreal",
            "systems": "",
            "url": f"http://testserver{agreement.url}engagements/1/",
        }
    ]
    data = as_json.json()
    assert list(data["commitments"][0]) == dictionary_columns("vigie-commitments.json")
    assert data["count"] == 2
    assert [(row["id"], row["status"], row["services"], row["progress"]) for row in data["commitments"]] == [
        (f"{agreement.public_id}-C1", "in-progress", ["sante"], "40"),
        (f"{agreement.public_id}-C2", "done", ["sante"], None),
    ]


def test_the_updates_csv_and_json_hold_only_published_updates(client, world):
    agreement, updates = world["agreement"], world["updates"]
    with time_machine.travel(FROZEN, tick=False):
        response = client.get("/fr/engagements/mises-a-jour.csv")
        as_json = client.get("/en/commitments/updates.json", {"status": "done"})
    assert response["Content-Disposition"] == 'attachment; filename="vigie-commitment-updates.csv"'
    header, *rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert header == dictionary_columns("vigie-commitment-updates.csv")
    records = [dict(zip(header, row, strict=True)) for row in rows]
    trained, started = updates["trained"], updates["started"]
    assert [(r["id"], r["commitment_id"], r["date"], r["status"], r["note"]) for r in records] == [
        (str(trained.pk), f"{agreement.public_id}-C2", "2026-05-01", "done", "Formation donnée."),
        (str(started.pk), f"{agreement.public_id}-C1", "2026-04-01", "in-progress", "Travaux commencés."),
    ]
    assert records[0]["evidence_url"] == "https://exemple.org/rapport"
    assert b"pas encore" not in response.content
    data = as_json.json()
    assert list(data["updates"][0]) == dictionary_columns("vigie-commitment-updates.json")
    assert [update["id"] for update in data["updates"]] == [str(trained.pk)]


def test_the_tracker_page_links_to_its_feed_and_downloads_with_its_filters(client, world):
    city = world["city"]
    response = client.get("/fr/engagements/", {"organization": city.key, "sort": "updated"})
    content = response.content.decode()
    assert f'href="/fr/engagements/flux/?organization={city.key}"' in content
    assert f'href="/fr/engagements/engagements.csv?organization={city.key}&amp;sort=updated"' in content
    assert f'href="/fr/engagements/mises-a-jour.json?organization={city.key}"' in content
    assert 'type="application/atom+xml"' in content
