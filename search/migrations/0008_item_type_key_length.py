"""An item type's key may be longer than the first types' (``learning_resource``): PostgreSQL
refused to index such an item. The full-text structures beside the table (FTS5 tables keyed by
the row's id on SQLite, the ``tsvector`` column on PostgreSQL) are untouched."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0007_type_facets")]

    operations = [
        migrations.AlterField(model_name="indexeditem", name="item_type", field=models.CharField(max_length=40)),
    ]
