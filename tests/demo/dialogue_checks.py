"""The demo's citizen dialogues, as a visitor of a freshly loaded demo meets them: every kind, in
several regions, at venues of every kind with varied accessibility, held and upcoming counted from
the day of the load, with the cases a reader must see (a cancellation with its note, a move online,
a process in three sessions, each way to register), translated for the most part, linked to the
register and the case files, and with what happened after the held ones.

The expectations are the issue's and the brief's (counts, kinds, cases), not the data module's:
only the dates are computed from it, as "today plus the number of days" it states."""

import datetime
import re

from django.utils import timezone

from demo.data.dialogues import DIALOGUES
from dialogues.models import (
    DialogueKind,
    DialoguePage,
    KeroulRating,
    RegistrationMode,
    Session,
    SessionFormat,
    SessionStatus,
    Venue,
    VenueKind,
)
from tests.demo.helpers import assert_fictional_summaries, french


class DemoDialogueChecks:
    """Mixed into ``LoadedDemoTests`` (``test_load_demo.py``), which loads the demo once."""

    @classmethod
    def set_up_dialogues(cls):
        cls.dialogues = list(french(DialoguePage).order_by("public_id"))
        cls.sessions = list(Session.objects.filter(locale__language_code="fr").select_related("venue"))

    def sessions_of(self, page):
        return sorted(page.sessions.all(), key=lambda session: session.starts_at)

    def test_ten_published_dialogues_of_every_kind_in_several_regions(self):
        self.assertGreaterEqual(len(self.dialogues), 10)
        self.assertTrue(all(page.live for page in self.dialogues))
        self.assertEqual({page.kind for page in self.dialogues}, set(DialogueKind.values))
        regions = {key for page in self.dialogues for key in page.region_keys}
        self.assertGreaterEqual(len(regions), 6, regions)
        for page in self.dialogues:
            with self.subTest(dialogue=page.public_id):
                self.assertRegex(page.public_id, r"^DI-\d{4}-\d{4}$")
                self.assertTrue(page.organizers.exists())
                self.assertTrue(page.question and page.can_change)

    def test_venues_of_every_kind_with_varied_accessibility(self):
        venues = list(french(Venue))
        kinds = [venue.kind for venue in venues]
        self.assertGreaterEqual(len(venues), 6)
        self.assertGreaterEqual(kinds.count(VenueKind.LIBRARY), 3)
        for kind in (VenueKind.FAB_LAB, VenueKind.COMMUNITY_CENTRE, VenueKind.MUNICIPAL_HALL):
            self.assertIn(kind, kinds)
        self.assertEqual(
            {venue.keroul_rating for venue in venues}, {KeroulRating.ACCESSIBLE, KeroulRating.PARTIAL, ""}
        )
        feature_sets = {
            tuple(field for field, _name, _label in venue.accessibility_features()) for venue in venues
        }
        self.assertGreaterEqual(len(feature_sets), 4, "the venues' accessibility hardly varies")
        self.assertIn((), feature_sets, "no venue shows what an unconfirmed place looks like")
        self.assertGreaterEqual(len({venue.region_id for venue in venues}), 6)
        for venue in Venue.objects.all():
            with self.subTest(venue=venue.key, language=venue.locale.language_code):
                self.assertRegex(venue.name.lower(), r"fictif|fictive|fictional")
        english = Venue.objects.filter(locale__language_code="en")
        self.assertTrue(english.exists())
        self.assertLess(english.count(), len(venues), "every venue is translated: the rule is not shown")
        for venue in english:
            self.assertEqual(
                venue.key,
                Venue.objects.get(translation_key=venue.translation_key, locale__language_code="fr").key,
            )

    def test_every_venue_hosts_a_session(self):
        used = {session.venue.key for session in self.sessions if session.venue}
        self.assertEqual(used, set(french(Venue).values_list("key", flat=True)))

    def test_session_dates_count_from_the_day_of_the_load(self):
        """Each session falls on the load day plus the days its data states, at its local time, and
        the demo has held sessions and upcoming ones."""
        for spec in DIALOGUES:
            page = french(DialoguePage).get(public_id=spec["id"])
            for session, session_spec in zip(self.sessions_of(page), spec["sessions"], strict=True):
                with self.subTest(dialogue=spec["id"], days=session_spec["days"]):
                    local = timezone.localtime(session.starts_at)
                    self.assertEqual(
                        local.date(), self.loaded_on + datetime.timedelta(days=session_spec["days"])
                    )
                    self.assertEqual(local.strftime("%H:%M"), session_spec["time"])
                    self.assertGreater(session.ends_at, session.starts_at)
        now = timezone.now()
        past = [session for session in self.sessions if session.ends_at < now]
        upcoming = [session for session in self.sessions if session.starts_at > now]
        self.assertGreaterEqual(len(past), 3)
        self.assertGreaterEqual(len(upcoming), 6)
        self.assertTrue(all(session.status == SessionStatus.HELD for session in past))
        self.assertFalse(any(session.status == SessionStatus.HELD for session in upcoming))

    def test_a_cancelled_session_and_a_session_moved_online_say_why(self):
        cancelled = [session for session in self.sessions if session.status == SessionStatus.CANCELLED]
        moved = [session for session in self.sessions if session.status == SessionStatus.MOVED_ONLINE]
        self.assertEqual(len(cancelled), 1)
        self.assertEqual(len(moved), 1)
        for session in (*cancelled, *moved):
            with self.subTest(status=session.status):
                self.assertGreater(len(session.status_note), 20)
                english = session.get_translation_or_none(self.english())
                if english is not None:
                    self.assertNotEqual(english.status_note, session.status_note)
                    self.assertTrue(english.status_note)
        self.assertTrue(moved[0].online_url)
        self.assertTrue(moved[0].is_online)

    def english(self):
        return DialoguePage.objects.filter(locale__language_code="en").first().locale

    def test_a_deliberative_process_meets_three_times(self):
        processes = [page for page in self.dialogues if page.kind == DialogueKind.DELIBERATIVE]
        self.assertTrue(processes)
        sessions = self.sessions_of(processes[0])
        self.assertEqual(len(sessions), 3)
        self.assertEqual(
            len({session.title for session in sessions}), 3, "the sessions have no titles of their own"
        )

    def test_every_way_to_register(self):
        modes = [session.registration for session in self.sessions]
        hub = [session for session in self.sessions if session.registration == RegistrationMode.HUB]
        self.assertGreaterEqual(len({session.dialogue_id for session in hub}), 2)
        self.assertTrue(all(session.capacity for session in hub))
        self.assertIn(RegistrationMode.EXTERNAL, modes)
        self.assertTrue(
            all(
                session.registration_url
                for session in self.sessions
                if session.registration == RegistrationMode.EXTERNAL
            )
        )
        phone_only = [
            session
            for session in self.sessions
            if session.registration_phone
            and session.registration != RegistrationMode.HUB
            and not session.registration_url
        ]
        self.assertTrue(phone_only, "no session registers by phone alone")
        formats = {session.format for session in self.sessions}
        self.assertEqual(formats, set(SessionFormat.values))

    def test_sessions_pass_their_own_rules(self):
        """What the admin checks on save: the demo's sessions stay editable."""
        for session in self.sessions:
            with self.subTest(session=str(session)):
                session.full_clean(exclude=["dialogue"])

    def test_most_dialogues_are_translated_and_some_are_not(self):
        english = DialoguePage.objects.filter(locale__language_code="en")
        self.assertGreater(english.count(), len(self.dialogues) / 2)
        self.assertLess(english.count(), len(self.dialogues))
        for translation in english:
            original = french(DialoguePage).get(translation_key=translation.translation_key)
            with self.subTest(dialogue=original.public_id):
                self.assertTrue(translation.live)
                self.assertEqual(translation.public_id, original.public_id)
                self.assertNotEqual(translation.title, original.title)
                self.assertNotEqual(translation.question, original.question)
                self.assertEqual(
                    [(s.key, s.starts_at) for s in translation.schedule()],
                    [(s.translation_key, s.starts_at) for s in self.sessions_of(original)],
                )

    def test_every_text_says_it_is_fictional_in_plain_short_sentences(self):
        for page in DialoguePage.objects.all():
            with self.subTest(dialogue=page.public_id, language=page.locale.language_code):
                assert_fictional_summaries(self, page)
                self.assertTrue(page.organizers.exists())
                for organization in page.organizers.all():
                    self.assertRegex(organization.name.lower(), r"fictif|fictive|fictional")

    def test_dialogues_link_to_the_register_and_to_case_files(self):
        for page in self.dialogues:
            with self.subTest(dialogue=page.public_id):
                systems = list(page.systems.all())
                casefiles = list(page.casefiles.all())
                self.assertTrue(systems and casefiles)
                self.assertTrue(all(system.live for system in systems))
                self.assertTrue(all(casefile.live for casefile in casefiles))
        self.assertTrue(any(page.briefs.exists() for page in self.dialogues))
        self.assertTrue(any(page.agreements.exists() for page in self.dialogues))

    def test_held_dialogues_tell_what_happened_with_materials(self):
        now = timezone.now()
        held = [page for page in self.dialogues if all(s.ends_at < now for s in page.sessions.all())]
        self.assertGreaterEqual(len(held), 3)
        documents = 0
        for page in held:
            with self.subTest(dialogue=page.public_id):
                self.assertGreater(page.attendance, 0)
                self.assertTrue(page.organizations_present.exists())
                self.assertGreater(len(page.account), 50)
                self.assertTrue(list(page.materials))
                page.materials.stream_block.clean(page.materials)
            for block in page.materials:
                if block.block_type == "document":
                    documents += 1
                    with block.value["document"].file.open("rb") as pdf:
                        self.assertEqual(pdf.read(5), b"%PDF-")
                    self.assertIn("démo", block.value["title"])
        self.assertGreaterEqual(documents, 2)
        upcoming = [page for page in self.dialogues if page not in held]
        self.assertFalse(any(page.attendance or page.account for page in upcoming))

    def test_every_dialogue_answers_in_both_languages(self):
        """Translated or not: an untranslated dialogue is served in French at its English address."""
        for page in self.dialogues:
            for language in ("fr", "en"):
                version = page.get_translation_or_none(self.english()) if language == "en" else page
                if version is None:
                    index = page.get_parent().specific.get_translation(self.english())
                    url, lang = index.item_url(page), "fr"
                else:
                    url, lang = version.url, language
                with self.subTest(dialogue=page.public_id, language=language):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    html = response.content.decode()
                    self.assertIn(page.public_id, html)
                    self.assertTrue(re.search(rf'lang="{lang}"', html))
