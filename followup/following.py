"""Following a commitment by e-mail (``Follower``, a subscription of ``hub.subscriptions``: double
opt-in, one-click unsubscription, sending): the confirmation e-mail and the one e-mail each
follower gets when the commitment's status changes, in the follower's language."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from hub import subscriptions
from hub.subscriptions import absolute, send
from hub.subscriptions import subscription_urls as follower_urls

from .models import Commitment, Follower, standings


def ask(item, commitment, email, language):
    """``email`` asks to follow ``commitment`` (shown on ``item``, in ``language``): a pending
    follower is made (or found) and the confirmation e-mail sent. Nothing is sent to an address
    that already follows it, and the answer is the same either way: nobody learns who follows
    what."""
    follower = subscriptions.pending(Follower, email, language, commitment_key=commitment.translation_key)
    if follower is None:
        return
    confirm_url, _unsubscribe_url = follower_urls(follower)
    with translation.override(follower.language):
        context = {
            "commitment": commitment,
            "item": item,
            "confirm_url": confirm_url,
            "page_url": absolute(commitment.url),
            "unconfirmed_days": settings.FOLLOWUP_UNCONFIRMED_DAYS,
        }
        subject = _("Confirm: follow commitment %(id)s") % {"id": commitment.public_id}
        send(follower, subject, render_to_string("followup/emails/follow_confirm.txt", context))


def status_before(update):
    """The status of ``update``'s commitment before it is published."""
    return standings([update.commitment_key])[update.commitment_key].status


def tell_followers(update, before):
    """After ``update`` was published: if its commitment's status is no longer ``before``, each
    confirmed follower gets one e-mail, in their language, about the version of its item in that
    language (or its original). Nothing is sent while the item is not public."""
    key = update.commitment_key
    after = standings([key])[key]
    if after.status == before:
        return 0
    public = public_rows(key)
    if not public:
        return 0
    sent = 0
    for follower in Follower.objects.filter(commitment_key=key, confirmed_at__isnull=False):
        commitment = next(
            (row for row in public if row.item.content_language == follower.language), public[0]
        )
        commitment.__dict__["standing"] = after
        _confirm_url, unsubscribe_url = follower_urls(follower)
        with translation.override(follower.language):
            context = {
                "commitment": commitment,
                "item": commitment.item,
                "update": after.latest,
                "page_url": absolute(commitment.url),
                "unsubscribe_url": unsubscribe_url,
            }
            subject = _("Commitment %(id)s: %(status)s") % {
                "id": commitment.public_id,
                "status": commitment.get_status_display(),
            }
            body = render_to_string("followup/emails/follow_status.txt", context)
        sent += send(follower, subject, body, unsubscribe_url)
    return sent


def public_rows(key):
    """The rows of the commitment ``key`` on public versions of its item, the original first."""
    rows = Commitment.objects.filter(translation_key=key).select_related("page").order_by("pk")
    return [row for row in rows if type(row.item).objects.filter(pk=row.page_id).public().exists()]


def delete_unconfirmed():
    """Retention: the requests nobody confirmed within ``FOLLOWUP_UNCONFIRMED_DAYS`` days."""
    deleted = subscriptions.delete_unconfirmed(Follower, settings.FOLLOWUP_UNCONFIRMED_DAYS)
    return f"Unconfirmed followers of commitments deleted: {deleted}."
