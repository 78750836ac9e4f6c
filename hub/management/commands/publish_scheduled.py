"""Wagtail's ``publish_scheduled``, except that one refused publication does not stop the others.

A scheduled version that may not go live any more (a testimony it shows lost its consent since
it was approved) is taken off the schedule, logged, and recorded in the page's history, so the
editors see why; the other scheduled versions still go live."""

import logging

from django.utils import timezone
from wagtail.log_actions import log
from wagtail.management.commands import publish_scheduled
from wagtail.models import Revision

from hub.publication_rules import SCHEDULE_REFUSED_ACTION

logger = logging.getLogger(__name__)


class Command(publish_scheduled.Command):
    def handle(self, *args, **options):
        if not options["dryrun"]:
            self.unschedule_refused_versions()
        super().handle(*args, **options)

    def unschedule_refused_versions(self):
        for revision in Revision.page_revisions.filter(approved_go_live_at__lt=timezone.now()):
            version = revision.as_object()
            problems = getattr(version, "publication_problems", list)()
            if not problems:
                continue
            reason = " ".join(str(problem) for problem in problems)
            Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
            log(instance=version, action=SCHEDULE_REFUSED_ACTION, revision=revision, data={"reason": reason})
            logger.error(
                "Scheduled publication refused: page %s, revision %s: %s", version.pk, revision.pk, reason
            )
            self.stderr.write(f"Not published: {version.title} (page {version.pk}): {reason}")
