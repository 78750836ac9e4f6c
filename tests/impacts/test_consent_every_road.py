"""The consent check holds wherever a case file is published: a version showing a testimony
whose consent is incomplete, or does not cover the case file and the web, never goes live, and
the person publishing learns which testimony stops it. The edit form's message is tested in
``test_testimonies.py``; here are the other roads: the admin API, bulk publishing, workflow
approval, scheduled publishing and scripts."""

import datetime
import logging

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Revision, TaskState

from hub.publication_rules import PublicationRefused
from hub.roles import COMMUNITY_EDITORS, REVIEWERS
from impacts.models import CaseFilePage, CaseFileTestimony
from tests.factories import CaseFilePageFactory, TestimonyFactory, role_user, show_testimony
from tests.impacts.test_testimonies import edit_form_data

pytestmark = pytest.mark.django_db


def reference(testimony):
    """Computed here, not read from the model: ``T-`` and the primary key on four digits."""
    return f"T-{testimony.pk:04d}"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def without_web_consent(page):
    """A live case file whose latest draft shows a testimony the person did not allow on the web."""
    testimony = TestimonyFactory(casefiles=[page], consent_web=False, text="Témoignage fictif Sombrelac.")
    return show_testimony(page, testimony, publish=False), testimony


def assert_still_as_published(page, live_revision_id):
    page = CaseFilePage.objects.get(pk=page.pk)
    assert page.live_revision_id == live_revision_id
    assert not CaseFileTestimony.objects.filter(page_id=page.pk).exists()
    response = Client().get(page.url)
    assert response.status_code == 200
    assert "Sombrelac" not in response.content.decode()


def test_the_admin_api_publish_action_answers_400_naming_the_testimony(site_pages):
    page = CaseFilePageFactory()
    live_revision_id = page.live_revision_id
    page, testimony = without_web_consent(page)

    with translation.override("en"):
        response = client_for(role_user(None, "admin")).post(
            f"/admin/api/main/pages/{page.pk}/action/publish/", {}, content_type="application/json"
        )

    assert response.status_code == 400, response.content[:500]
    assert reference(testimony) in response.content.decode()
    assert_still_as_published(page, live_revision_id)


def test_wagtails_publish_action_called_directly_is_refused(site_pages):
    page = CaseFilePageFactory()
    live_revision_id = page.live_revision_id
    page, testimony = without_web_consent(page)

    with pytest.raises(PublicationRefused) as refused:
        PublishPageRevisionAction(page.latest_revision).execute()

    assert reference(testimony) in str(refused.value)
    assert_still_as_published(page, live_revision_id)


def test_bulk_publishing_publishes_nothing_and_names_the_testimony(site_pages):
    page = CaseFilePageFactory()
    live_revision_id = page.live_revision_id
    page, testimony = without_web_consent(page)
    other = CaseFilePageFactory(live=False)
    url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&id={other.pk}"

    response = client_for(role_user(None, "admin")).post(url, {})

    assert response.status_code == 302
    shown = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert reference(testimony) in shown
    assert_still_as_published(page, live_revision_id)
    # Both or neither: the other page is not published behind the refusal.
    assert not CaseFilePage.objects.get(pk=other.pk).live


def test_approving_in_the_workflow_does_not_publish_and_leaves_the_review_open(site_pages):
    editor = role_user(COMMUNITY_EDITORS, "editrice")
    reviewer = role_user(REVIEWERS, "reviseur")
    page = CaseFilePageFactory()
    live_revision_id = page.live_revision_id
    testimony = TestimonyFactory(casefiles=[page], text="Témoignage fictif Sombrelac.")
    data = edit_form_data(page, [testimony], "action-submit")
    assert (
        client_for(editor).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code == 302
    )
    page = CaseFilePage.objects.get(pk=page.pk)
    task_state = page.current_workflow_state.current_task_state
    # The person takes back their consent to the web while the case file awaits review.
    testimony.consent_web = False
    testimony.save()

    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client_for(reviewer).post(url, {"comment": ""})

    assert response.status_code < 500
    assert_still_as_published(page, live_revision_id)
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    with pytest.raises(PublicationRefused):
        task_state.specific.task.specific.on_action(task_state.specific, reviewer, "approve")


def schedule(revision, minutes_ago):
    """What an approved go-live date leaves for ``publish_scheduled``."""
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )


def test_publish_scheduled_refuses_that_page_logs_it_and_publishes_the_others(site_pages, caplog):
    refused = CaseFilePageFactory(live=False)
    refused, testimony = without_web_consent(refused)
    schedule(refused.latest_revision, minutes_ago=10)
    fine = CaseFilePageFactory(live=False)
    fine_revision = CaseFilePage.objects.get(pk=fine.pk).save_revision()
    schedule(fine_revision, minutes_ago=5)

    with caplog.at_level(logging.ERROR):
        call_command("publish_scheduled")

    assert not CaseFilePage.objects.get(pk=refused.pk).live
    assert CaseFilePage.objects.get(pk=fine.pk).live_revision_id == fine_revision.pk
    assert reference(testimony) in caplog.text
    # Not tried again at every run: the schedule is taken off and the refusal is in the page's history.
    assert not Revision.objects.filter(pk=refused.latest_revision.pk).exclude(approved_go_live_at=None)
    call_command("publish_scheduled")
    assert not CaseFilePage.objects.get(pk=refused.pk).live


def test_a_script_setting_live_and_saving_is_refused(site_pages):
    page = CaseFilePageFactory(live=False)
    testimony = TestimonyFactory(casefiles=[page], consent_web=False)
    page = CaseFilePage.objects.get(pk=page.pk)
    page.testimony_links.add(CaseFileTestimony(testimony=testimony))
    page.save()  # a draft: its links are stored, nothing is public

    page.live = True
    with pytest.raises(PublicationRefused) as refused:
        page.save()

    assert reference(testimony) in str(refused.value)
    assert not CaseFilePage.objects.get(pk=page.pk).live


def test_a_script_publishing_a_revision_is_refused(site_pages):
    page = CaseFilePageFactory()
    live_revision_id = page.live_revision_id
    page, testimony = without_web_consent(page)

    with pytest.raises(PublicationRefused) as refused:
        page.latest_revision.publish()

    assert reference(testimony) in str(refused.value)
    assert_still_as_published(page, live_revision_id)


def test_every_road_still_publishes_a_testimony_with_complete_consent(site_pages):
    """Control: the guard refuses only what lacks consent."""
    admin = role_user(None, "admin")
    page = CaseFilePageFactory()
    testimony = TestimonyFactory(casefiles=[page], text="Témoignage fictif Clairbois.")
    page = show_testimony(page, testimony, publish=False)

    response = client_for(admin).post(
        f"/admin/api/main/pages/{page.pk}/action/publish/", {}, content_type="application/json"
    )

    assert response.status_code == 200, response.content[:500]
    assert "Clairbois" in Client().get(CaseFilePage.objects.get(pk=page.pk).url).content.decode()
