"""Numbers of an item's numbered parts (its commitments ``C<n>``, a report's recommendations
``R<n>``): each part of an item gets the next number of that item for its kind once, the same in
every language, and a number once given is never given again, even after its part is deleted,
since citations name it (``AC-2026-0003-C2``, ``BI-2026-0001-R3``).

"Given" means seen anywhere the item kept it: the parts of every language version and every
revision of those versions (a draft's part has its number before it is published). A kind of
part is named by its relation on the page (``commitments``, ``recommendations``), which is also
its key in a revision's content."""

from wagtail.models import Page, Revision


def numbers_taken(page, relation="commitments"):
    """Every number the parts of ``page``'s item under ``relation`` have had, in any version or
    revision."""
    if not page.translation_key:
        return set()
    versions = list(Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True))
    model = type(page)._meta.get_field(relation).related_model
    taken = set(model.objects.filter(page_id__in=versions).values_list("number", flat=True))
    contents = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in versions]).values_list(
        "content", flat=True
    )
    for content in contents.iterator():
        taken.update(part["number"] for part in content.get(relation) or () if part.get("number"))
    return taken


def next_number(page, relation="commitments"):
    """The number a new part of ``page``'s item gets when saved on its own (the ORM)."""
    return max(numbers_taken(page, relation), default=0) + 1


def number_parts(page, relation="commitments"):
    """Number the parts under ``relation`` of ``page`` (held in memory by a form, a revision or a
    script) that have none yet, in their order."""
    give_numbers(page, list(getattr(page, relation).all()), relation)


def give_numbers(page, parts, relation):
    """Number ``parts`` of ``page`` under ``relation`` that have none yet, in their order: the
    next numbers after every number its item has given."""
    if all(part.number for part in parts):
        return
    last = max(numbers_taken(page, relation) | {part.number or 0 for part in parts})
    for part in parts:
        if not part.number:
            last += 1
            part.number = last
