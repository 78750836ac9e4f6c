"""A generation token in the shared cache. Whatever is cached under one generation's token is
dropped at once by starting a new generation: cheaper and surer than finding every key a change
touches, and every process sees it at its next read of the token."""

import uuid

from django.core.cache import cache


class CacheGeneration:
    def __init__(self, key):
        self.key = key

    def current(self):
        token = cache.get(self.key)
        if token is None:
            cache.add(self.key, uuid.uuid4().hex, None)  # two processes starting: one token wins
            token = cache.get(self.key)
        return token

    def renew(self):
        cache.set(self.key, uuid.uuid4().hex, None)
