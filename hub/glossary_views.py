"""The glossary page: every term of the interface language, alphabetical, with a letter index."""

from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from .glossary import by_letter, glossary_entries


@require_GET
def glossary_page(request):
    entries = glossary_entries((get_language() or "fr")[:2])
    return render(request, "hub/glossary.html", {"entries": entries, "letters": by_letter(entries)})
