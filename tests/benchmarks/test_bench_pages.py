"""bench_pages refuses sizes it cannot compare, naming the argument, before building anything."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


@pytest.mark.parametrize(
    ("options", "argument"),
    [
        ({"count": 1000, "small": 1000}, "--small"),
        ({"count": 5}, "--count"),
        ({"count": 1000, "repeat": 0}, "--repeat"),
    ],
)
def test_sizes_that_cannot_be_compared_are_refused_by_name(options, argument):
    with pytest.raises(CommandError, match=argument):
        call_command("bench_pages", **options)
