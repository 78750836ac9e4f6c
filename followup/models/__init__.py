from .commitments import Commitment
from .followers import Follower
from .notices import ReportNotice, address_digest
from .pages import COMMITMENT_WORDS, HasCommitments, commitment_item_types, commitment_page_models
from .recommendations import AWAITING, Recommendation, RecommendationResponse
from .reports import ReportIndexPage, ReportPage
from .statuses import CLOSED_STATUSES, CommitmentStatus, is_overdue
from .updates import CommitmentUpdate, PublishedUpdateError, Standing, standings

__all__ = [
    "AWAITING",
    "CLOSED_STATUSES",
    "COMMITMENT_WORDS",
    "Commitment",
    "CommitmentStatus",
    "CommitmentUpdate",
    "Follower",
    "HasCommitments",
    "PublishedUpdateError",
    "Recommendation",
    "RecommendationResponse",
    "ReportIndexPage",
    "ReportNotice",
    "ReportPage",
    "Standing",
    "address_digest",
    "commitment_item_types",
    "commitment_page_models",
    "is_overdue",
    "standings",
]
