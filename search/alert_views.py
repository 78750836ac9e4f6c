"""E-mail alerts of a search (``search.alerts``): the form of the search page, posted, and the
confirmation and unsubscription pages every subscription has (``hub.subscriptions``), about the
search. A search that is not valid gets 400 naming its parameters, like the page itself. Every
page is private: never cached, indexed or referred."""

from django import forms
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters

from hub.private import private
from hub.rate_limits import POST, Limit, refusal
from hub.subscriptions import SubscriptionViews

from . import alerts
from .feeds import search_in_words
from .models import SearchAlert

LIMIT = Limit("search_alert", methods=POST)
MAX_SEARCH_LENGTH = SearchAlert._meta.get_field("query_string").max_length


class AlertForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"))
    frequency = forms.ChoiceField(
        label=_("How often"), choices=SearchAlert.Frequency.choices, widget=forms.RadioSelect
    )


def language_of_request():
    return (get_language() or "fr")[:2]


def search_path(query_string):
    return f"{reverse('search')}?{query_string}" if query_string else reverse("search")


@sensitive_post_parameters("email")
def ask(request):
    """The search page's form: ``search`` (the search's parameters as a query string), ``email``
    and ``frequency``; a confirmation e-mail is on its way."""
    language = language_of_request()
    search = request.POST.get("search", "") if request.method == "POST" else request.GET.urlencode()
    if len(search) > MAX_SEARCH_LENGTH:
        errors = {"search": [_("This search is too long to be followed by e-mail.")]}
        return private(TemplateResponse(request, "search/alert_asked.html", {"errors": errors}, status=400))
    query, errors = alerts.parse_search(search, language)
    if errors:
        return private(TemplateResponse(request, "search/alert_asked.html", {"errors": errors}, status=400))
    if request.method != "POST":
        return redirect(alerts.search_url(alerts.normalised(query), language) + "#search-alert")
    limited = refusal(request, LIMIT)
    if limited is not None:
        return limited
    form = AlertForm(request.POST, label_suffix="")
    status = 200
    if form.is_valid():
        alerts.ask(query, form.cleaned_data["email"], form.cleaned_data["frequency"], language)
    else:
        status = 400
    context = {
        "form": form,
        "search": search_in_words(query),
        "search_query_string": alerts.normalised(query),
        "search_url": search_path(alerts.normalised(query)),
    }
    return private(TemplateResponse(request, "search/alert_asked.html", context, status=status))


def about(alert):
    """The pages' context: the search the alert follows, in words, and its page."""
    query, errors = alerts.parse_search(alert.query_string, alert.language)
    return {
        "search": search_in_words(query) if not errors else [],
        "search_url": search_path(alert.query_string),
        "frequency": alert.get_frequency_display(),
    }


subscription_views = SubscriptionViews(
    SearchAlert, LIMIT, "search/alert_confirm.html", "search/alert_unsubscribe.html", about
)
