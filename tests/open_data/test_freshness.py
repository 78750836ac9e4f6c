"""Open data after a change: a build rewrites only what changed yet writes the same bytes as a full
build, at most one automatic build per OPEN_DATA_MIN_INTERVAL, and the page says how fresh the
files are. Expected files come from a full build of the same database, never from the reuse code."""

import io
import json
import random
import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from wagtail.models import PageViewRestriction

from hub.items import item_types
from impacts.models import CaseFilePage
from impacts.testimonies import withdraw_testimony
from open_data import build, files, tasks
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    TestimonyFactory,
    show_testimony,
    translate_page,
)
from tests.open_data.test_open_data import (
    CASEFILES_CSV,
    DATA_JSON,
    IMMEDIATE,
    MANIFEST_JSON,
    THREAD,
    casefile_ids,
    file_bytes,
    page_url,
)

FROZEN = datetime(2026, 5, 4, 14, 0, tzinfo=UTC)


@pytest.fixture
def rendered(monkeypatch):
    """The public ids each build renders (rather than copies), build after build."""
    seen = []
    original = build.render

    def spy(data_file, versions, context):
        seen.append(versions[0].public_id)
        return original(data_file, versions, context)

    monkeypatch.setattr(build, "render", spy)
    return seen


def full_build_bytes(tmp_path):
    """The files a full build of the database writes, the manifest without its generation id."""
    other = tmp_path / f"full-{len(list(tmp_path.glob('full-*')))}"
    build.build_open_data(other)
    return comparable(other)


def published_ids(folder):
    """The public ids of every item in the folder's JSON file."""
    data = json.loads((folder / DATA_JSON).read_text())
    return {item["id"] for item_type in item_types() for item in data[item_type.section]}


def comparable(folder):
    contents = file_bytes(folder)
    manifest = json.loads(contents.pop(MANIFEST_JSON))
    manifest.pop("generation")
    return contents, manifest


def publish(page):
    page = type(page).objects.get(pk=page.pk)
    page.save_revision().publish()
    return page


# --- Incremental builds ---------------------------------------------------------------------------


def test_builds_after_changes_write_what_a_full_build_writes_rendering_only_what_changed(
    root, site, tmp_path, rendered, django_capture_on_commit_callbacks
):
    """Each change rebuilds at once (the test settings' interval is 0) from the previous files;
    the result must equal a full build byte for byte, including when a cited or related case file
    is unpublished (the citing items must drop it) or published again (they must list it)."""
    chance = random.Random(14)
    with time_machine.travel(FROZEN, tick=False), django_capture_on_commit_callbacks(execute=True):
        casefiles = [CaseFilePageFactory(title=f"Dossier {n}") for n in range(8)]
        cited, related = casefiles[2], casefiles[5]
        holder = CaseFilePage.objects.get(pk=casefiles[0].pk)
        holder.related_casefiles = [related]
        holder.save_revision().publish()
        brief = AdvocacyBriefPageFactory(citations=[cited])
        testimony = TestimonyFactory(casefiles=[casefiles[3]], text="Témoignage Exportix.")
        show_testimony(casefiles[3], testimony)
    with time_machine.travel(FROZEN, tick=False):
        build.build_open_data()

    def unpublish(page):
        type(page).objects.get(pk=page.pk).unpublish()

    def rename(organization):
        organization.name = "Organisme renommé"
        organization.save()

    def retitle(page):
        page = type(page).objects.get(pk=page.pk)
        page.title = f"Titre changé {chance.randrange(1000)}"
        page.save_revision().publish()

    changes = [  # (what, how, the ids it must render again)
        ("unpublish the cited case file", lambda: unpublish(cited), {brief.public_id}),
        ("publish it again", lambda: publish(cited), {cited.public_id, brief.public_id}),
        ("unpublish the related case file", lambda: unpublish(related), {holder.public_id}),
        ("publish it again", lambda: publish(related), {related.public_id, holder.public_id}),
        (
            "translate one",
            lambda: translate_page(casefiles[1], "en", title="Translated"),
            {casefiles[1].public_id},
        ),
        ("withdraw a testimony", lambda: withdraw_testimony(testimony, "Retrait."), {casefiles[3].public_id}),
        ("publish a new one", lambda: CaseFilePageFactory(title="Nouveau", agency=holder.agency), set()),
        ("rename an author's organization", lambda: rename(brief.authors.get().organization), None),
    ]
    chance.shuffle(changes)
    for page in chance.sample([*casefiles[6:], brief], 2):
        changes.append(("retitle", lambda page=page: retitle(page), {page.public_id}))

    for name, change, must in changes:
        known = published_ids(root)
        rendered.clear()
        with time_machine.travel(FROZEN, tick=False), django_capture_on_commit_callbacks(execute=True):
            change()
        assert files.stale_since(root) is None, name
        incremental = comparable(root)
        if must is None:  # a label may be anywhere: every item is rendered
            assert len(set(rendered)) == len(casefile_ids(root)) + 1, name
        else:
            assert must <= set(rendered), name
            # Beyond what the change touched, only items the files did not hold before.
            extra = set(rendered) - must
            assert extra <= published_ids(root) - known, (
                f"{name}: rendered {sorted(set(rendered))}, not only what changed"
            )
        with time_machine.travel(FROZEN, tick=False):
            assert incremental == full_build_bytes(tmp_path), name


def test_a_build_after_a_change_renders_only_the_changed_item_and_what_cites_it(
    root, site, rendered, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        casefiles = [CaseFilePageFactory() for _n in range(5)]
        brief = AdvocacyBriefPageFactory(citations=[casefiles[1]])
        AdvocacyBriefPageFactory()
    build.build_open_data()
    rendered.clear()
    with django_capture_on_commit_callbacks(execute=True):
        CaseFilePage.objects.get(pk=casefiles[1].pk).unpublish()
    assert set(rendered) == {brief.public_id}  # the case file itself is no longer public
    assert casefiles[1].public_id not in casefile_ids(root)
    rendered.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish(casefiles[1])
    assert set(rendered) == {casefiles[1].public_id, brief.public_id}
    briefs = json.loads((root / DATA_JSON).read_text(encoding="utf-8"))["briefs"]
    cited = [[c["id"] for c in item["cited_casefiles"]] for item in briefs if item["id"] == brief.public_id]
    assert cited == [[casefiles[1].public_id]]

    holder = CaseFilePage.objects.get(pk=casefiles[3].pk)
    holder.related_casefiles = [casefiles[4]]
    with django_capture_on_commit_callbacks(execute=True):
        holder.save_revision().publish()
    rendered.clear()
    with django_capture_on_commit_callbacks(execute=True):
        CaseFilePage.objects.get(pk=casefiles[4].pk).delete()  # its links go with it
    assert set(rendered) == {holder.public_id}
    related = json.loads((root / DATA_JSON).read_text(encoding="utf-8"))["casefiles"]
    assert [item["related_casefiles"] for item in related if item["id"] == holder.public_id] == [[]]


def test_the_build_command_is_full_and_if_stale_builds_only_what_is_marked(root, site, rendered):
    pages = [CaseFilePageFactory() for _n in range(3)]
    call_command("build_open_data", stdout=io.StringIO())
    assert sorted(rendered) == sorted(page.public_id for page in pages)

    rendered.clear()
    out = io.StringIO()
    call_command("build_open_data", "--if-stale", stdout=out)
    assert rendered == []
    assert str(root) in out.getvalue() and CASEFILES_CSV not in out.getvalue()

    new = CaseFilePageFactory(title="Publié hors transaction de test")
    files.mark_stale(root, {new.public_id}, everything=False)
    call_command("build_open_data", "--if-stale", stdout=(out := io.StringIO()))
    assert rendered == [new.public_id]
    assert CASEFILES_CSV in out.getvalue() and new.public_id in casefile_ids(root)


def test_a_failed_build_keeps_the_changed_ids_for_the_next_one(root, site, rendered, monkeypatch):
    CaseFilePageFactory()
    build.build_open_data()
    new = CaseFilePageFactory(title="Jamais perdu")
    files.mark_stale(root, {new.public_id}, everything=False)
    rendered.clear()
    with monkeypatch.context() as patch:

        def broken(*args):
            raise RuntimeError("disk on fire")

        patch.setattr(build, "merged", broken)
        with pytest.raises(RuntimeError):
            build.rebuild_if_stale(root)
    assert new.public_id not in casefile_ids(root)
    assert build.rebuild_if_stale(root) == "rebuilt"
    assert rendered == [new.public_id]
    assert new.public_id in casefile_ids(root)


# --- At most one automatic build per interval ----------------------------------------------------


def test_changes_wait_for_the_interval_then_one_build_holds_them_all(
    root, site, settings, django_capture_on_commit_callbacks
):
    settings.OPEN_DATA_MIN_INTERVAL = 600
    with time_machine.travel(FROZEN, tick=False):
        build.build_open_data()
        first = files.read_manifest(root)["generation"]
    with time_machine.travel(FROZEN + timedelta(minutes=3), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            early = CaseFilePageFactory(title="Publié trop tôt")
        assert files.read_manifest(root)["generation"] == first
        assert early.public_id not in casefile_ids(root)
        assert files.stale_since(root) == FROZEN + timedelta(minutes=3)
    with time_machine.travel(FROZEN + timedelta(minutes=10, seconds=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            late = CaseFilePageFactory(title="Publié après l'intervalle")
        assert {early.public_id, late.public_id} <= casefile_ids(root)
        assert files.stale_since(root) is None


def test_the_task_waits_when_another_process_built_within_the_interval(root, site, settings):
    settings.OPEN_DATA_MIN_INTERVAL = 600
    with time_machine.travel(FROZEN, tick=False):
        build.build_open_data()
        page = CaseFilePageFactory()
        files.mark_stale(root, {page.public_id}, everything=False)
        assert tasks.rebuild_open_data.call() == "waiting"
        assert page.public_id not in casefile_ids(root)
    with time_machine.travel(FROZEN + timedelta(minutes=11), tick=False):
        assert tasks.rebuild_open_data.call() == "rebuilt"
        assert page.public_id in casefile_ids(root)


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


REMOVALS = {  # every road that takes something back from the public
    "unpublish": lambda page, testimony: type(page).objects.get(pk=page.pk).unpublish(),
    "delete": lambda page, testimony: type(page).objects.get(pk=page.pk).delete(),
    "make private": lambda page, testimony: make_private(page),
    "withdraw a testimony": lambda page, testimony: withdraw_testimony(testimony, "Retrait."),
}


@pytest.mark.parametrize("road", REMOVALS)
def test_what_is_taken_back_leaves_the_files_before_the_change_returns_whatever_the_interval(
    root, site, settings, road, django_capture_on_commit_callbacks
):
    """Not even a backend that builds only from cron, within an interval, keeps it there."""
    settings.OPEN_DATA_MIN_INTERVAL = 600
    settings.TASKS = {**settings.TASKS, "open_data": {"BACKEND": "open_data.tasks.CronBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        page = CaseFilePageFactory(title="Dossier repris")
        testimony = TestimonyFactory(casefiles=[page], text="Témoignage Retirix.")
        page = show_testimony(page, testimony)
    with time_machine.travel(FROZEN, tick=False):
        build.build_open_data()
        assert "Retirix" in (root / DATA_JSON).read_text()
        with django_capture_on_commit_callbacks(execute=True):
            newer = CaseFilePageFactory(title="Publié pendant l'intervalle")
        assert newer.public_id not in casefile_ids(root)  # a publication waits for the interval
    with time_machine.travel(FROZEN + timedelta(minutes=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            REMOVALS[road](page, testimony)

        assert "Retirix" not in (root / DATA_JSON).read_text()
        if road != "withdraw a testimony":
            assert page.public_id not in casefile_ids(root)
        assert newer.public_id in casefile_ids(root)  # taken along by the same build
        assert not files.removal_pending(root)


ran = []


@task(backend="open_data")
def record_run(label):
    ran.append((label, threading.current_thread().name))


def test_thread_backend_runs_a_deferred_task_once_later_in_a_timer(settings):
    settings.TASKS = {"default": IMMEDIATE, "open_data": THREAD}
    ran.clear()
    later = timezone.now() + timedelta(seconds=2)
    record_run.using(run_after=later).enqueue("first")
    record_run.using(run_after=later).enqueue("second")  # one waits already: nothing more
    assert ran == []
    timer = tasks._waiting[record_run.module_path]
    timer.join(10)
    assert ran == [("first", "task-record_run-later")]


# --- What the page says ---------------------------------------------------------------------------


def freshness_text(client, language):
    body = client.get(page_url("open-data", language)).content.decode()
    return body.split('<p class="generated">', 1)[1].split("</p>", 1)[0]


@pytest.mark.parametrize(
    ("language", "waiting", "current", "at_once"),
    [
        (
            "en",
            "at the latest around",
            "at most 10 minutes after it is published",
            "withdrawn leaves them at once",
        ),
        ("fr", "au plus tard vers", "au plus 10 minutes après sa publication", "retiré en sort aussitôt"),
    ],
)
def test_the_page_says_when_changes_published_since_reach_the_files(
    root, site, client, settings, language, waiting, current, at_once, django_capture_on_commit_callbacks
):
    settings.OPEN_DATA_MIN_INTERVAL = 600
    with time_machine.travel(FROZEN, tick=False):
        build.build_open_data()
        built = files.last_built(root)
        assert current in freshness_text(client, language)
        assert at_once in freshness_text(client, language)
    with time_machine.travel(FROZEN + timedelta(minutes=2), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            CaseFilePageFactory()
        text = freshness_text(client, language)
        due = timezone.localtime(built + timedelta(seconds=600))
        assert waiting in text
        assert f'<time datetime="{due.isoformat(timespec="seconds")}">' in text
    with time_machine.travel(FROZEN + timedelta(minutes=12), tick=False):
        text = freshness_text(client, language)
        assert waiting not in text and current not in text
        assert ("due now" if language == "en" else "prévue maintenant") in text
    settings.OPEN_DATA_MIN_INTERVAL = 0
    assert ("a few moments" if language == "en" else "quelques instants") in freshness_text(client, language)
