"""A second person publishes: in the reviewed sections (case files and briefs), nobody but an
administrator publishes a version they submitted for review, nor, outside review, a version
they wrote themselves; reviewers keep unpublishing; publications without a user (schedule,
imports, scripts) are the system's. Each road an attacker used is tried by the submitter, with
controls showing that the same road works for the person the rule allows."""

import datetime

from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, TaskState, WorkflowState

from hub.roles import COMMUNITY_EDITORS, REVIEWERS
from impacts.models import CaseFilePage
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    role_user,
    site_skeleton,
    translate_page,
)
from tests.hub.test_workflow import casefile_form


def api_action(page, name):
    return f"/admin/api/main/pages/{page.pk}/action/{name}/"


def bulk_action(page, name):
    return f"/admin/bulk/wagtailcore/page/{name}/?id={page.pk}"


def edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class SelfPublicationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_skeleton()
        cls.editor = role_user(COMMUNITY_EDITORS, "editrice")
        cls.submitter = role_user(REVIEWERS, "reviseuse-autrice")
        cls.other_reviewer = role_user(REVIEWERS, "second-reviseur")
        cls.admin = role_user(None, "administratrice")

    def reload(self, page):
        return CaseFilePage.objects.get(pk=page.pk)

    def post(self, user, url, data=None, **extra):
        self.client.force_login(user)
        return self.client.post(url, data or {}, **extra)

    def submitted_by(self, user, **fields):
        """A draft case file that ``user`` wrote and submitted for review through the edit form."""
        page = CaseFilePageFactory(live=False, owner=user, **fields)
        data = casefile_form(page, title=f"{page.title} soumis")
        data["action-submit"] = "action-submit"
        response = self.post(user, edit(page), data)
        self.assertEqual(response.status_code, 302)
        page = self.reload(page)
        self.assertTrue(page.workflow_in_progress)
        self.assertEqual(page.latest_revision.user, user)
        return page

    def written_by(self, user, page=None):
        """A draft that ``user`` saved (not submitted): its latest revision is theirs."""
        page = page or CaseFilePageFactory(live=False)
        revision = self.reload(page).save_revision(user=user)
        self.assertIsNone(self.reload(page).current_workflow_state)
        return self.reload(page), revision

    def assert_not_published(self, page, still_in_review=True):
        page = self.reload(page)
        self.assertFalse(page.live)
        self.assertIsNone(page.live_revision_id)
        self.assertFalse(
            Revision.page_revisions.filter(object_id=str(page.pk)).exclude(approved_go_live_at=None)
        )
        if still_in_review:
            self.assertTrue(page.workflow_in_progress)

    # --- The submitter, on every road -------------------------------------------------------

    def test_the_submitter_pressing_publish_in_the_edit_form_does_not_publish(self):
        page = self.submitted_by(self.submitter)
        data = casefile_form(page, title="Publié par son autrice")
        data["action-publish"] = "action-publish"

        self.post(self.submitter, edit(page), data)

        self.assert_not_published(page)

    def test_the_submitter_scheduling_a_go_live_date_does_not_schedule_it(self):
        page = self.submitted_by(self.submitter)
        go_live = (timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
        data = casefile_form(page, go_live_at=go_live)
        data["action-publish"] = "action-publish"

        self.post(self.submitter, edit(page), data)

        self.assert_not_published(page)
        call_command("publish_scheduled")  # nothing scheduled, so nothing goes live later either
        self.assert_not_published(page)

    def test_the_submitter_calling_the_admin_api_publish_action_is_refused(self):
        page = self.submitted_by(self.submitter)

        response = self.post(self.submitter, api_action(page, "publish"), content_type="application/json")

        self.assertEqual(response.status_code, 403)
        self.assert_not_published(page)

    def test_the_submitter_using_the_bulk_publish_action_does_not_publish(self):
        page = self.submitted_by(self.submitter)

        self.post(self.submitter, bulk_action(page, "publish"))

        self.assert_not_published(page)

    def test_the_submitter_approving_through_the_workflow_task_is_refused(self):
        """The view hides "approve" from the submitter; the task itself must refuse it too."""
        page = self.submitted_by(self.submitter)
        task_state = page.current_workflow_state.current_task_state.specific

        with self.assertRaises(PermissionDenied):
            task_state.task.specific.on_action(task_state, self.submitter, "approve")

        self.assert_not_published(page)
        self.assertEqual(TaskState.objects.get(pk=task_state.pk).status, TaskState.STATUS_IN_PROGRESS)

    def test_a_crafted_approve_post_by_the_submitter_is_refused(self):
        page = self.submitted_by(self.submitter)
        task_state = page.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])

        self.post(self.submitter, url, {"comment": ""})
        self.post(
            self.submitter,
            edit(page),
            {**casefile_form(page), "action-workflow-action": "1", "workflow-action-name": "approve"},
        )

        self.assert_not_published(page)

    def test_a_script_publishing_with_the_submitter_as_user_is_refused(self):
        page = self.submitted_by(self.submitter)

        with self.assertRaises(PermissionDenied):
            page.latest_revision.publish(user=self.submitter)

        self.assert_not_published(page)

    def test_the_submitter_is_offered_no_publish_button(self):
        page = self.submitted_by(self.submitter)

        self.client.force_login(self.submitter)
        self.assertNotContains(self.client.get(edit(page)), 'name="action-publish"')
        # Control: the other reviewer has the button, and an administrator.
        for user in (self.other_reviewer, self.admin):
            self.client.force_login(user)
            self.assertContains(self.client.get(edit(page)), 'name="action-publish"')

    def test_publishing_from_the_form_what_one_writes_is_refused_with_a_reason(self):
        """Outside review, a reviewer may publish an editor's saved draft (admin API, bulk
        action), but the edit form publishes the version the reviewer writes in it."""
        page, _revision = self.written_by(self.editor)
        data = casefile_form(page, title="Réécrit et publié")
        data["action-publish"] = "action-publish"
        self.client.force_login(self.submitter)
        self.assertNotContains(self.client.get(edit(page)), 'name="action-publish"')

        response = self.client.post(edit(page), data, HTTP_ACCEPT_LANGUAGE="fr", follow=True)

        shown = " ".join(str(message) for message in response.context["messages"])
        self.assertIn("soumettez-la à la révision", shown)
        self.assert_not_published(page, still_in_review=False)
        self.assertEqual(self.reload(page).latest_revision.as_object().title, "Réécrit et publié")

    def test_a_reviewer_creating_a_case_file_does_not_publish_it_at_once(self):
        index = site_skeleton()["fr"]["impacts.CaseFileIndexPage"]
        data = casefile_form(CaseFilePageFactory(live=False), title="Créé et publié", slug="cree-publie")
        data["action-publish"] = "action-publish"
        url = reverse("wagtailadmin_pages:add", args=["impacts", "casefilepage", index.pk])
        self.client.force_login(self.submitter)
        self.assertNotContains(self.client.get(url), 'name="action-publish"')

        self.post(self.submitter, url, data)

        page = CaseFilePage.objects.get(slug="cree-publie")
        self.assertFalse(page.live)
        self.assertEqual(page.latest_revision.user, self.submitter)

    # --- A reviewer's own draft, outside review ---------------------------------------------

    def test_a_reviewer_does_not_publish_their_own_draft_on_any_road(self):
        page, revision = self.written_by(self.submitter)
        data = casefile_form(page, title="Brouillon publié par son auteur")
        data["action-publish"] = "action-publish"
        roads = {
            "edit form": lambda: self.post(self.submitter, edit(page), data),
            "admin API": lambda: self.post(
                self.submitter, api_action(page, "publish"), content_type="application/json"
            ),
            "bulk action": lambda: self.post(self.submitter, bulk_action(page, "publish")),
        }
        for road, attempt in roads.items():
            with self.subTest(road=road):
                attempt()
                self.assert_not_published(page, still_in_review=False)
        with self.assertRaises(PermissionDenied):
            revision.publish(user=self.submitter)
        self.assert_not_published(page, still_in_review=False)

    def test_the_rule_covers_briefs_and_english_case_files(self):
        brief = AdvocacyBriefPageFactory(live=False)
        english = translate_page(CaseFilePageFactory(), "en", title="Fictional case file", slug="fictional")
        for page in (brief, english):
            with self.subTest(page=page.title):
                revision = type(page).objects.get(pk=page.pk).save_revision(user=self.submitter)
                with self.assertRaises(PermissionDenied):
                    revision.publish(user=self.submitter)
                self.assertNotEqual(type(page).objects.get(pk=page.pk).live_revision_id, revision.pk)

    # --- Controls: the rule lets the second person, administrators and the system publish ---

    def test_another_reviewer_approves_the_submission_which_publishes_it(self):
        page = self.submitted_by(self.submitter)
        task_state = page.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])

        response = self.post(self.other_reviewer, url, {"comment": ""})

        self.assertEqual(response.status_code, 302)
        page = self.reload(page)
        self.assertTrue(page.live)
        self.assertEqual(page.title, page.latest_revision.as_object().title)
        self.assertEqual(
            WorkflowState.objects.get(object_id=str(page.pk)).status, WorkflowState.STATUS_APPROVED
        )

    def test_a_reviewer_approving_an_editors_submission_publishes_it(self):
        page = self.submitted_by(self.editor)
        data = {**casefile_form(page), "action-workflow-action": "1", "workflow-action-name": "approve"}

        response = self.post(self.submitter, edit(page), data)

        self.assertEqual(response.status_code, 302)
        page = self.reload(page)
        self.assertTrue(page.live)
        self.assertFalse(page.workflow_in_progress)

    def test_another_reviewer_publishes_a_draft_written_by_someone_else(self):
        page, _revision = self.written_by(self.editor)

        response = self.post(
            self.other_reviewer, api_action(page, "publish"), content_type="application/json"
        )

        self.assertEqual(response.status_code, 200, response.content[:500])
        self.assertTrue(self.reload(page).live)

    def test_an_administrator_publishes_their_own_page_from_the_edit_form(self):
        page = CaseFilePageFactory(live=False, owner=self.admin)
        data = casefile_form(page, title="Publié par l'administratrice")
        data["action-publish"] = "action-publish"

        response = self.post(self.admin, edit(page), data)

        self.assertEqual(response.status_code, 302)
        page = self.reload(page)
        self.assertTrue(page.live)
        self.assertEqual(page.title, "Publié par l'administratrice")

    def test_the_submitter_still_unpublishes(self):
        page = CaseFilePageFactory(live=True)
        self.written_by(self.submitter, page)

        response = self.post(self.submitter, api_action(page, "unpublish"), content_type="application/json")

        self.assertEqual(response.status_code, 200, response.content[:500])
        self.assertFalse(self.reload(page).live)

    def test_publications_without_a_user_are_the_systems(self):
        page, revision = self.written_by(self.submitter)
        revision.publish()
        self.assertTrue(self.reload(page).live)

        scheduled, revision = self.written_by(self.submitter)
        Revision.objects.filter(pk=revision.pk).update(
            approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
        )
        call_command("publish_scheduled")
        self.assertTrue(self.reload(scheduled).live)
