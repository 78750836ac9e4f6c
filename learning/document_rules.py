"""What a resource's files must pass, or offer instead, before the resource goes live.

A file whose automatic checks fail (a PDF without tags, language, title or text) or cannot be
checked (an Office file) may still be published, because a printable guide is useful even when
it is not yet accessible, but only with a stated reason and an accessible HTML alternative:
an explicitly chosen page, live, public and in the resource's language, or the resource itself
when the version going live has a text of its own (its body): the same content on the page, as
most guides are. Nothing can tell that a page holds what the file holds; choosing it is a
statement an editor makes and a reviewer checks.

``LearningResourcePage.publication_problems`` calls ``document_problems``, so the rule holds
on every road that publishes (see ``hub.publication_rules``)."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from .document_checks import check_document


def accessible_alternative(resource_file, page):
    """The file's HTML alternative when it is one a reader can reach, else None."""
    alternative_id = resource_file.html_alternative_id
    if not alternative_id:
        return None
    if alternative_id == page.pk:
        # The resource's own text goes live with this version: it counts when there is some.
        return page if len(page.body) else None
    return Page.objects.live().public().filter(pk=alternative_id, locale_id=page.locale_id).first()


def file_problem(resource_file, page):
    """Why this file stops the resource from going live, or None."""
    document = resource_file.document
    report = check_document(document)
    if report.passed:
        return None
    missing = []
    if not resource_file.exception_reason.strip():
        missing.append(_("Give the reason it is published as it is."))
    if accessible_alternative(resource_file, page) is None:
        missing.append(
            _(
                "Choose an accessible HTML alternative: a live public page in the resource's "
                "language, or the resource itself when its text holds the same content."
            )
        )
    if not missing:
        return None
    faults = _("The file “%(label)s” (%(file)s) is not accessible (%(faults)s).") % {
        "label": resource_file.label,
        "file": document.filename,
        "faults": report.faults,
    }
    return " ".join([faults, *missing])


def document_problems(page):
    """The reasons ``page`` (a learning resource version) may not go live because of its files."""
    problems = []
    for resource_file in page.files.all():
        if resource_file.document_id is None:
            continue
        problem = file_problem(resource_file, page)
        if problem:
            problems.append(problem)
    return problems
