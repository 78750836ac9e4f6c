"""``manage.py import_commitments --commitments FILE --updates FILE``: take in an action plan."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from followup.interchange import ImportRefused, apply_import, read_files
from hub.import_files import read_input, refusal_error


class Command(BaseCommand):
    help = _(
        "Import commitments and their progress updates from UTF-8 CSV files ('-' for standard input). "
        "Both files are checked first: if any row is wrong, nothing is written and every problem is "
        "listed. Changed items get a new revision, published if they are live."
    )

    def add_arguments(self, parser):
        parser.add_argument("--commitments", metavar="FILE", help=_("commitments CSV file"))
        parser.add_argument("--updates", metavar="FILE", help=_("progress updates CSV file"))

    def handle(self, *args, **options):
        names = {name: options[name] for name in ("commitments", "updates") if options[name]}
        if not names:
            raise CommandError(_("Give --commitments FILE, --updates FILE or both."))
        data = {name: read_input(file) for name, file in names.items()}
        try:
            outcome = apply_import(*read_files(data.get("commitments"), data.get("updates")))
        except ImportRefused as refusal:
            raise refusal_error(refusal, self.stderr) from None
        for line in outcome.summary():
            self.stdout.write(line)
