"""The load test's editor (``make loadtest``, scripts/loadtest): an administrator account and
draft versions of published items, which the editor of ``benchmarks/locustfile.py`` then
publishes through the admin API during the test, one every 5 s: the road and the code of a real
publication (the hub's publication rules, then the search index and the open data after the
commit), in a worker of the server under test."""

import json
import os
import re
from itertools import islice

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from hub.items import item_types

REVISION_MARK = re.compile(r" \(rév\. \d+\)$")


class Command(BaseCommand):
    help = (
        "Create or update the load test's administrator (password from LOADTEST_PASSWORD) and save "
        "a draft version of N published items of every type; write their page ids as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("--drafts", type=int, required=True, help="How many drafts to prepare.")
        parser.add_argument("--username", default="loadtest-editor", help="The administrator's name.")
        parser.add_argument("--output", required=True, help="The JSON file of page ids to write.")

    def handle(self, *args, drafts, username, output, **options):
        password = os.environ.get("LOADTEST_PASSWORD", "")
        if len(password) < 12:
            raise CommandError(
                "LOADTEST_PASSWORD must hold the administrator's password (12 characters or more)."
            )
        if drafts < 1:
            raise CommandError("--drafts must be at least 1.")
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.invalid"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()

        # Every type in turn, newest items first (those readers see on the home page and feeds).
        newest = [
            iter(item_type.model.objects.public().filter(locale__language_code="fr").order_by("-pk")[:drafts])
            for item_type in item_types()
        ]
        pages = list(islice(_round_robin(newest), drafts))
        if not pages:
            raise CommandError("This database holds no published item: run `synthesize` first.")
        for number, page in enumerate(pages, start=1):
            page.title = f"{REVISION_MARK.sub('', page.title)} (rév. {number})"
            page.save_revision(user=user)
        with open(output, "w", encoding="utf-8") as handle:
            json.dump([page.pk for page in pages], handle)
        self.stdout.write(f"{len(pages)} drafts ready for {username}; their page ids in {output}.")


def _round_robin(iterators):
    """One from each iterator in turn until all are exhausted."""
    pending = list(iterators)
    while pending:
        for iterator in list(pending):
            try:
                yield next(iterator)
            except StopIteration:
                pending.remove(iterator)
