"""A log of the items each index write adds and removes, so that processes holding facet bitmaps
apply what changed instead of reading a whole language again."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0005_indexeditem_updated")]

    operations = [
        migrations.AddField(model_name="indexstate", name="position", field=models.BigIntegerField(default=0)),
        migrations.CreateModel(
            name="IndexChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("locale", models.CharField(max_length=8)),
                ("item_id", models.BigIntegerField()),
                ("added", models.BooleanField()),
                ("token", models.CharField(max_length=32)),
            ],
        ),
    ]
