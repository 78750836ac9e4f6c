"""Following a commitment by e-mail (``followup.following``): the form's answer, and the
confirmation and unsubscription pages every subscription has (``hub.subscriptions``), about the
commitment followed. Every page is private: never cached, indexed or referred."""

from django import forms
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters

from hub.private import private
from hub.rate_limits import POST, Limit, refusal
from hub.subscriptions import SubscriptionViews

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


def followed(follower):
    """The pages' context: the commitment the follower follows, on a public version of its item
    (None when there is none)."""
    return {"commitment": next(iter(following.public_rows(follower.commitment_key)), None)}


subscription_views = SubscriptionViews(
    Follower, LIMIT, "followup/follow_confirm.html", "followup/follow_unsubscribe.html", followed
)
confirm = subscription_views.confirm
unsubscribe = subscription_views.unsubscribe
