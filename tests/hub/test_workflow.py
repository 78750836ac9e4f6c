"""Roles and the "Community review" workflow: who may do what, a second person approves, the
author hears back in the admin, and the public history shows dates and notes, nothing else."""

import re
from datetime import UTC, date, datetime, timedelta, timezone

from django.contrib.auth.models import Group
from django.core import mail
from django.test import SimpleTestCase, TestCase
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, TaskState, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from advocacy.models import CollaborationAgreementPage
from hub.items import ItemType, registered
from hub.models import Region, Service
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, PUBLIC_BODIES, REVIEWERS, WORKFLOW_NAME, roles
from hub.templatetags.hub_tags import html_datetime
from impacts.models import CaseFilePage
from tests.factories import (
    AdvocacyBriefPageFactory,
    AgreementPartyFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    SystemPageFactory,
    role_user,
    site_skeleton,
    terms,
)

CASEFILE_INDEX = "impacts.CaseFileIndexPage"
AGREEMENT_INDEX = "advocacy.CollaborationAgreementIndexPage"

# The HTML standard's "valid global date and time string" (a date, "T" or a space, a time whose
# seconds carry at most three fraction digits, then "Z" or a +hh:mm / -hhmm offset): what a
# <time datetime> holding a moment must be.
GLOBAL_DATE_AND_TIME = re.compile(
    r"[0-9]{4,}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,3})?)?(Z|[+-][0-9]{2}:?[0-9]{2})"
)


def casefile_form(page, **overrides):
    """The edit form of ``page`` as an editor submits it (required fields and empty inlines)."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "plain_summary": page.plain_summary,
        "status": page.status,
        "automation": page.automation,
        "body": streamfield([]),
        "comments": inline_formset([]),
        "testimony_links": inline_formset([]),
        "change_note": "",
    }
    fields.update(overrides)
    data = nested_form_data(fields)
    language = page.locale.language_code
    data["services"] = [term.pk for term in terms(Service, page.service_keys, language)]
    data["regions"] = [term.pk for term in terms(Region, page.region_keys, language)]
    return data


class RoleTests(TestCase):
    """What each group may do, read through Wagtail's own permission checks."""

    @classmethod
    def setUpTestData(cls):
        cls.pages = site_skeleton()
        cls.town_a = OrganizationFactory(name="Ville fictive A")
        cls.town_b = OrganizationFactory(name="Ville fictive B")
        cls.casefile = CaseFilePageFactory()
        cls.brief = AdvocacyBriefPageFactory()
        cls.agreement_a = AgreementPartyFactory(organization=cls.town_a).agreement
        cls.agreement_b = AgreementPartyFactory(organization=cls.town_b).agreement
        cls.editor = role_user(COMMUNITY_EDITORS, "editor")
        cls.reviewer = role_user(REVIEWERS, "reviewer")
        cls.partner = role_user(MUNICIPAL_PARTNERS, "partner", organization=cls.town_a)
        cls.public_body = role_user(PUBLIC_BODIES, "public-body", organization=cls.town_b)
        cls.admin = role_user(None, "admin")
        # A register entry of the partner's organization: still the community's record.
        cls.system = SystemPageFactory(organization=cls.town_a)

    def test_the_migration_created_exactly_these_groups(self):
        names = set(Group.objects.values_list("name", flat=True))
        self.assertLessEqual({COMMUNITY_EDITORS, REVIEWERS, MUNICIPAL_PARTNERS, PUBLIC_BODIES}, names)
        self.assertEqual(
            (COMMUNITY_EDITORS, REVIEWERS, MUNICIPAL_PARTNERS, PUBLIC_BODIES),
            ("Community editors", "Reviewers", "Municipal partners", "Public bodies"),
        )

    def can(self, user, page, action):
        tester = Page.objects.get(pk=page.pk).specific.permissions_for_user(user)
        return getattr(tester, f"can_{action}")()

    def test_page_permissions_by_role(self):
        index = self.pages["fr"][CASEFILE_INDEX]
        agreement_index = self.pages["fr"][AGREEMENT_INDEX]
        register_index = self.pages["fr"]["registry.SystemIndexPage"]
        expected = {
            # user: {(page, action): allowed}
            self.editor: {
                (index, "add_subpage"): True,
                (self.casefile, "edit"): True,
                (self.brief, "edit"): True,
                (self.casefile, "publish"): False,
                (self.casefile, "unpublish"): False,
                (self.agreement_a, "edit"): False,
                (agreement_index, "add_subpage"): False,
                (register_index, "add_subpage"): True,
                (self.system, "edit"): True,
                (self.system, "publish"): False,
            },
            self.reviewer: {
                (self.casefile, "edit"): True,
                (self.casefile, "publish"): True,
                (self.brief, "publish"): True,
                (self.system, "publish"): True,
                (self.system, "unpublish"): True,
                (self.agreement_a, "edit"): False,
                (self.agreement_b, "publish"): False,
            },
            self.partner: {
                (agreement_index, "add_subpage"): True,
                (self.agreement_a, "edit"): True,
                (self.agreement_a, "publish"): True,
                (self.agreement_b, "edit"): False,
                (self.agreement_b, "publish"): False,
                (self.agreement_b, "delete"): False,
                (self.casefile, "edit"): False,
                (self.brief, "edit"): False,
                (index, "add_subpage"): False,
                (self.system, "edit"): False,
                (register_index, "add_subpage"): False,
            },
            self.public_body: {
                (self.system, "edit"): False,
                (self.system, "publish"): False,
                (register_index, "add_subpage"): False,
                (self.agreement_b, "edit"): False,
                (agreement_index, "add_subpage"): False,
                (index, "add_subpage"): False,
            },
            self.admin: {
                (self.casefile, "publish"): True,
                (self.agreement_b, "edit"): True,
            },
        }
        for user, cells in expected.items():
            for (page, action), allowed in cells.items():
                with self.subTest(user=user.username, page=page.title, action=action):
                    self.assertEqual(self.can(user, page, action), allowed)

    def test_model_permissions_by_role(self):
        expected = {
            "hub.change_risk": {self.editor: False, self.reviewer: True, self.partner: False},
            "hub.add_service": {self.editor: False, self.reviewer: True, self.partner: False},
            "hub.add_organization": {self.editor: True, self.reviewer: True, self.partner: False},
            "impacts.change_testimony": {self.editor: True, self.reviewer: True, self.partner: False},
            "impacts.withdraw_testimony": {self.editor: True, self.reviewer: True, self.partner: False},
            # Declared records: an organization's own (narrowed per instance: tests/registry).
            "registry.add_declaredrecord": {self.editor: False, self.reviewer: True, self.partner: True},
            "registry.publish_declaredrecord": {self.editor: False, self.reviewer: True, self.partner: True},
            "registry.delete_declaredrecord": {self.editor: False, self.reviewer: False, self.partner: False},
            "registry.change_systempage": {self.editor: False, self.reviewer: False, self.partner: False},
            "auth.change_user": {self.editor: False, self.reviewer: False, self.partner: False},
            "auth.add_group": {self.editor: False, self.reviewer: False, self.partner: False},
        }
        for permission, users in expected.items():
            for user, allowed in users.items():
                with self.subTest(permission=permission, user=user.username):
                    self.assertEqual(user.has_perm(permission), allowed)

    def test_partner_sees_only_their_organizations_agreements_in_the_explorer(self):
        self.client.force_login(self.partner)
        response = self.client.get(
            reverse("wagtailadmin_explore", args=[self.pages["fr"][AGREEMENT_INDEX].pk])
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.agreement_a.title)
        self.assertNotContains(response, self.agreement_b.title)

    def test_partner_must_name_their_organization_as_a_party(self):
        self.client.force_login(self.partner)
        index = self.pages["fr"][AGREEMENT_INDEX]
        url = reverse("wagtailadmin_pages:add", args=["advocacy", "collaborationagreementpage", index.pk])

        def form(*organizations):
            data = nested_form_data(
                {
                    "title": "Entente fictive d'un partenaire",
                    "slug": "entente-fictive-partenaire",
                    "summary": "Entente fictive.",
                    "plain_summary": "Une entente fictive.",
                    "scope": "Portée fictive.",
                    "citizen_role": "Comité fictif.",
                    "status": CollaborationAgreementPage.Status.NEGOTIATING,
                    "commitments": inline_formset([]),
                    "comments": inline_formset([]),
                    "signatories": inline_formset([]),
                    "parties": inline_formset(
                        [{"organization": str(org.pk), "role": "municipality"} for org in organizations]
                    ),
                    "change_note": "",
                }
            )
            data["services"] = [terms(Service, ["habitation"])[0].pk]
            data["regions"] = [terms(Region, ["laval"])[0].pk]
            return data

        other = OrganizationFactory(name="Organisme fictif C")
        response = self.client.post(url, form(self.town_b, other))
        self.assertEqual(response.status_code, 200)
        # The admin speaks French by default.
        self.assertIn("Votre organisation doit être l", str(response.context["form"].non_field_errors()))
        self.assertFalse(
            CollaborationAgreementPage.objects.filter(slug="entente-fictive-partenaire").exists()
        )

        response = self.client.post(url, form(self.town_a, other))
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        created = CollaborationAgreementPage.objects.get(slug="entente-fictive-partenaire")
        self.assertTrue(self.can(self.partner, created, "edit"))


class RolesFollowTheRegistryTests(SimpleTestCase):
    """A new item type gets its section in the roles from its declaration alone (a type the hub
    does not have, declared for the test)."""

    def declare(self, publication):
        return registered(
            ItemType(
                key="petition",
                prefix="PE",
                page_model="petitions.PetitionPage",
                index_model="petitions.PetitionIndexPage",
                section="petitions",
                label="Petition",
                label_plural="Petitions",
                index_titles={"fr": "Pétitions", "en": "Petitions"},
                index_slugs={"fr": "petitions", "en": "petitions"},
                publication=publication,
                editor_permissions=("petitions.add_signature",),
            )
        )

    def test_a_reviewed_type_is_written_by_editors_and_published_by_reviewers(self):
        with self.declare("review"):
            spec = roles()
        section = ("petitions", "petitionindexpage")
        self.assertEqual(spec[COMMUNITY_EDITORS]["pages"][section], ["add_page", "change_page"])
        self.assertEqual(spec[REVIEWERS]["pages"][section], ["add_page", "change_page", "publish_page"])
        self.assertNotIn(section, spec[MUNICIPAL_PARTNERS]["pages"])
        for group in (COMMUNITY_EDITORS, REVIEWERS):
            self.assertIn("petitions.add_signature", spec[group]["permissions"])
        self.assertNotIn("petitions.add_signature", spec[MUNICIPAL_PARTNERS]["permissions"])

    def test_a_partners_type_is_written_and_published_by_municipal_partners(self):
        with self.declare("partners"):
            spec = roles()
        section = ("petitions", "petitionindexpage")
        self.assertEqual(
            spec[MUNICIPAL_PARTNERS]["pages"][section], ["add_page", "change_page", "publish_page"]
        )
        self.assertIn("petitions.add_signature", spec[MUNICIPAL_PARTNERS]["permissions"])
        for group in (COMMUNITY_EDITORS, REVIEWERS):
            self.assertNotIn(section, spec[group]["pages"])
            self.assertNotIn("petitions.add_signature", spec[group]["permissions"])


class ReviewWorkflowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = site_skeleton()
        cls.editor = role_user(COMMUNITY_EDITORS, "editor", email="editor@example.org")
        cls.reviewer = role_user(REVIEWERS, "reviewer")
        cls.second_reviewer = role_user(REVIEWERS, "second-reviewer")

    def setUp(self):
        self.page = CaseFilePageFactory(live=False, title="Dossier fictif soumis", owner=self.editor)

    def submit(self, user, page=None, **fields):
        page = page or self.page
        self.client.force_login(user)
        data = casefile_form(page, **fields)
        data["action-submit"] = "action-submit"
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    def act(self, user, action, **data):
        state = WorkflowState.objects.get(
            object_id=str(self.page.pk), status=WorkflowState.STATUS_IN_PROGRESS
        )
        self.client.force_login(user)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[self.page.pk, action, state.current_task_state.pk]
        )
        return self.client.post(url, data)

    def test_the_workflow_covers_case_files_briefs_and_register_entries_not_agreements(self):
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        self.assertEqual(self.page.get_workflow(), workflow)
        self.assertEqual(AdvocacyBriefPageFactory(live=False).get_workflow(), workflow)
        self.assertEqual(SystemPageFactory(live=False).get_workflow(), workflow)
        self.assertIsNone(CollaborationAgreementPageFactory(live=False).get_workflow())

    def test_editor_submits_and_another_reviewer_approves_which_publishes(self):
        response = self.submit(self.editor, change_note="Première version")
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertFalse(self.page.live)
        self.assertTrue(self.page.workflow_in_progress)

        response = self.act(self.reviewer, "approve", comment="")
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertTrue(self.page.live)
        approved = TaskState.objects.get(workflow_state__object_id=str(self.page.pk))
        self.assertEqual((approved.status, approved.finished_by), (TaskState.STATUS_APPROVED, self.reviewer))

    def test_editor_cannot_publish_directly(self):
        self.client.force_login(self.editor)
        data = casefile_form(self.page)
        data["action-publish"] = "action-publish"
        self.client.post(reverse("wagtailadmin_pages:edit", args=[self.page.pk]), data)
        self.page.refresh_from_db()
        self.assertFalse(self.page.live)

    def test_a_reviewer_cannot_approve_their_own_submission(self):
        page = CaseFilePageFactory(live=False, owner=self.reviewer)
        self.submit(self.reviewer, page=page)
        self.page = page
        response = self.act(self.reviewer, "approve", comment="")
        # Wagtail's admin answers a refused action with a redirect to the dashboard and a message.
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.act(self.second_reviewer, "approve", comment="")
        page.refresh_from_db()
        self.assertTrue(page.live)

    def test_requesting_changes_needs_a_comment_and_the_author_sees_it_in_the_admin(self):
        self.submit(self.editor)
        mail.outbox.clear()
        response = self.act(self.reviewer, "reject", comment="")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(self.page.workflow_in_progress)
        self.assertEqual(
            WorkflowState.objects.get(object_id=str(self.page.pk)).status, WorkflowState.STATUS_IN_PROGRESS
        )

        response = self.act(self.reviewer, "reject", comment="Ajoutez la source du rapport fictif.")
        self.assertEqual(response.status_code, 302)
        state = WorkflowState.objects.get(object_id=str(self.page.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)

        self.client.force_login(self.editor)
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "Ajoutez la source du rapport fictif.")
        self.assertContains(dashboard, self.page.title)
        self.assertIn("editor@example.org", [address for message in mail.outbox for address in message.to])

        other = role_user(COMMUNITY_EDITORS, "other-editor")
        self.client.force_login(other)
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), "Ajoutez la source")

    def test_moderation_history_is_kept(self):
        self.submit(self.editor)
        self.act(self.reviewer, "reject", comment="Précisez la région.")
        self.submit(self.editor)
        self.act(self.reviewer, "approve", comment="")
        statuses = list(
            TaskState.objects.filter(workflow_state__object_id=str(self.page.pk))
            .order_by("started_at", "pk")
            .values_list("status", flat=True)
        )
        self.assertEqual(statuses, [TaskState.STATUS_REJECTED, TaskState.STATUS_APPROVED])
        self.client.force_login(self.reviewer)
        history = self.client.get(reverse("wagtailadmin_pages:workflow_history", args=[self.page.pk]))
        self.assertEqual(history.status_code, 200)


class PublicHistoryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = site_skeleton()
        cls.editor = role_user(COMMUNITY_EDITORS, "editor")
        cls.reviewer = role_user(REVIEWERS, "reviewer")

    def publish(self, page, note):
        """An editor writes the version, a reviewer publishes it (a second person publishes)."""
        page = CaseFilePage.objects.get(pk=page.pk)
        page.change_note = note
        page.save_revision(user=self.editor).publish(user=self.reviewer)

    def test_dates_and_public_notes_only(self):
        page = CaseFilePageFactory(live=False)
        self.publish(page, "Première publication fictive")
        self.publish(page, "Réponse du ministère ajoutée")
        self.publish(page, "Réponse du ministère ajoutée")
        draft = CaseFilePage.objects.get(pk=page.pk)
        draft.change_note = "NOTE-DE-BROUILLON"
        draft.save_revision(user=self.reviewer)
        WorkflowState.objects.create(
            base_content_type=page.get_base_content_type(),
            content_type=page.get_content_type(),
            object_id=str(page.pk),
            workflow=Workflow.objects.get(name=WORKFLOW_NAME),
            requested_by=self.reviewer,
            status=WorkflowState.STATUS_CANCELLED,
        )

        history = CaseFilePage.objects.get(pk=page.pk).public_history()
        # The third publication brought no new note on the same day: it adds no line.
        self.assertEqual(
            [note for _published_at, note in history],
            ["Réponse du ministère ajoutée", "Première publication fictive"],
        )
        response = self.client.get(CaseFilePage.objects.get(pk=page.pk).url)
        self.assertContains(response, "Réponse du ministère ajoutée", count=1)
        self.assertContains(response, "Première publication fictive")
        self.assertNotContains(response, "NOTE-DE-BROUILLON")
        html = response.content.decode()
        self.assertEqual(html.count("<time datetime=", html.index('id="history-heading"')), 2)

    def test_history_dates_are_valid_html_datetimes(self):
        """A publication logged with microseconds (as ``timezone.now()`` gives them) is written
        as a moment HTML accepts, the same moment to the millisecond."""
        page = CaseFilePageFactory(live=False)
        self.publish(page, "Première publication fictive")
        published_at = datetime(2026, 3, 14, 19, 9, 26, 535897, tzinfo=UTC)
        PageLogEntry.objects.filter(page=page, action="wagtail.publish").update(timestamp=published_at)

        html = self.client.get(CaseFilePage.objects.get(pk=page.pk).url).content.decode()
        history = html[html.index('id="history-heading"') :]
        written = re.findall(r'<time datetime="([^"]*)"', history)
        self.assertEqual(len(written), 1)
        self.assertRegex(written[0], f"^{GLOBAL_DATE_AND_TIME.pattern}$")
        self.assertEqual(datetime.fromisoformat(written[0]), published_at.replace(microsecond=535000))


class HtmlDatetimeTests(SimpleTestCase):
    """Every ``<time datetime>`` goes through ``html_datetime``: days stay days, moments keep
    their offset and at most three fraction digits."""

    def test_a_day_is_written_as_a_date(self):
        self.assertEqual(html_datetime(date(2026, 3, 14)), "2026-03-14")

    def test_a_moment_is_written_to_the_second_or_the_millisecond_with_its_offset(self):
        eastern = timezone(timedelta(hours=-4))
        self.assertEqual(
            html_datetime(datetime(2026, 3, 14, 15, 9, 26, tzinfo=eastern)), "2026-03-14T15:09:26-04:00"
        )
        written = html_datetime(datetime(2026, 3, 14, 15, 9, 26, 999999, tzinfo=UTC))
        self.assertEqual(written, "2026-03-14T15:09:26.999+00:00")
        self.assertRegex(written, f"^{GLOBAL_DATE_AND_TIME.pattern}$")

    def test_anything_else_gives_nothing(self):
        self.assertEqual(html_datetime(""), "")
        self.assertEqual(html_datetime(None), "")
