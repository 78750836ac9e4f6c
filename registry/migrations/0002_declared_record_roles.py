"""Municipal partners and public bodies write and publish their own organization's declared
records, reviewers every organization's (see hub/roles.py and registry/permissions.py)."""

from django.db import migrations

from hub.roles import apply_roles_in_migration


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [migrations.RunPython(apply_roles_in_migration, migrations.RunPython.noop)]
