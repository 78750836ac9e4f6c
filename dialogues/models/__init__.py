from .dialogues import DialogueIndexPage, DialogueKind, DialoguePage
from .registrations import REQUESTED_ACCOMMODATIONS, Registration, RegistrationStatus
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
    "REQUESTED_ACCOMMODATIONS",
    "Registration",
    "RegistrationMode",
    "RegistrationStatus",
    "ScheduledSession",
    "Session",
    "SessionFormat",
    "SessionStatus",
    "Venue",
    "VenueKind",
]
