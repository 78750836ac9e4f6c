"""Commitment numbers: each commitment of an item gets the next number of that item once, the
same in every language, and a number once given is never given again, even after its commitment
is deleted, since citations name it (``AC-2026-0003-C2``).

"Given" means seen anywhere the item kept it: the commitments of every language version and
every revision of those versions (a draft's commitment has its number before it is published)."""

from django.apps import apps
from wagtail.models import Page, Revision


def numbers_taken(page):
    """Every number the commitments of ``page``'s item have had, in any version or revision."""
    if not page.translation_key:
        return set()
    versions = list(Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True))
    Commitment = apps.get_model("followup", "Commitment")
    taken = set(Commitment.objects.filter(page_id__in=versions).values_list("number", flat=True))
    contents = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in versions]).values_list(
        "content", flat=True
    )
    for content in contents.iterator():
        taken.update(commitment["number"] for commitment in content.get("commitments") or ())
    return taken


def next_number(page):
    """The number a new commitment of ``page``'s item gets when saved on its own (the ORM)."""
    return max(numbers_taken(page), default=0) + 1


def number_commitments(page):
    """Number the commitments of ``page`` (held in memory by a form, a revision or a script) that
    have none yet, in their order."""
    commitments = list(page.commitments.all())
    if all(commitment.number for commitment in commitments):
        return
    last = max(numbers_taken(page) | {commitment.number or 0 for commitment in commitments})
    for commitment in commitments:
        if not commitment.number:
            last += 1
            commitment.number = last
