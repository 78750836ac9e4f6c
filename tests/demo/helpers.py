"""What the demo's tests share: running ``load_demo`` and reading its texts."""

import re
from io import StringIO

from django.core.management import call_command


def run_load_demo(*args):
    output = StringIO()
    call_command("load_demo", *args, stdout=output)
    return output.getvalue()


def sentences(text):
    return [sentence for sentence in re.split(r"[.!?]+", text) if sentence.strip()]
