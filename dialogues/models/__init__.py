from .dialogues import DialogueIndexPage, DialogueKind, DialoguePage
from .sessions import (
    SESSION_ACCOMMODATIONS,
    SESSION_LANGUAGES,
    RegistrationMode,
    ScheduledSession,
    Session,
    SessionFormat,
    SessionStatus,
)
from .venues import ACCESSIBILITY_FEATURES, KeroulRating, Venue, VenueKind

__all__ = [
    "ACCESSIBILITY_FEATURES",
    "SESSION_ACCOMMODATIONS",
    "SESSION_LANGUAGES",
    "DialogueIndexPage",
    "DialogueKind",
    "DialoguePage",
    "KeroulRating",
    "RegistrationMode",
    "ScheduledSession",
    "Session",
    "SessionFormat",
    "SessionStatus",
    "Venue",
    "VenueKind",
]
