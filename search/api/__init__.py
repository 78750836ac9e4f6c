"""The open API, version 1 (``/api/v1/``): the search, the CSV export of case files and one item.

Read-only (GET, HEAD, OPTIONS; anything else gets 405), open to every origin (CORS, without
credentials) and cacheable: answers carry ``ETag``, ``Last-Modified`` and ``Cache-Control``, and a
conditional request whose copy is current gets 304.

drf-spectacular describes it from this code: the serializers describe every answer (the views
build plain dicts; the tests check the answers against the schema), and the query parameters,
item types and id pattern are read from ``SearchFilterSet``, the vocabulary and the item-type
registry each time the schema is asked for, so the description cannot drift from what is
validated. The schema is served at ``/api/v1/schema/`` and shown at ``/api/v1/docs/`` (Swagger
UI from the sidecar's static files).

Validators. ``ETag``: a hash of the JSON body itself (exact), or for the streamed CSV a hash of
the search index's state token, the columns and the validated query. ``Last-Modified``: when the
current state token was first seen (kept in the cache; a cold cache or a deploy only makes it
later). Every change that reaches the public (publishing, unpublishing, privacy, moves, taxonomy,
organization and testimony edits) re-indexes the items concerned, and every index write sets a
new token, so the time moves on whenever something may have changed; for an item it is never
earlier than the item's last publication. HTTP dates count whole seconds: ``If-None-Match`` is
the exact one.

Modules: ``http`` (CORS, validators, negotiation, errors), ``serializers`` (the answers'
description), ``schema`` (the OpenAPI parameters and the schema and docs views), ``records`` (the
JSON of items and search hits), ``views`` (search, item, 404), ``items_csv`` (the CSV of each
item type that offers one).
"""
