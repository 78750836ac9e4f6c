"""The tracker against an independent computation: random agreements (some drafts) with random
owners, services, regions, AI systems (one of them not public), due dates and progress update
histories (some updates unpublished), read on a random day. Its rows, their order and every
facet's counts equal what this test computes from the data it generated, without the tracker's
code: a row is kept when, in every facet with a selection, it has one of the values selected;
a facet's counts leave its own selection out."""

import datetime

import pytest
import time_machine
from django.db import transaction
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup import tracker
from tests.factories import (
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    SystemPageFactory,
    commitment,
    progress_update,
)

pytestmark = pytest.mark.django_db

STATUSES = ["planned", "in-progress", "done", "partly-done", "abandoned", "postponed"]
CLOSED = {"done", "abandoned"}
SERVICES = ["sante", "education", "transport"]
REGIONS = ["montreal", "laval", "estrie"]
START = datetime.date(2025, 1, 1)

days = st.integers(min_value=0, max_value=3 * 365)
updates = st.lists(
    st.fixed_dictionaries({"status": st.sampled_from(STATUSES), "day": days, "published": st.booleans()}),
    max_size=3,
)
commitments = st.lists(
    st.fixed_dictionaries({"owner": st.integers(0, 2), "due": st.none() | days, "updates": updates}),
    min_size=1,
    max_size=3,
)
agreements = st.lists(
    st.fixed_dictionaries(
        {
            "live": st.sampled_from([True, True, True, False]),
            "services": st.sets(st.sampled_from(SERVICES), min_size=1),
            "regions": st.sets(st.sampled_from(REGIONS), min_size=1),
            "systems": st.sets(st.integers(0, 2)),
            "commitments": commitments,
        }
    ),
    min_size=1,
    max_size=4,
)


def day(offset):
    return START + datetime.timedelta(days=offset)


@pytest.fixture
def cast(site_pages):
    """Three owners; AI systems 0 and 1 public, 2 a draft (never a facet value)."""
    owners = [OrganizationFactory(name=f"Organisation fictive {n}") for n in range(3)]
    systems = [SystemPageFactory(), SystemPageFactory(), SystemPageFactory(live=False)]
    return owners, systems


def expected_rows(generated, pages, owners, systems, today):
    """Every public commitment as a dict of its facet values, computed from the generated data."""
    public_systems = {systems[0].public_id, systems[1].public_id}
    rows = []
    for spec, page in zip(generated, pages, strict=True):
        if not spec["live"]:
            continue
        for number, made in enumerate(spec["commitments"], start=1):
            published = [
                (u["day"], index, u["status"]) for index, u in enumerate(made["updates"]) if u["published"]
            ]
            latest = max(published) if published else None
            status = latest[2] if latest else "planned"
            due = day(made["due"]) if made["due"] is not None else None
            overdue = due is not None and due < today and status not in CLOSED
            rows.append(
                {
                    "id": f"{page.public_id}-C{number}",
                    "sort_id": (page.public_id, number),
                    "due": due,
                    "last_update": day(latest[0]) if latest else None,
                    "organization": {owners[made["owner"]].key},
                    "status": {status},
                    "overdue": {"yes" if overdue else "no"},
                    "year": {str(due.year) if due else "none"},
                    "service": set(spec["services"]),
                    "region": set(spec["regions"]),
                    "system": {systems[n].public_id for n in spec["systems"]} & public_systems,
                }
            )
    return rows


def kept(row, selections, leaving_out=None):
    return all(facet == leaving_out or row[facet] & values for facet, values in selections.items())


def build(generated, owners, systems):
    pages = []
    for spec in generated:
        page = CollaborationAgreementPageFactory(
            live=spec["live"],
            services=sorted(spec["services"]),
            regions=sorted(spec["regions"]),
            commitments=[
                commitment(
                    f"Engagement {n}.",
                    owner=owners[made["owner"]],
                    due_date=day(made["due"]) if made["due"] is not None else None,
                )
                for n, made in enumerate(spec["commitments"])
            ],
        )
        page.systems = [systems[n] for n in sorted(spec["systems"])]
        page.save()
        for row, made in zip(page.commitments.order_by("number"), spec["commitments"], strict=True):
            for update in made["updates"]:
                progress_update(
                    row,
                    status=update["status"],
                    happened_on=day(update["day"]),
                    published=update["published"],
                )
        pages.append(page)
    return pages


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    generated=agreements,
    today=days,
    picks=st.fixed_dictionaries(
        {
            "organization": st.sets(st.integers(0, 2), max_size=2),
            "status": st.sets(st.sampled_from(STATUSES), max_size=2),
            "overdue": st.sets(st.sampled_from(["yes", "no"]), max_size=1),
            "year": st.sets(st.sampled_from(["2025", "2026", "2027", "none"]), max_size=2),
            "service": st.sets(st.sampled_from(SERVICES), max_size=1),
            "region": st.sets(st.sampled_from(REGIONS), max_size=2),
            "system": st.sets(st.integers(0, 1), max_size=1),
        }
    ),
    sort=st.sampled_from(["due", "updated"]),
)
def test_rows_and_counts_match_an_independent_computation(cast, generated, today, picks, sort):
    owners, systems = cast
    today = day(today)
    selections = {facet: set(values) for facet, values in picks.items() if values}
    if "organization" in selections:
        selections["organization"] = {owners[n].key for n in selections["organization"]}
    if "system" in selections:
        selections["system"] = {systems[n].public_id for n in selections["system"]}
    params = QueryDict(mutable=True)
    for facet, values in selections.items():
        params.setlist(facet, sorted(values))
    params["sort"] = sort
    with transaction.atomic():
        with time_machine.travel(datetime.datetime(2025, 1, 1, 12), tick=False):
            pages = build(generated, owners, systems)
        with time_machine.travel(datetime.datetime.combine(today, datetime.time(12)), tick=False):
            query, errors = tracker.parse(params)
            assert errors is None
            found = tracker.run(query, "fr")
            rows = expected_rows(generated, pages, owners, systems, today)
            facets = {
                facet: {value["key"]: value["count"] for value in found.facets[facet]}
                for facet in tracker.FACETS
            }
            shown = [row.commitment.public_id for row in found.rows]
        transaction.set_rollback(True)

    matching = [row for row in rows if kept(row, selections)]
    if sort == "due":
        matching.sort(key=lambda row: (row["due"] is None, row["due"] or datetime.date.min, row["sort_id"]))
    else:
        matching.sort(
            key=lambda row: (
                row["last_update"] is None,
                -(row["last_update"] or START).toordinal(),
                row["sort_id"],
            )
        )
    assert shown == [row["id"] for row in matching]
    for facet in tracker.FACETS:
        counts = {}
        for row in rows:
            if kept(row, selections, leaving_out=facet):
                for value in row[facet]:
                    counts[value] = counts.get(value, 0) + 1
        for value in selections.get(facet, ()):
            counts.setdefault(value, 0)  # selected, it stays shown
        assert facets[facet] == counts, facet
