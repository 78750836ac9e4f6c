"""Full-text structures the ORM cannot declare: an FTS5 table on SQLite, a weighted tsvector
column with a GIN index on PostgreSQL. Both hold terms already analysed by search.text."""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fulltext USING fts5(title_terms, body_terms, tokenize='unicode61')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fulltext"]
POSTGRES_FORWARD = [
    "ALTER TABLE search_indexeditem ADD COLUMN search_vector tsvector",
    "CREATE INDEX search_item_vector ON search_indexeditem USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_item_vector",
    "ALTER TABLE search_indexeditem DROP COLUMN IF EXISTS search_vector",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
