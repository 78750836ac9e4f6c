"""The demo's citizen dialogues and their venues, for a ``DemoLoader`` (its organizations, items,
documents, accounts and publication).

Venues are recognised by ``key``, dialogues by the translation key derived from their fixed
public id, like every demo item: a second run adds nothing. Session dates count from the day of
the first load (``data/dialogues.py``), so the demo has held sessions and upcoming ones."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from advocacy.models import AdvocacyBriefPage, CollaborationAgreementPage
from dialogues.models import DialoguePage, Session, Venue
from hub.models import Region, Risk, Service

from .data.dialogues import DIALOGUES
from .data.venues import VENUES
from .texts import write_summaries

DIALOGUE_TEXT = ("question", "can_change", "cannot_change", "decided_by", "account")
SESSION_WORDS = ("title", "status_note", "what_to_bring")
SESSION_FACTS = ("format", "status", "online_url", "languages", "registration", "registration_url")
# Published this many days before its first session, as organizers announce them.
ANNOUNCED_DAYS_BEFORE = 21


class DialogueLoader:
    def __init__(self, loader):
        self.loader = loader
        self.today = timezone.localdate()

    def load(self):
        self.load_venues()
        index = self.loader.index_of(DialoguePage)
        for spec in DIALOGUES:
            page = self.loader.existing_item(DialoguePage, spec["id"])
            self.loader.tally("dialogues", page is None)
            announced = self.day(min(session["days"] for session in spec["sessions"]) - ANNOUNCED_DAYS_BEFORE)
            announced = min(announced, self.today)
            if page is None:
                page = self.draft(spec)
                self.loader.add(index, page, spec["id"], announced)
            self.loader.ensure_english(page, spec, self.write_text, "dialogue translations", announced)

    # Venues

    def load_venues(self):
        french, english = self.loader.french, self.loader.english
        self.venues = {}
        for spec in VENUES:
            venue = Venue.objects.filter(key=spec["key"], locale=french).first()
            self.loader.tally("venues", venue is None)
            if venue is None:
                venue = Venue(
                    key=spec["key"],
                    kind=spec["kind"],
                    street_address=spec["street_address"],
                    municipality=spec["municipality"],
                    postal_code=spec["postal_code"],
                    region=Region.objects.get(key=spec["region"], locale=french),
                    phone=spec["phone"],
                    website=spec["website"],
                    keroul_rating=spec["keroul_rating"],
                    locale=french,
                    **dict.fromkeys(spec["features"], True),
                    **spec["fr"],
                )
                venue.save()
            if "en" in spec:
                translation = venue.get_translation_or_none(english)
                self.loader.tally("venue translations", translation is None)
                if translation is None:
                    translation = venue.copy_for_translation(english)
                    for name, value in spec["en"].items():
                        setattr(translation, name, value)
                    translation.save()
            self.venues[spec["key"]] = venue

    # Dialogues

    def draft(self, spec):
        loader = self.loader
        page = loader.new_item(
            DialoguePage,
            spec["id"],
            kind=spec["kind"],
            receiving_body=loader.organization(spec["receiving_body"]),
            attendance=spec.get("attendance"),
        )
        page.organizers = [loader.organization(key) for key in spec["organizers"]]
        page.organizations_present = [
            loader.organization(key) for key in spec.get("organizations_present", [])
        ]
        page.services = loader.terms(Service, spec["services"])
        page.regions = loader.terms(Region, spec["regions"])
        page.risks = loader.terms(Risk, spec["risks"])
        page.casefiles = [loader.casefiles[public_id] for public_id in spec.get("casefiles", [])]
        page.systems = [loader.systems[name] for name in spec.get("systems", [])]
        page.briefs = [self.item(AdvocacyBriefPage, public_id) for public_id in spec.get("briefs", [])]
        page.agreements = [
            self.item(CollaborationAgreementPage, public_id) for public_id in spec.get("agreements", [])
        ]
        page.sessions = [self.session(session, loader.french) for session in spec["sessions"]]
        self.write_text(page, spec, "fr")
        return page

    def item(self, model, public_id):
        page = self.loader.existing_item(model, public_id)
        if page is None:
            raise ValueError(f"the demo dialogues name {public_id}, which the demo does not load")
        return page

    def day(self, days):
        return self.today + timedelta(days=days)

    def session(self, spec, locale):
        hour, minute = map(int, spec["time"].split(":"))
        starts_at = timezone.make_aware(datetime.combine(self.day(spec["days"]), time(hour, minute)))
        return Session(
            locale=locale,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=spec["hours"]),
            venue=self.venues[spec["venue"]] if "venue" in spec else None,
            registration_phone=spec.get("registration_phone", ""),
            capacity=spec.get("capacity"),
            **{name: spec[name] for name in SESSION_FACTS if name in spec},
            **dict.fromkeys(spec["accommodations"], True),
            **spec.get("fr", {}),
        )

    def write_text(self, page, spec, language):
        """The words of ``page`` in ``language``: summaries, what is at stake, the account, the
        sessions' words (in time order, as the data lists them) and the materials' titles."""
        write_summaries(page, spec[language], language)
        for name in DIALOGUE_TEXT:
            setattr(page, name, spec[language].get(name, ""))
        if language != "fr":
            sessions = sorted(page.sessions.all(), key=lambda session: session.starts_at)
            for session, session_spec in zip(sessions, spec["sessions"], strict=True):
                for name in SESSION_WORDS:
                    setattr(session, name, session_spec.get(language, {}).get(name, ""))
            page.sessions = sessions
        # A translation keeps its original's drawn documents (copied with the page); the original
        # draws them.
        drawn = {
            number: block.value["document"]
            for number, block in enumerate(page.materials, start=1)
            if block.block_type == "document"
        }
        page.materials = [
            self.material(spec["id"], number, material, language, drawn.get(number))
            for number, material in enumerate(spec.get("materials", []), start=1)
        ]

    def material(self, public_id, number, material, language, document=None):
        """One ``materials`` block: a drawn PDF (in French) or a link."""
        value = {"kind": material["kind"], "title": material[language]}
        if "url" in material:
            return {"type": "link", "value": {**value, "url": material["url"]}}
        if document is None:
            document = self.loader.pdf_document(
                f"{public_id} — {material['fr']}", f"demo-{public_id.lower()}-{number}.pdf", *material["pdf"]
            )
        return {"type": "document", "value": {**value, "document": document.pk}}
