"""On SQLite, titles get an FTS5 table of their own: relevance asks which matches hold every
word in their title, and a titles-only index answers that without scanning the bodies."""

from django.db import migrations

STRIDE = 2**40


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("CREATE VIRTUAL TABLE search_titles USING fts5(title_terms, tokenize='unicode61')")
    schema_editor.execute(
        "INSERT INTO search_titles(rowid, title_terms) "
        f"SELECT id + (CASE locale WHEN 'en' THEN {STRIDE} ELSE 0 END), title_terms FROM search_indexeditem"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_titles")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_index_state")]

    operations = [migrations.RunPython(create, drop)]
