from .commitments import CLOSED_STATUSES, Commitment, CommitmentStatus, is_overdue
from .pages import COMMITMENT_WORDS, HasCommitments

__all__ = [
    "CLOSED_STATUSES",
    "COMMITMENT_WORDS",
    "Commitment",
    "CommitmentStatus",
    "HasCommitments",
    "is_overdue",
]
