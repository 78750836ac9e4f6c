"""The three roles and the "Community review" workflow (see hub/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations


def apply_roles(apps, schema_editor):
    from hub.roles import apply_roles as apply

    # Permissions are normally created after all migrations; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    apply(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0003_communityreviewtask_partnermembership"),
        ("impacts", "0002_casefilepage_change_note_testimony_casefiletestimony"),
        ("advocacy", "0004_advocacybriefpage_change_note_and_more"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
