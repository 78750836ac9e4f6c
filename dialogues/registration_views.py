"""The registration pages, served by a dialogue's own routes (``RegistrationRoutes``): the form
of a session, the person's page (their confirmation) and the cancellation, which asks before it
cancels (a POST) and works without JavaScript.

The person's pages are reached only through the secret of their link; they are never cached,
never indexed, and send no ``Referer``, so the secret and the online link stay with the person."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.debug import sensitive_post_parameters

from hub.private import private
from hub.rate_limits import POST, Limit, refusal

from . import registering
from .forms import RegistrationForm
from .models import DialoguePage, Registration, RegistrationStatus

LIMIT = Limit("dialogue_registration", methods=POST)
PERSONAL_FIELDS = ("name", "email", "phone", "accommodations_details")


def public_session(page, session_key):
    """The session of a published, public dialogue that takes registrations on the hub."""
    if not DialoguePage.objects.public().filter(pk=page.pk).exists():
        raise Http404
    scheduled = registering.find_session(page, session_key)
    if not registering.takes_registrations(scheduled):
        raise Http404
    return scheduled


def own_registration(page, reference, token):
    """The registration the link names, for this dialogue, if the link's secret is right."""
    registration = Registration.objects.filter(reference=reference).first()
    if (
        registration is None
        or not registration.token_matches(token)
        or registration.dialogue.translation_key != page.translation_key
    ):
        raise Http404
    scheduled = registering.find_session(page, registration.session_key)
    if scheduled is None:
        raise Http404
    return registration, scheduled


def person_context(request, page, registration, scheduled):
    status_url, cancel_url = page.person_paths(request, registration)
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    return {
        "page": page,
        "self": page,
        "session": scheduled,
        "registration": registration,
        "page_url": page.get_url(request),
        "status_url": status_url,
        "cancel_url": cancel_url,
        "online_url": scheduled.facts.online_url if confirmed and scheduled.facts.is_online else "",
    }


@sensitive_post_parameters(*PERSONAL_FIELDS)
def registration_form(request, page, session_key):
    scheduled = public_session(page, session_key)
    is_open = registering.is_open(scheduled)
    form = RegistrationForm(label_suffix="")
    status = 200
    if request.method == "POST" and is_open:
        limited = refusal(request, LIMIT)
        if limited is not None:
            return limited
        form = RegistrationForm(request.POST, label_suffix="")
        if form.is_valid():
            registration = registering.register(page, scheduled, form.cleaned_data, request)
            return private(redirect(page.person_paths(request, registration)[0], permanent=False))
        status = 400
    context = {
        "page": page,
        "self": page,
        "session": scheduled,
        "form": form,
        "is_open": is_open,
        "places_left": registering.places_left(scheduled) if is_open else 0,
        "error_count": sum(len(errors) for errors in form.errors.values()),
        "page_url": page.get_url(request),
    }
    response = TemplateResponse(request, "dialogues/registration_form.html", context, status=status)
    add_never_cache_headers(response)
    return response


def registration_status(request, page, reference, token):
    registration, scheduled = own_registration(page, reference, token)
    context = person_context(request, page, registration, scheduled)
    return private(TemplateResponse(request, "dialogues/registration_status.html", context))


def registration_cancel(request, page, reference, token):
    registration, scheduled = own_registration(page, reference, token)
    if request.method == "POST":
        limited = refusal(request, LIMIT)
        if limited is not None:
            return limited
        registering.cancel(registration, request)
        registration.refresh_from_db()
    context = person_context(request, page, registration, scheduled)
    return private(TemplateResponse(request, "dialogues/registration_cancel.html", context))
