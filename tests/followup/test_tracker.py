"""The commitment tracker's page: its rows in the reader's language, its sorts, pages, headlines
and the 400 answers that name a bad parameter, and overdue across time.

Expectations are written out from the fixture's own values."""

import datetime

import lxml.html
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from followup.models import Commitment, CommitmentStatus
from hub.models import Organization
from tests.factories import (
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    commitment,
    locale,
    progress_update,
    translate_page,
)

pytestmark = pytest.mark.django_db

FROZEN = datetime.datetime(2026, 7, 1, 12, 0)


def html(response):
    assert response.status_code == 200, response.content.decode()[:2000]
    return lxml.html.fromstring(response.content.decode())


def text_of(element):
    return " ".join(element.text_content().split())


def row_ids(document):
    """The public ids of the rows, in order."""
    return [
        text_of(heading).split()[-1]
        for heading in document.xpath('//ol[contains(@class, "tracker-list")]/li//h3')
    ]


@pytest.fixture
def world(site_pages):
    city = OrganizationFactory(name="Ville fictive de Laval", kind=Organization.Kind.MUNICIPALITY)
    english_city = city.copy_for_translation(locale("en"))
    english_city.name = "Fictional City of Laval"
    english_city.save()
    group = OrganizationFactory(name="Organisme fictif", kind=Organization.Kind.NON_PROFIT)
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12), tick=False):
        sorting = CollaborationAgreementPageFactory(
            title="Entente sur le tri",
            regions=["montreal"],
            commitments=[
                commitment("Publier le code.", owner=city, due_date=datetime.date(2026, 6, 30)),
                commitment("Former le personnel.", owner=group, due_date=datetime.date(2027, 1, 15)),
                commitment("Tenir une séance publique.", owner=city),
            ],
        )
        english = translate_page(sorting, title="Sorting agreement", slug="sorting-agreement")
        Commitment.objects.filter(page=english, number=1).update(text="Publish the code.")
        lone = CollaborationAgreementPageFactory(
            title="Entente sur les appels",
            regions=["capitale-nationale"],
            commitments=[commitment("Répondre aux appels.", owner=group, due_date=datetime.date(2026, 5, 1))],
        )
    first, second, third = sorting.commitments.order_by("number")
    with time_machine.travel(datetime.datetime(2026, 4, 2, 12), tick=False):
        progress_update(
            first, status=CommitmentStatus.IN_PROGRESS, progress=40, happened_on=datetime.date(2026, 4, 1)
        )
    with time_machine.travel(datetime.datetime(2026, 5, 2, 12), tick=False):
        progress_update(
            second, status=CommitmentStatus.DONE, progress=100, happened_on=datetime.date(2026, 5, 1)
        )
    return {"city": city, "group": group, "sorting": sorting, "english": english, "lone": lone}


def test_every_public_commitment_is_a_row_due_date_first(client, world):
    sorting, lone = world["sorting"], world["lone"]
    with time_machine.travel(FROZEN, tick=False):
        document = html(client.get("/fr/engagements/"))
    assert row_ids(document) == [
        f"{lone.public_id}-C1",
        f"{sorting.public_id}-C1",
        f"{sorting.public_id}-C2",
        f"{sorting.public_id}-C3",
    ]


def test_a_reader_of_english_gets_the_english_version_else_the_original(client, world):
    sorting, english, lone = world["sorting"], world["english"], world["lone"]
    with time_machine.travel(FROZEN, tick=False):
        document = html(client.get("/en/commitments/"))
    items = document.xpath('//ol[contains(@class, "tracker-list")]/li')
    assert row_ids(document)[:2] == [f"{lone.public_id}-C1", f"{sorting.public_id}-C1"]
    # The untranslated agreement's commitment, in French, says so.
    assert items[0].xpath('.//p[@class="commitment__text"]/@lang') == ["fr"]
    assert "Not translated yet" in text_of(items[0])
    # The translated one: its English text, its English page, its owner's English name.
    assert text_of(items[1].xpath('.//p[@class="commitment__text"]')[0]) == "Publish the code."
    assert items[1].xpath(".//h3/a/@href") == [f"{english.url}commitments/1/"]
    assert "Fictional City of Laval" in text_of(items[1])
    assert "Sorting agreement" in text_of(items[1])
    with time_machine.travel(FROZEN, tick=False):
        french = html(client.get("/fr/engagements/"))
    first = french.xpath('//ol[contains(@class, "tracker-list")]/li')[1]
    assert text_of(first.xpath('.//p[@class="commitment__text"]')[0]) == "Publier le code."
    assert first.xpath(".//h3/a/@href") == [f"{sorting.url}engagements/1/"]
    assert "Ville fictive de Laval" in text_of(first)


def test_sort_by_last_update_newest_first_those_without_last_by_id(client, world):
    sorting, lone = world["sorting"], world["lone"]
    with time_machine.travel(FROZEN, tick=False):
        document = html(client.get("/fr/engagements/", {"sort": "updated"}))
    assert row_ids(document) == [
        f"{sorting.public_id}-C2",  # updated 2026-05-01
        f"{sorting.public_id}-C1",  # updated 2026-04-01
        f"{sorting.public_id}-C3",  # no update: by id
        f"{lone.public_id}-C1",
    ]
    assert "il y a 61 jours" in text_of(document.xpath('//ol[contains(@class, "tracker-list")]/li')[0])
    assert "Aucune mise à jour" in text_of(document.xpath('//ol[contains(@class, "tracker-list")]/li')[2])


def test_pages_of_rows_and_a_page_past_the_last_is_refused(client, world, monkeypatch):
    monkeypatch.setattr("followup.tracker.PAGE_SIZE", 3)
    sorting = world["sorting"]
    with time_machine.travel(FROZEN, tick=False):
        document = html(client.get("/fr/engagements/", {"page": 2}))
        assert row_ids(document) == [f"{sorting.public_id}-C3"]
        assert document.xpath('//nav[@class="pagination"]//a[@rel="prev"]/@href') == ["/fr/engagements/"]
        response = client.get("/fr/engagements/", {"page": 3})
    assert response.status_code == 400
    assert lxml.html.fromstring(response.content).xpath('//div[@class="form-errors"]//strong/text()') == [
        "page"
    ]


@pytest.mark.parametrize(
    "params, name",
    [
        ({"status": "fini"}, "status"),
        ({"year": "deux-mille"}, "year"),
        ({"organization": "inconnue"}, "organization"),
        ({"overdue": "peut-etre"}, "overdue"),
        ({"region": "atlantide"}, "region"),
        ({"system": "SY-2026-9999"}, "system"),
        ({"sort": "hasard"}, "sort"),
        ({"page": "deux"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "9"}, "page"),
    ],
)
def test_a_bad_parameter_gets_a_400_that_names_it_on_every_address(client, world, params, name):
    response = client.get("/fr/engagements/", params)
    assert response.status_code == 400
    assert lxml.html.fromstring(response.content).xpath('//div[@class="form-errors"]//strong/text()') == [
        name
    ]
    for path in (
        "/fr/engagements/flux/",
        "/fr/engagements/engagements.csv",
        "/en/commitments/commitments.json",
        "/en/commitments/updates.csv",
        "/fr/engagements/mises-a-jour.json",
    ):
        response = client.get(path, params)
        assert response.status_code == 400, path
        assert list(response.json()["errors"]) == [name], path


def test_headlines_per_organization_and_for_the_selection(client, world):
    city, group = world["city"], world["group"]
    with time_machine.travel(FROZEN, tick=False):
        french = html(client.get("/fr/engagements/"))
        english = html(client.get("/en/commitments/"))
    assert (
        text_of(french.xpath('//p[@class="tracker-headline"]')[0]) == "4 engagements, 1 réalisé, 2 en retard"
    )
    assert [text_of(item) for item in french.xpath('//ul[@class="tracker-headlines"]/li')] == [
        "Organisme fictif : 2 engagements, 1 réalisé, 1 en retard",
        "Ville fictive de Laval : 2 engagements, 1 en retard",
    ]
    assert french.xpath('//ul[@class="tracker-headlines"]/li/a/@href') == [
        f"/fr/engagements/?organization={group.key}",
        f"/fr/engagements/?organization={city.key}",
    ]
    assert [text_of(item) for item in english.xpath('//ul[@class="tracker-headlines"]/li')] == [
        "Fictional City of Laval: 2 commitments, 1 overdue",
        "Organisme fictif: 2 commitments, 1 done, 1 overdue",
    ]
    with time_machine.travel(FROZEN, tick=False):
        filtered = html(client.get("/en/commitments/", {"organization": city.key}))
    assert text_of(filtered.xpath('//p[@class="tracker-headline"]')[0]) == "2 commitments, 1 overdue"


def facet_counts(document, facet):
    return {
        box.get("value"): (
            int(text_of(box.getparent()).split("(")[-1].split()[0]),
            box.get("checked") is not None,
        )
        for box in document.xpath(f'//fieldset[@id="facet-{facet}"]//input')
    }


def test_a_facet_counts_ignore_its_own_selection_and_a_selected_empty_value_stays(client, world):
    city, group = world["city"], world["group"]
    with time_machine.travel(FROZEN, tick=False):
        document = html(client.get("/fr/engagements/", {"organization": city.key, "year": "2030"}))
    assert row_ids(document) == []
    # Organization counts keep the year filter only: nothing is due in 2030.
    assert facet_counts(document, "organization") == {city.key: (0, True)}
    assert facet_counts(document, "year") == {"2026": (1, False), "none": (1, False), "2030": (0, True)}
    with time_machine.travel(FROZEN, tick=False):
        document = html(client.get("/fr/engagements/", {"organization": city.key}))
    assert facet_counts(document, "organization") == {group.key: (2, False), city.key: (2, True)}
    assert facet_counts(document, "status") == {"planned": (1, False), "in-progress": (1, False)}
    assert facet_counts(document, "region") == {"montreal": (2, False)}


def test_overdue_follows_the_calendar_and_never_a_done_or_abandoned_commitment(client, world):
    sorting, lone = world["sorting"], world["lone"]
    with time_machine.travel(datetime.datetime(2026, 4, 15, 12), tick=False):
        assert row_ids(html(client.get("/fr/engagements/", {"overdue": "yes"}))) == []
    with time_machine.travel(datetime.datetime(2026, 5, 1, 12), tick=False):  # lone's due date: not yet
        assert row_ids(html(client.get("/fr/engagements/", {"overdue": "yes"}))) == []
    with time_machine.travel(datetime.datetime(2026, 5, 2, 12), tick=False):
        assert row_ids(html(client.get("/fr/engagements/", {"overdue": "yes"}))) == [f"{lone.public_id}-C1"]
    with time_machine.travel(FROZEN, tick=False):
        assert row_ids(html(client.get("/fr/engagements/", {"overdue": "yes"}))) == [
            f"{lone.public_id}-C1",
            f"{sorting.public_id}-C1",
        ]
        progress_update(
            lone.commitments.get(), status=CommitmentStatus.DONE, happened_on=datetime.date(2026, 7, 1)
        )
        progress_update(
            sorting.commitments.get(number=1),
            status=CommitmentStatus.ABANDONED,
            happened_on=datetime.date(2026, 7, 1),
        )
        assert row_ids(html(client.get("/fr/engagements/", {"overdue": "yes"}))) == []
        assert len(row_ids(html(client.get("/fr/engagements/", {"overdue": "no"})))) == 4


def agreements_with(count, owner):
    """Agreements holding ``count`` commitments in all, each with a published update."""
    for start in range(0, count, 5):
        page = CollaborationAgreementPageFactory(
            commitments=[
                commitment(f"Engagement {n}.", owner=owner, due_date=datetime.date(2026, 1 + n % 12, 1))
                for n in range(start, min(count, start + 5))
            ]
        )
        for row in page.commitments.all():
            progress_update(row, happened_on=datetime.date(2026, 1, 1))
        translate_page(page, title=f"Agreement {page.pk}", slug=f"agreement-{page.pk}")


@pytest.mark.parametrize(
    "path",
    [
        "/fr/engagements/",
        "/en/commitments/feed/",
        "/fr/engagements/engagements.csv",
        "/en/commitments/updates.json",
    ],
)
def test_queries_do_not_grow_with_the_commitments(client, site_pages, path):
    owner = OrganizationFactory(name="Ville fictive")
    agreements_with(2, owner)
    client.get(path)  # caches warm
    with CaptureQueriesContext(connection) as few:
        assert client.get(path).status_code == 200
    agreements_with(18, owner)
    client.get(path)  # the site's fragment caches follow publications: warm them again
    with CaptureQueriesContext(connection) as many:
        response = client.get(path)
    assert response.status_code == 200
    assert b"Engagement 17." in response.content or "updates" in path or path.endswith("feed/")
    assert len(many) == len(few), [query["sql"][:120] for query in many.captured_queries]
