"""E-mail subscriptions without an account (``hub.models.Subscription``), for every feature that
writes to people who asked: a pending subscription and its confirmation e-mail (double opt-in),
the confirmation by a button (a mail scanner opening the link confirms nothing), the one-click
unsubscription (RFC 8058: a POST without CSRF token, the link's secret is the proof), the
retention of requests nobody confirmed, and the sending itself: plain text in the person's
language through Django's e-mail backend, a failure logged with the subscription's reference
only. Every page a subscriber's link opens is private (``hub.private``)."""

import datetime
import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt

from .private import private
from .rate_limits import refusal

logger = logging.getLogger(__name__)


def absolute(path):
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def subscription_urls(subscription):
    """The addresses of the subscription's confirmation and unsubscription, in its language:
    they work whatever becomes of the page it was asked on."""
    kwargs = {"reference": subscription.reference, "token": subscription.token}
    with translation.override(subscription.language):
        return (
            absolute(reverse(subscription.confirm_url_name, kwargs=kwargs)),
            absolute(reverse(subscription.unsubscribe_url_name, kwargs=kwargs)),
        )


def pending(model, email, language, **identity):
    """``email`` asks for the subscription ``identity`` (``commitment_key=...``): the pending
    subscription to send a confirmation to, made or found, in ``language``; None when the address
    is already confirmed (or asks twice at the same moment). The caller answers the same either
    way: nobody learns who subscribes to what."""
    try:
        with transaction.atomic():
            subscription, created = model.objects.get_or_create(
                email__iexact=email, **identity, defaults={"email": email, "language": language}
            )
    except IntegrityError:  # the same address, at the same moment
        return None
    if subscription.is_confirmed:
        return None
    if not created and subscription.language != language:
        subscription.language = language
        subscription.save(update_fields=["language"])
    return subscription


def confirm(subscription):
    if not subscription.is_confirmed:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])


def send(recipient, subject, body, unsubscribe_url=None):
    """One plain-text e-mail to ``recipient`` (a subscription, a registration: its ``email``, and a
    ``str`` without personal data for the log); whether it left."""
    headers = {}
    if unsubscribe_url:
        # RFC 8058: the mail client unsubscribes with one POST, without opening anything.
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    try:
        EmailMessage(
            subject=" ".join(subject.split()), body=body, to=[recipient.email], headers=headers
        ).send()
    except Exception as error:  # noqa: BLE001 (the others are still sent)
        logger.error("The e-mail to %s was not sent: %s", recipient, type(error).__name__)
        return 0
    return 1


def delete_unconfirmed(model, days, now=None):
    """Retention: the requests nobody confirmed within ``days`` days; how many were deleted."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _rows = model.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return deleted


class SubscriptionViews:
    """The confirmation and unsubscription pages of one kind of subscription: ``template`` gets
    ``subscription``, ``done`` and what ``context(subscription)`` adds (what it is about); POSTs
    to confirm count against ``limit`` (``hub.rate_limits``)."""

    def __init__(self, model, limit, confirm_template, unsubscribe_template, context):
        self.model = model
        self.limit = limit
        self.confirm_template = confirm_template
        self.unsubscribe_template = unsubscribe_template
        self.context = context
        self.unsubscribe = csrf_exempt(self.unsubscribe_view)

    def own(self, reference, token):
        subscription = self.model.objects.filter(reference=reference).first()
        if subscription is None or not subscription.token_matches(token):
            raise Http404
        return subscription

    def page(self, request, template, subscription, done):
        context = {"subscription": subscription, "done": done, **self.context(subscription)}
        return private(TemplateResponse(request, template, context))

    def confirm(self, request, reference, token):
        subscription = self.own(reference, token)
        if request.method == "POST":
            limited = refusal(request, self.limit)
            if limited is not None:
                return limited
            confirm(subscription)
        return self.page(request, self.confirm_template, subscription, subscription.is_confirmed)

    def unsubscribe_view(self, request, reference, token):
        """Unsubscribing deletes the subscription: nothing is kept of a person who leaves."""
        if request.method == "POST":
            subscription = self.model.objects.filter(reference=reference).first()
            if subscription is not None and subscription.token_matches(token):
                subscription.delete()
            # The same answer for a link already used: the person does not subscribe any more.
            return private(TemplateResponse(request, self.unsubscribe_template, {"done": True}))
        return self.page(request, self.unsubscribe_template, self.own(reference, token), False)
