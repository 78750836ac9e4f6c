"""Who edits commitments: whoever edits their agreement, on its own form, and nobody else. The
municipal partner of a party adds, changes and removes the commitments of that agreement; on any
other agreement, as for community editors and reviewers, the form changes nothing. Commitments
have no admin views of their own, so no other road reaches them.

The expectations come from the roles as the README states them (tests/hub/test_permission_matrix.py),
each refusal beside an allowed control that shows the same request would have worked."""

from django.test import TestCase
from django.urls import get_resolver, reverse
from wagtail.snippets.models import get_snippet_models

from advocacy.models import CollaborationAgreementPage
from followup.models import Commitment
from tests.hub.test_permission_matrix import DENIED, agreement_form, build_objects, outcome


def new_commitment(owner, text, **fields):
    return {"text": text, "owner": str(owner.pk), "owner_role": "", "due_date": "", **fields}


class CommitmentEditingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.o = build_objects()
        cls.kept = Commitment.objects.create(
            page=cls.o.agreement_a, text="Engagement de A.", owner=cls.o.organization_a
        )

    def post(self, user, page, title, commitments):
        self.client.force_login(user)
        parties = [party.organization for party in page.parties.all()]
        data = agreement_form(page, title, *parties, commitments=commitments)
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    def live(self, page):
        return CollaborationAgreementPage.objects.get(pk=page.pk)

    def test_only_a_party_and_administrators_add_commitments_to_an_agreement(self):
        o = self.o
        for user, agreement, allowed in (
            (o.editor, o.agreement_a, False),
            (o.reviewer, o.agreement_a, False),
            (o.partner, o.agreement_b, False),  # partner A on B's agreement
            (o.partner, o.agreement_a, True),
            (o.admin, o.agreement_b, True),
        ):
            text = f"Engagement ajouté par {user.username}."
            with self.subTest(user=user.username, agreement=agreement.title):
                page = self.live(agreement)
                kept = [new_commitment(row.owner, row.text, id=str(row.pk)) for row in page.commitments.all()]
                response = self.post(user, page, agreement.title, [*kept, new_commitment(o.community, text)])
                added = self.live(agreement).commitments.filter(text=text).exists()
                if allowed:
                    self.assertEqual(response.status_code, 302, response.content[:2000])
                    self.assertTrue(added)
                else:
                    self.assertEqual(outcome(response), DENIED)
                    self.assertFalse(added)
                    self.assertFalse(self.live(agreement).latest_revision.content.get("commitments"))

    def test_a_party_changes_and_removes_its_agreements_commitments_and_others_cannot(self):
        o = self.o
        changed = new_commitment(o.organization_a, "Engagement de A, modifié.", id=str(self.kept.pk))
        for user in (o.editor, o.reviewer):
            with self.subTest(user=user.username):
                self.assertEqual(outcome(self.post(user, o.agreement_a, "Entente A", [changed])), DENIED)
                self.assertEqual(Commitment.objects.get(pk=self.kept.pk).text, "Engagement de A.")

        self.assertEqual(self.post(o.partner, o.agreement_a, "Entente A", [changed]).status_code, 302)
        self.assertEqual(Commitment.objects.get(pk=self.kept.pk).text, "Engagement de A, modifié.")
        removed = {**changed, "DELETE": "1"}
        self.assertEqual(self.post(o.partner, o.agreement_a, "Entente A", [removed]).status_code, 302)
        self.assertFalse(Commitment.objects.filter(pk=self.kept.pk).exists())

    def test_commitments_have_no_admin_views_of_their_own(self):
        self.assertNotIn(Commitment, get_snippet_models())
        names = [name for name in get_resolver().reverse_dict if isinstance(name, str)]
        # The public tracker's addresses (``followup.urls``) are read-only and nobody's to edit; the
        # CSV page (``followup.interchange_views``) writes through the item's revisions, for those
        # who may edit the item (tests/followup/test_commitments_csv_admin.py).
        admin_names = [
            name for name in names if not name.startswith(("commitment-tracker", "commitments_csv"))
        ]
        self.assertEqual([name for name in admin_names if "commitment" in name.lower()], [])
