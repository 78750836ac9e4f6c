"""Following a commitment by e-mail (``followup.following``): the form's answer, the confirmation
(a button, so that a mail scanner opening the link confirms nothing) and the unsubscription, one
POST without anything else (RFC 8058: mail clients send it themselves, without a CSRF token; the
link's secret is the proof). Every page is private: never cached, indexed or referred."""

from django import forms
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters

from hub.private import private
from hub.rate_limits import POST, Limit, refusal

from . import following
from .models import Follower

LIMIT = Limit("commitment_follow", methods=POST)


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We write to you only when this commitment's status changes. No account needed."),
    )


@sensitive_post_parameters("email")
def follow(request, item, number):
    """The form of a commitment's page, posted: a confirmation e-mail is on its way."""
    commitment = next((shown for shown in item.shown_commitments() if shown.number == number), None)
    if commitment is None:
        raise Http404
    if request.method != "POST":
        return redirect(item.commitment_url(number) + "#follow")
    limited = refusal(request, LIMIT)
    if limited is not None:
        return limited
    form = FollowForm(request.POST, label_suffix="")
    status = 200
    if form.is_valid():
        following.ask(item, commitment, form.cleaned_data["email"], item.locale.language_code)
    else:
        status = 400
    context = {**item.get_context(request), "commitment": commitment, "form": form}
    return private(TemplateResponse(request, "followup/follow_asked.html", context, status=status))


def own_follower(reference, token):
    follower = Follower.objects.filter(reference=reference).first()
    if follower is None or not follower.token_matches(token):
        raise Http404
    return follower


def followed(follower):
    """The commitment a follower follows, on a public version of its item, or None."""
    return next(iter(following.public_rows(follower.commitment_key)), None)


def confirm(request, reference, token):
    follower = own_follower(reference, token)
    if request.method == "POST":
        limited = refusal(request, LIMIT)
        if limited is not None:
            return limited
        following.confirm(follower)
    context = {"follower": follower, "commitment": followed(follower), "done": follower.is_confirmed}
    return private(TemplateResponse(request, "followup/follow_confirm.html", context))


@csrf_exempt
def unsubscribe(request, reference, token):
    if request.method == "POST":
        follower = Follower.objects.filter(reference=reference).first()
        if follower is not None and follower.token_matches(token):
            following.unsubscribe(follower)
        # The same answer for a link already used: the person does not follow it any more.
        return private(TemplateResponse(request, "followup/follow_unsubscribe.html", {"done": True}))
    follower = own_follower(reference, token)
    context = {"follower": follower, "commitment": followed(follower), "done": False}
    return private(TemplateResponse(request, "followup/follow_unsubscribe.html", context))
