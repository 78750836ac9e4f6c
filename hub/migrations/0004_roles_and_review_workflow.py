"""The three roles and the "Community review" workflow (see hub/roles.py)."""

from django.db import migrations

from hub.roles import apply_roles_in_migration


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

    operations = [migrations.RunPython(apply_roles_in_migration, migrations.RunPython.noop)]
