"""Item types declared differently for a test, as a new app would declare its own: what an
outlet shows of them must come from the registry (``hub.items``) alone."""

import dataclasses
from contextlib import contextmanager

from hub.items import item_types, register, unregister


@contextmanager
def redeclared(key, /, **changes):
    """The registry with the type ``key`` replaced by a copy carrying ``changes`` (a new key,
    section, label, CSL or schema.org type...), in the same place; restored afterwards."""
    originals = item_types()
    replaced = [
        dataclasses.replace(item_type, **changes) if item_type.key == key else item_type
        for item_type in originals
    ]
    _declare(replaced)
    try:
        yield next(item_type for item_type in replaced if item_type not in originals)
    finally:
        _declare(originals)


def _declare(types):
    for item_type in item_types():
        unregister(item_type.key)
    for item_type in types:
        register(item_type)
