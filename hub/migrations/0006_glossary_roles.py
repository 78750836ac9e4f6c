"""Community editors add and change glossary terms; reviewers also delete them (see hub/roles.py)."""

from django.db import migrations

from hub.roles import apply_roles_in_migration


class Migration(migrations.Migration):
    dependencies = [("hub", "0005_glossaryterm")]

    operations = [migrations.RunPython(apply_roles_in_migration, migrations.RunPython.noop)]
