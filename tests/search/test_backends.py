"""Every search backend speaks the one interface callers use (``SearchBackend``)."""

import inspect

import pytest

from search.backends import get_backend
from search.backends.base import SearchBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.backends.mirrored import MirroredBackend


@pytest.mark.parametrize("backend_class", [EmbeddedBackend, ElasticsearchBackend, MirroredBackend])
def test_every_backend_implements_the_whole_interface(backend_class):
    assert issubclass(backend_class, SearchBackend)
    assert not inspect.isabstract(backend_class), sorted(backend_class.__abstractmethods__)
    assert SearchBackend.__abstractmethods__ <= {
        name for name, member in vars(backend_class).items() if callable(member)
    }


def test_the_mirror_is_a_backend_over_two_backends():
    mirror = MirroredBackend(ElasticsearchBackend(client=None), EmbeddedBackend())
    assert isinstance(mirror, SearchBackend)
    assert mirror.name == "elasticsearch"


def test_the_backend_in_use_is_a_search_backend(settings):
    settings.ELASTICSEARCH_URL = ""
    get_backend.cache_clear()
    try:
        assert isinstance(get_backend(), SearchBackend)
    finally:
        get_backend.cache_clear()


def test_a_backend_without_the_whole_interface_cannot_be_made():
    class Partial(SearchBackend):
        def search(self, query, with_facets=True):
            return None

    with pytest.raises(TypeError):
        Partial()


class Recording(SearchBackend):
    """Writes kept in a list: the shared ``rebuild`` clears, then loads in chunks."""

    def __init__(self):
        self.calls = []

    def search(self, query, with_facets=True):
        raise NotImplementedError

    def stored_fingerprints(self):
        return {}

    def replace(self, public_ids, documents):
        self.calls.append(("replace", list(documents)))

    def delete_keys(self, keys):
        self.calls.append(("delete", sorted(keys)))

    def clear(self):
        self.calls.append(("clear",))

    def bulk_load(self, documents):
        self.calls.append(("load", list(documents)))


def test_the_shared_rebuild_clears_then_loads_in_chunks():
    backend = Recording()
    assert backend.rebuild(iter(range(5)), chunk_size=2) == 5
    assert backend.calls == [("clear",), ("load", [0, 1]), ("load", [2, 3]), ("load", [4])]
