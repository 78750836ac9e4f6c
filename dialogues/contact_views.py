"""The link that withdraws a registrant's consent to be contacted (``dialogues.contact``): a
GET shows a button (a mail scanner opening the link changes nothing), a POST withdraws it, with
nothing else (RFC 8058: mail clients send it themselves, without a CSRF token; the link's secret
is the proof). The page is private: never cached, indexed or referred."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt

from hub.private import private
from hub.rate_limits import POST, Limit, refusal

from . import contact
from .models import Registration

LIMIT = Limit("dialogue_registration", methods=POST)


@csrf_exempt
def withdraw_consent(request, reference, token):
    registration = Registration.objects.filter(reference=reference).first()
    if registration is None and request.method == "POST":
        # Deleted by retention: nothing is kept to write to, which is what the person asks.
        return private(TemplateResponse(request, "dialogues/contact_withdraw.html", {"done": True}))
    if registration is None or not registration.token_matches(token):
        raise Http404
    if request.method == "POST":
        limited = refusal(request, LIMIT)
        if limited is not None:
            return limited
        contact.withdraw(registration)
        registration.refresh_from_db()
    context = {"done": not registration.wants_report}
    return private(TemplateResponse(request, "dialogues/contact_withdraw.html", context))
