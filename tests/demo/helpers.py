"""What the demo's tests share: running ``load_demo``, finding its French pages, reading its texts."""

import re
from io import StringIO

from django.core.management import call_command


def run_load_demo(*args):
    output = StringIO()
    call_command("load_demo", *args, stdout=output)
    return output.getvalue()


def sentences(text):
    return [sentence for sentence in re.split(r"[.!?]+", text) if sentence.strip()]


def french(model):
    return model.objects.filter(locale__language_code="fr")


def assert_fictional_summaries(test, page):
    """The summary says the item is fictional; the plain summary says it is made up, in
    sentences of 15 words at most."""
    test.assertRegex(page.summary.lower(), r"fictif|fictive|fictional")
    test.assertRegex(page.plain_summary.lower(), r"invent|made up")
    for sentence in sentences(page.plain_summary):
        test.assertLessEqual(len(sentence.split()), 15, sentence)
