"""Open data: the whole published dataset as static files, the data dictionary that says what
every column means, and their two pages.

- ``files``: the files' names and licence, the folder's lock and stale mark, the manifest, and
  which generation this database built (``OpenDataGeneration``);
- ``build``: one generation, written whole in a staging folder and then put in place;
- ``reuse``: what a build after a change copies from the previous files (unchanged items);
- ``dictionary``: the data dictionary, generated from the item types' columns;
- ``tasks``: the build after committed changes (``hub.changes.items_changed``), at most once
  per ``OPEN_DATA_MIN_INTERVAL``;
- ``views``, ``urls``, the ``build_open_data`` command.

What each item type's files hold is declared by the type (``hub.data_files``); nothing here
names one."""
