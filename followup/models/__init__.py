from .commitments import Commitment
from .followers import Follower
from .pages import COMMITMENT_WORDS, HasCommitments, commitment_page_models
from .statuses import CLOSED_STATUSES, CommitmentStatus, is_overdue
from .updates import CommitmentUpdate, PublishedUpdateError, Standing, standings

__all__ = [
    "CLOSED_STATUSES",
    "COMMITMENT_WORDS",
    "Commitment",
    "CommitmentStatus",
    "CommitmentUpdate",
    "Follower",
    "HasCommitments",
    "PublishedUpdateError",
    "Standing",
    "commitment_page_models",
    "is_overdue",
    "standings",
]
