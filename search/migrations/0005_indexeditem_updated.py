"""Each indexed item records its latest material update (the "updated" sort and the search feeds).
Rows indexed before have the epoch until ``search_index rebuild`` (or ``sync``, which finds them
stale) writes the real value."""

import datetime

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0004_title_fulltext")]

    operations = [
        migrations.AddField(
            model_name="indexeditem",
            name="updated",
            field=models.DateTimeField(default=datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)),
            preserve_default=False,
        ),
    ]
