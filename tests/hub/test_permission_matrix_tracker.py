"""The permission matrix of the public commitment tracker, for the eight roles of the progress
updates' matrix: everyone reads the tracker, its feed and its downloads, and everyone reads the
same thing there. A draft update is nobody's to read on them, its author's and administrators'
sessions included; a published one is everyone's (the feed and the updates' files show it, which
the last test checks so that the rows above mean something)."""

from django.test import TestCase

from tests.hub.test_permission_matrix import OK, ReadersRow, RowChecks, one_test_per_role
from tests.hub.test_permission_matrix_commitment_updates import (
    A_DRAFT,
    A_PUBLISHED,
    ANONYMOUS,
    B_DRAFT,
    ROLES,
    build_world,
)

READERS = {A_DRAFT: (), B_DRAFT: (), A_PUBLISHED: ROLES}
ADDRESSES = {
    "tracker (fr)": "/fr/engagements/",
    "tracker (en)": "/en/commitments/",
    "tracker filtered": "/fr/engagements/?status=in-progress&overdue=no",
    "feed (fr)": "/fr/engagements/flux/",
    "feed (en)": "/en/commitments/feed/",
    "commitments CSV": "/fr/engagements/engagements.csv",
    "commitments JSON": "/en/commitments/commitments.json",
    "updates CSV": "/en/commitments/updates.csv",
    "updates JSON": "/fr/engagements/mises-a-jour.json",
}
MATRIX = [
    ReadersRow(ROLES, READERS, label, lambda w, address=address: address, [OK] * len(ROLES))
    for label, address in ADDRESSES.items()
]


@one_test_per_role(*ROLES)
class TrackerMatrixTests(RowChecks, TestCase):
    matrix = MATRIX

    @classmethod
    def setUpTestData(cls):
        cls.o = build_world()

    def test_the_published_update_is_on_the_feed_and_in_the_updates_files(self):
        self.assertIsNone(self.o.users[ANONYMOUS])
        for label in ("feed (fr)", "feed (en)", "updates CSV", "updates JSON"):
            with self.subTest(label):
                self.assertIn(A_PUBLISHED, self.client.get(ADDRESSES[label]).content.decode())
