"""The search backend in use: the embedded one unless a later configuration says otherwise."""

from functools import cache


@cache
def get_backend():
    from .embedded import EmbeddedBackend

    return EmbeddedBackend()
