"""The case files and the testimonies shown on them."""

from .casefiles import CaseFileIndexPage, CaseFilePage, CaseFilePageForm
from .testimonies import CaseFileTestimony, Testimony

__all__ = ["CaseFileIndexPage", "CaseFilePage", "CaseFilePageForm", "CaseFileTestimony", "Testimony"]
