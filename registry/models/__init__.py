from .declared import DeclaredRecord
from .entries import CommunitySource, DisclosureLevel, SystemIndexPage, SystemPage
from .fields import Automation, Lifecycle, RegisterRecord, Technique, YesNo

__all__ = [
    "Automation",
    "CommunitySource",
    "DeclaredRecord",
    "DisclosureLevel",
    "Lifecycle",
    "RegisterRecord",
    "SystemIndexPage",
    "SystemPage",
    "Technique",
    "YesNo",
]
