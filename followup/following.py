"""Following a commitment by e-mail (``Follower``): asking, confirming from the e-mail (double
opt-in), unsubscribing in one click (RFC 8058), and the one e-mail each follower gets when the
commitment's status changes. Plain-text e-mails in the follower's language, through Django's
e-mail backend; a failure is logged with the follower's reference only."""

import datetime
import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Commitment, Follower, standings

logger = logging.getLogger(__name__)


def follower_urls(follower):
    """The addresses of the follower's confirmation and unsubscription, in their language: they
    work whatever becomes of the item's page."""
    kwargs = {"reference": follower.reference, "token": follower.token}
    with translation.override(follower.language):
        return (
            absolute(reverse("followup-follow-confirm", kwargs=kwargs)),
            absolute(reverse("followup-follow-unsubscribe", kwargs=kwargs)),
        )


def ask(item, commitment, email, language):
    """``email`` asks to follow ``commitment`` (shown on ``item``, in ``language``): a pending follower is made (or
    found) and the confirmation e-mail sent. Nothing is sent to an address that already follows
    it, and the answer is the same either way: nobody learns who follows what."""
    try:
        with transaction.atomic():
            follower, created = Follower.objects.get_or_create(
                commitment_key=commitment.translation_key,
                email__iexact=email,
                defaults={"email": email, "language": language},
            )
    except IntegrityError:  # the same address, at the same moment
        return
    if follower.is_confirmed:
        return
    if not created and follower.language != language:
        follower.language = language
        follower.save(update_fields=["language"])
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


def confirm(follower):
    if not follower.is_confirmed:
        follower.confirmed_at = timezone.now()
        follower.save(update_fields=["confirmed_at"])


def unsubscribe(follower):
    """Nothing is kept of a follower who leaves."""
    follower.delete()


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


def send(recipient, subject, body, unsubscribe_url=None):
    """One plain-text e-mail to ``recipient`` (a follower, a registration: its ``email``, and a
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


def absolute(path):
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def delete_unconfirmed(now=None):
    """Retention: the requests nobody confirmed within ``FOLLOWUP_UNCONFIRMED_DAYS`` days."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.FOLLOWUP_UNCONFIRMED_DAYS)
    deleted, _rows = Follower.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return f"Unconfirmed followers of commitments deleted: {deleted}."
