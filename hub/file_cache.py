"""The default shared cache: Django's file cache, culled now and then rather than at every write.

Django's ``FileBasedCache`` lists every file of its folder at each write to see whether it holds
more than ``MAX_ENTRIES``. With the thousands of fragments, references and search terms a busy
hub keeps, that listing took a sixth of the server's time in the load test (100,000 items).
Here a process looks once every ``CULL_EVERY`` writes, so the folder may hold up to that many
entries per process beyond ``MAX_ENTRIES`` before it is culled as Django culls it."""

import itertools

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 100


class FileCache(FileBasedCache):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._writes = itertools.count()  # next() on it is atomic: threads share the backend

    def _cull(self):
        if next(self._writes) % CULL_EVERY == 0:
            super()._cull()
