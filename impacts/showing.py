"""Where a testimony is shown publicly: on the public case files that show it while it may appear
there (``Testimony.may_appear_on``: not withdrawn, consent complete, covering that case file and
the web). Every surface that shows a testimony outside its case file reads this one rule: its
photo and letter (``media_gate``), a consultation report's quotes (``followup``)."""

from django.db.models import Prefetch

from .models import CaseFilePage, CaseFileTestimony


def public_places(testimonies):
    """``testimonies`` (a queryset) as ``[(testimony, [public case file showing it publicly])]``,
    the case files in the order of their pks, read in three queries however many there are. A
    withdrawn testimony has none."""
    # Live case files' rows hold their published links; a draft's links are in revisions.
    shown = CaseFileTestimony.objects.filter(page__in=CaseFilePage.objects.public()).order_by("page_id")
    testimonies = testimonies.prefetch_related(
        "consent_casefiles",
        Prefetch("casefile_links", queryset=shown.select_related("page__locale"), to_attr="public_links"),
    )
    return [
        (
            testimony,
            []
            if testimony.is_withdrawn
            else [link.page for link in testimony.public_links if testimony.may_appear_on(link.page)],
        )
        for testimony in testimonies
    ]
