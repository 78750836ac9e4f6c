"""Community editors upload the audio and video of learning resources (see hub/roles.py)."""

from django.db import migrations

from hub.roles import apply_roles_in_migration


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial")]

    operations = [migrations.RunPython(apply_roles_in_migration, migrations.RunPython.noop)]
