"""A commitment's own page, served by its item's page (``followup.models.HasCommitments``)."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .models import COMMITMENT_WORDS


def commitment_page(item, request, word, number):
    """The commitment ``number`` of this version of ``item``: what, who, by when, where it stands,
    and how to cite it. The other language's word leads to this language's."""
    commitment = next((shown for shown in item.shown_commitments() if shown.number == number), None)
    if commitment is None:
        raise Http404(_("This item has no commitment with this number."))
    if word != COMMITMENT_WORDS[item.locale.language_code]:
        return redirect(item.commitment_url(number))
    context = item.get_context(request)
    context.update(
        commitment=commitment,
        language_urls={code: commitment.url_in(code) for code, _name in settings.LANGUAGES},
    )
    return TemplateResponse(request, "followup/commitment.html", context)
