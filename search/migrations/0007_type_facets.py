"""Each indexed item holds the values of the facets and sorts its type declares (a register
entry's lifecycle status, technique, disclosure level and score). Rows of the types that declare
none stay as they are; their documents are unchanged. The benchmark's facet-value table takes the longer names of those facets."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0006_change_log")]

    operations = [
        migrations.AddField(
            model_name="indexeditem", name="type_facets", field=models.TextField(blank=True, default="")
        ),
        migrations.AddField(
            model_name="indexeditem", name="ranks", field=models.TextField(blank=True, default="")
        ),
        migrations.AlterField(
            model_name="indexedfacetvalue", name="facet", field=models.CharField(max_length=40)
        ),
    ]
