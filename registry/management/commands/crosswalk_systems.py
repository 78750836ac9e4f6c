"""``manage.py crosswalk_systems FILE``: write the register's crosswalk to the official standards
(``docs/register-crosswalk.md``), or with ``--schema`` its JSON Schema
(``registry/schema/register-v1.json``), from the fields' declarations."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from hub.import_files import write_output
from registry.interchange.crosswalk import crosswalk_text
from registry.interchange.schema import schema_text


class Command(BaseCommand):
    help = _(
        "Write the crosswalk between the register's columns and the Dutch, UK, Eurocities and "
        "Canadian standards as Markdown ('-' for standard output); with --schema, the JSON Schema "
        "of the register's JSON file."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("file to write, or '-' for standard output"))
        parser.add_argument("--schema", action="store_true", help=_("write the JSON Schema instead"))

    def handle(self, *args, **options):
        text = schema_text() if options["schema"] else crosswalk_text()
        write_output(options["file"], text.encode("utf-8"), self.stdout)
