"""The default shared cache (``hub.file_cache``): Django's file cache, which stays within its
size but no longer lists its whole folder at every write."""

from hub import file_cache
from hub.file_cache import FileCache


def test_the_cache_stays_within_its_size_and_lists_its_folder_once_every_hundred_writes(
    tmp_path, monkeypatch
):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 300}})
    listings = []
    list_files = FileCache._list_cache_files
    monkeypatch.setattr(FileCache, "_list_cache_files", lambda self: listings.append(1) or list_files(self))

    sizes = []
    for number in range(2000):
        cache.set(f"key-{number}", number)
        sizes.append(len(list(tmp_path.glob("*.djcache"))))

    assert len(listings) == 2000 // file_cache.CULL_EVERY
    assert 300 <= max(sizes) <= 300 + file_cache.CULL_EVERY
    assert cache.get("key-1999") == 1999
