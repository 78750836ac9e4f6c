"""Registrants hear when a report of their dialogue is published: one e-mail per person and
report, to the registrations that may be written to (``dialogues.contact``), in the person's
language, after the publication commits. Every road of publication sends Wagtail's
``page_published``: the admin, a workflow's approval, ``publish_scheduled``,
``revision.publish()``, a translation published with wagtail-localize.

Once per person and report (``ReportNotice``): a run first writes one row per address it means
to tell, the database keeping only the first row of each address (so two processes publishing
at once cannot both send), and sends only to the rows it wrote. A send that fails deletes its row:
that person is told at the report's next publication, in any language (as is anyone who
registered and agreed since). A process that dies between the two tells nobody twice, but may
tell someone never. The e-mail never holds up a publication: a failure is logged, with the
registration's reference only."""

import logging
import uuid

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from dialogues.contact import contactable, withdrawal_path
from dialogues.models import DialoguePage
from hub.subscriptions import absolute, send

from .models import ReportNotice, ReportPage, address_digest

logger = logging.getLogger(__name__)


def on_publication(sender, instance, **kwargs):
    """``page_published`` of a report: tell its registrants once the publication has committed
    (a rolled back one tells nobody); nothing that fails there undoes the publication."""
    report_pk = instance.pk
    transaction.on_commit(lambda: tell_registrants(report_pk), robust=True)


def tell_registrants(report_pk):
    """Tell the registrants of the public report ``report_pk``'s dialogues who were not told yet;
    returns how many e-mails left."""
    report = ReportPage.objects.public().filter(pk=report_pk).first()
    if report is None:  # unpublished since, or in a private section
        return 0
    versions = list(ReportPage.objects.public().filter(translation_key=report.translation_key).order_by("pk"))
    dialogues = reported_dialogues(versions)
    people = {}
    for registration in contactable(dialogues):  # oldest first: the newest says the language
        people.setdefault(address_digest(registration.email), []).append(registration)
    run = uuid.uuid4()
    ReportNotice.objects.bulk_create(
        [ReportNotice(report_key=report.translation_key, address=address, claim=run) for address in people],
        ignore_conflicts=True,
    )
    mine = list(ReportNotice.objects.filter(claim=run).values_list("address", flat=True))
    failed = [address for address in mine if not tell(people[address], versions, dialogues)]
    if failed:
        ReportNotice.objects.filter(claim=run, address__in=failed).delete()
    return len(mine) - len(failed)


def reported_dialogues(versions):
    """``{translation_key: {language: title}}`` of the public dialogues the report's public
    ``versions`` are about, each in every language it is public in (the original first)."""
    links = ReportPage.dialogues.through.objects.filter(reportpage_id__in=[page.pk for page in versions])
    chosen = DialoguePage.objects.public().filter(pk__in=links.values("dialoguepage_id"))
    dialogues = {}
    public = DialoguePage.objects.public().filter(translation_key__in=chosen.values("translation_key"))
    for key, language, title in public.order_by("pk").values_list(
        "translation_key", "locale__language_code", "title"
    ):
        dialogues.setdefault(key, {})[language] = title
    return dialogues


def in_language(versions, language):
    """The version in ``language``, else the first version (the original, when it is public)."""
    return next((page for page in versions if page.content_language == language), versions[0])


def tell(registrations, versions, dialogues):
    """One e-mail to the person who made ``registrations`` (the same address); whether it left."""
    latest = registrations[-1]
    language = latest.language
    report = in_language(versions, language)
    stop_url = absolute(withdrawal_path(latest))
    titles = []
    for registration in registrations:
        words = dialogues[registration.dialogue.translation_key]
        title = words.get(language) or next(iter(words.values()))
        if title not in titles:
            titles.append(title)
    with translation.override(language):
        context = {
            "report": report,
            "report_url": absolute(report.url),
            "dialogue_titles": titles,
            "stop_url": stop_url,
        }
        subject = _("Report published: %(title)s") % {"title": report.title}
        body = render_to_string("followup/emails/report_published.txt", context)
    return send(latest, subject, body, stop_url)
