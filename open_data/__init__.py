"""Open data: the whole published dataset as static files, the data dictionary that says what
every column means, and their two pages.

- ``files``: the files' names and licence, the folder's lock and stale mark, the manifest, and
  which generation this database built (``OpenDataGeneration``);
- ``build``: one generation, written whole in a staging folder and then put in place;
- ``dictionary``: the data dictionary, generated from the item types' columns;
- ``tasks``: the rebuild after every committed change (``hub.changes.items_changed``);
- ``views``, ``urls``, the ``build_open_data`` command.

What each item type's files hold is declared by the type (``hub.data_files``); nothing here
names one."""
