"""The accessibility report of a document, where editors upload or choose it, and the public
list of a resource's files saying which are accessible."""

from django import template

from ..document_checks import check_document, file_format
from ..document_rules import accessible_alternative

register = template.Library()


@register.inclusion_tag("learning/admin/document_report.html")
def document_report(document):
    return {"document": document, "report": check_document(document) if document else None}


@register.simple_tag
def resource_files(page):
    """The rows of the public list of ``page``'s files: each file with its format, size,
    language, report, and accessible alternative (when readers can reach it)."""
    language = page.locale.get_display_name() if page.locale_id else ""
    return [
        {
            "file": resource_file,
            "document": resource_file.document,
            "format": file_format(resource_file.document),
            "size": resource_file.document.get_file_size(),
            "language": language,
            "report": check_document(resource_file.document),
            "alternative": accessible_alternative(resource_file, page),
        }
        for resource_file in page.files.all()
        if resource_file.document_id
    ]
