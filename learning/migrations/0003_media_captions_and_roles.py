"""Captions are .vtt files; community editors and reviewers get wagtailmedia's own permissions
on the hub's media collection (the ones its views ask for; see hub/roles.py)."""

import django.core.validators
from django.db import migrations, models

from hub.roles import apply_roles_in_migration


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0002_media_roles'),
        ('wagtailmedia', '0005_alter_media_options'),
    ]

    operations = [
        migrations.AlterField(
            model_name='learningmedia',
            name='captions_en',
            field=models.FileField(blank=True, help_text="A .vtt file; checked against the media's duration when uploaded.", upload_to='media/captions', validators=[django.core.validators.FileExtensionValidator(['vtt'], 'Captions must be a WebVTT file (.vtt).')], verbose_name='captions in English (WebVTT)'),
        ),
        migrations.AlterField(
            model_name='learningmedia',
            name='captions_fr',
            field=models.FileField(blank=True, help_text="A .vtt file; checked against the media's duration when uploaded.", upload_to='media/captions', validators=[django.core.validators.FileExtensionValidator(['vtt'], 'Captions must be a WebVTT file (.vtt).')], verbose_name='captions in French (WebVTT)'),
        ),
        migrations.RunPython(apply_roles_in_migration, migrations.RunPython.noop),
    ]
