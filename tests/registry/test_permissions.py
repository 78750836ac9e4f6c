"""Who writes the register's declared records, by the forms themselves: each forbidden POST
changes nothing, while the same request by a role allowed to make it does what it says (so the
refusal is not an artefact of an invalid form). The objects are those of the register's
permission matrix (tests/hub/register_world.py)."""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import Translation

from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, PUBLIC_BODIES, REVIEWERS, apply_roles
from registry.models import DeclaredRecord
from registry.permissions import POLICY
from tests.hub.register_world import (
    ADMIN,
    B_RECORD_DRAFT,
    EDITOR,
    PARTNER_A,
    PARTNER_B,
    PUBLIC_BODY,
    REVIEWER,
    build_world,
)
from tests.hub.test_permission_matrix import DENIED, outcome

URLS = "wagtailsnippets_registry_declaredrecord"


def record_form(system, purpose, publish=True, **fields):
    data = nested_form_data(
        {
            "system": str(system.pk),
            "source_title": "Rapport annuel fictif",
            "source_url": "https://organisme.example.org/rapport",
            "source_date": "2025-03-01",
            "purpose": purpose,
            "lifecycle_status": "in-use",
            "impact_assessments": streamfield([]),
            "risks_mitigations": streamfield([]),
            **fields,
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data


def record_now(record):
    return DeclaredRecord.objects.filter(pk=record.pk).first()


class DeclaredRecordPostTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.w = build_world()

    def post(self, role, url, data=None):
        self.client.force_login(self.w.users[role])
        return self.client.post(url, data or {})

    def assertUnchanged(self, record, revisions):
        now = record_now(record)
        self.assertTrue(now.live)
        self.assertEqual(now.purpose, "Réduire les délais de traitement.")
        self.assertEqual(now.revisions.count(), revisions)

    def test_a_partner_cannot_edit_or_publish_another_organizations_record(self):
        w = self.w
        url = reverse(f"{URLS}:edit", args=[w.record_b.pk])
        revisions = w.record_b.revisions.count()
        for role in (PARTNER_A, PUBLIC_BODY):
            with self.subTest(role=role):
                response = self.post(role, url, record_form(w.system_b, "Finalité réécrite par un autre"))
                self.assertEqual(response.status_code, 404)
                self.assertUnchanged(w.record_b, revisions)

        # Controls: B's partner, and a reviewer transcribing B's document, publish it.
        for role, purpose in ((PARTNER_B, "Finalité publiée par B"), (REVIEWER, "Finalité transcrite")):
            with self.subTest(role=role):
                response = self.post(role, url, record_form(w.system_b, purpose))
                self.assertEqual(response.status_code, 302, response.content[:2000])
                now = record_now(w.record_b)
                self.assertEqual((now.live, now.purpose), (True, purpose))
                self.assertEqual(now.live_revision_id, now.latest_revision_id)

    def test_a_partner_cannot_point_their_record_at_another_organizations_system(self):
        """The attack: partner A edits their own record so that it declares for B's system."""
        w = self.w
        url = reverse(f"{URLS}:edit", args=[w.record_a.pk])
        response = self.post(PARTNER_A, url, record_form(w.system_b2, "Finalité déplacée"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("system", response.context["form"].errors)
        self.assertEqual(record_now(w.record_a).system_id, w.system_a.pk)

        # Control: a reviewer may attach it to any entry without a record in that language.
        response = self.post(REVIEWER, url, record_form(w.system_b2, "Finalité déplacée"))
        self.assertIn("system", response.context["form"].errors)  # B2 already has one (a draft)
        response = self.post(REVIEWER, url, record_form(w.system_a, "Finalité relue"))
        self.assertEqual(response.status_code, 302)

    def test_creating_a_record_only_for_ones_own_organizations_published_systems(self):
        w = self.w
        w.record_m.delete()  # M's system is free again
        url = reverse(f"{URLS}:add") + "?locale=fr"
        for role, system in ((PARTNER_A, w.system_m), (PARTNER_B, w.system_m), (PUBLIC_BODY, w.draft_system)):
            with self.subTest(role=role, system=system.title):
                response = self.post(role, url, record_form(system, "Finalité usurpée"))
                self.assertEqual(response.status_code, 200)
                self.assertIn("system", response.context["form"].errors)
        self.assertFalse(DeclaredRecord.objects.filter(purpose="Finalité usurpée").exists())

        response = self.post(EDITOR, url, record_form(w.system_m, "Finalité d'une éditrice"))
        self.assertEqual(outcome(response), DENIED)
        self.assertFalse(DeclaredRecord.objects.filter(purpose="Finalité d'une éditrice").exists())

        # Control: the ministry declares for its own system, and it is published.
        response = self.post(PUBLIC_BODY, url, record_form(w.system_m, "Finalité déclarée par M"))
        self.assertEqual(response.status_code, 302, response.content[:2000])
        record = DeclaredRecord.objects.get(purpose="Finalité déclarée par M")
        self.assertEqual((record.system_id, record.live), (w.system_m.pk, True))

    def test_the_system_offered_to_a_partner_is_a_list_of_their_published_entries(self):
        self.client.force_login(self.w.users[PARTNER_B])
        form = self.client.get(reverse(f"{URLS}:add") + "?locale=fr").context["form"]
        offered = {page.pk for page in form.fields["system"].queryset}
        self.assertEqual(offered, {self.w.system_b.pk, self.w.system_b2.pk})

    def test_a_reviewers_transcription_names_its_source_document_and_date(self):
        w = self.w
        w.record_m.delete()
        url = reverse(f"{URLS}:add") + "?locale=fr"
        response = self.post(
            REVIEWER, url, record_form(w.system_m, "Sans source", source_title="", source_date="")
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(set(response.context["form"].errors), {"source_title", "source_date"})
        self.assertFalse(DeclaredRecord.objects.filter(purpose="Sans source").exists())

    def test_unpublishing_is_for_the_organization_and_reviewers_deleting_for_administrators(self):
        w = self.w
        unpublish = reverse(f"{URLS}:unpublish", args=[w.record_b.pk])
        for role in (PARTNER_A, PUBLIC_BODY):
            with self.subTest(role=role):
                self.assertEqual(self.post(role, unpublish).status_code, 404)
                self.assertTrue(record_now(w.record_b).live)
        self.assertEqual(outcome(self.post(EDITOR, unpublish)), DENIED)
        self.assertTrue(record_now(w.record_b).live)
        self.post(PARTNER_B, unpublish)
        self.assertFalse(record_now(w.record_b).live)

        delete = reverse(f"{URLS}:delete", args=[w.record_b.pk])
        for role in (PARTNER_B, REVIEWER):
            with self.subTest(role=role):
                self.assertEqual(outcome(self.post(role, delete)), DENIED)
                self.assertIsNotNone(record_now(w.record_b))
        bulk = reverse("wagtail_bulk_action", args=["registry", "declaredrecord", "delete"])
        self.assertEqual(self.post(PARTNER_A, f"{bulk}?id={w.record_b.pk}").status_code, 404)
        self.assertIsNotNone(record_now(w.record_b))
        self.post(ADMIN, delete)
        self.assertIsNone(record_now(w.record_b))

    def test_translating_a_record_is_for_those_who_may_edit_it(self):
        w = self.w
        english = Locale.objects.get(language_code="en")
        url = reverse(
            "wagtail_localize:submit_snippet_translation", args=["registry", "declaredrecord", w.record_b.pk]
        )

        def translated():
            return DeclaredRecord.objects.filter(
                translation_key=w.record_b.translation_key, locale=english
            ).exists()

        for role in (PARTNER_A, PUBLIC_BODY, EDITOR):
            with self.subTest(role=role):
                self.assertEqual(outcome(self.post(role, url, {"locales": [english.pk]})), DENIED)
                self.assertFalse(translated())
        self.post(PARTNER_B, url, {"locales": [english.pk]})
        self.assertTrue(translated())

        # The translation editor's side doors (wagtail-localize checks only the model
        # permission, which every partner holds): B's PO file is not another organization's.
        translation = Translation.objects.get(
            source__object_id=w.record_b.translation_key, target_locale=english
        )
        pofile = reverse("wagtail_localize:download_pofile", args=[translation.pk])
        for role in (PARTNER_A, PUBLIC_BODY):
            with self.subTest(role=role):
                self.client.force_login(w.users[role])
                self.assertEqual(outcome(self.client.get(pofile)), DENIED)
        self.client.force_login(w.users[PARTNER_B])
        self.assertEqual(self.client.get(pofile).status_code, 200)

    def test_history_and_revisions_of_another_organizations_record_do_not_exist(self):
        w = self.w
        draft = w.record_b.revisions.order_by("pk").last()
        for name, args in (
            ("history", [w.record_b.pk]),
            ("revisions_revert", [w.record_b.pk, draft.pk]),
            ("revisions_unschedule", [w.record_b.pk, draft.pk]),
        ):
            with self.subTest(view=name):
                self.client.force_login(w.users[PARTNER_A])
                response = self.client.get(reverse(f"{URLS}:{name}", args=args))
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(B_RECORD_DRAFT, response.content.decode())


class PolicyTests(TestCase):
    """The policy as Wagtail's other callers ask it (notifications, per-action querysets)."""

    @classmethod
    def setUpTestData(cls):
        cls.w = build_world()

    def test_who_may_change_a_record(self):
        w = self.w
        users = set(POLICY.users_with_any_permission_for_instance(["change"], w.record_b))
        self.assertEqual(users, {w.users[REVIEWER], w.users[PARTNER_B], w.users[ADMIN]})

    def test_which_records_a_user_may_publish(self):
        w = self.w
        expected = {
            PARTNER_A: {w.record_a},
            PUBLIC_BODY: {w.record_m},
            EDITOR: set(),
            REVIEWER: {w.record_a, w.record_b, w.record_m, w.unpublished_b},
        }
        for role, records in expected.items():
            with self.subTest(role=role):
                user = w.users[role]
                self.assertEqual(set(POLICY.instances_user_has_permission_for(user, "publish")), records)
                self.assertEqual(set(POLICY.instances_user_has_any_permission_for(user, ["change"])), records)


class RoleTests(TestCase):
    def test_the_groups_hold_the_declared_record_permissions_of_their_road(self):
        apply_roles()

        def codenames(group):
            return set(
                Group.objects.get(name=group)
                .permissions.filter(content_type__app_label="registry")
                .values_list("codename", flat=True)
            )

        writes = {"add_declaredrecord", "change_declaredrecord", "publish_declaredrecord"}
        self.assertEqual(codenames(COMMUNITY_EDITORS), set())
        for group in (REVIEWERS, MUNICIPAL_PARTNERS, PUBLIC_BODIES):
            with self.subTest(group=group):
                self.assertEqual(codenames(group), writes)

    def test_public_bodies_hold_no_page_and_no_media_permission(self):
        apply_roles()
        group = Group.objects.get(name=PUBLIC_BODIES)
        self.assertFalse(GroupPagePermission.objects.filter(group=group).exists())
        self.assertFalse(group.collection_permissions.exists())
        self.assertEqual(
            set(
                group.permissions.exclude(content_type__app_label="registry").values_list(
                    "codename", flat=True
                )
            ),
            {"access_admin", "submit_translation"},
        )
