"""The hub's roles, stated once: the groups, what each may do, and the review workflow.

``apply_roles`` is idempotent and works with the migration's historical models as well as the
live ones: the data migration calls it on a fresh database, and ``ensure_site()`` calls it again
when it creates the section pages, since page permissions and the workflow hang off them. A
change to these roles ships with a data migration that calls ``apply_roles`` again.

What the roles cover comes from the item-type registry (``hub.items``, filled when the apps are
ready, before any migration runs): each type's ``publication`` road says whose section it is,
and its ``editor_permissions`` what else its writers need (the case file's testimonies).

Organizations speak for themselves through *organization records* (the register's declared
records), which feature apps name with the ``register_organization_records`` hook: municipal
partners and public bodies (ministries, agencies) write and publish those of their own
organization, the one their ``PartnerMembership`` names, and reviewers those of any organization;
the app's permission policy narrows each instance to the organization."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from wagtail import hooks

from .items import item_types

COMMUNITY_EDITORS = "Community editors"
REVIEWERS = "Reviewers"
MUNICIPAL_PARTNERS = "Municipal partners"
# Ministries and agencies: like municipal partners, an account acts for one organization (its
# ``PartnerMembership``), but it writes only that organization's records, no page.
PUBLIC_BODIES = "Public bodies"
ORGANIZATION_ROLES = (MUNICIPAL_PARTNERS, PUBLIC_BODIES)
WORKFLOW_NAME = "Community review"
REVIEW_TASK_NAME = "Reviewer approval"
# The roles' image and document permissions apply to this collection, not to the root: a
# permission on the root would reach every collection, the withdrawn testimonies' one included.
MEDIA_COLLECTION = "Hub media"

ADMIN_PERMISSIONS = ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"]
GLOSSARY_EDITOR_PERMISSIONS = ["hub.add_glossaryterm", "hub.change_glossaryterm"]
TAXONOMY_PERMISSIONS = [
    f"hub.{action}_{model}"
    for model in ("service", "region", "risk", "organization")
    for action in ("add", "change", "delete")
]


def is_reviewed(item_type):
    """Whether community editors write items of ``item_type`` (None for no type) and a reviewer
    other than the author publishes them."""
    return item_type is not None and item_type.publication == "review"


def reviewed_types():
    return [item_type for item_type in item_types() if is_reviewed(item_type)]


def partner_types():
    """The item types municipal partners write and publish (``publication="partners"``)."""
    return [item_type for item_type in item_types() if item_type.publication == "partners"]


def model_key(label):
    """``("app_label", "modelname")`` for ``"app_label.ModelName"``: how the roles find a model's
    pages with the live models and with a migration's historical ones alike."""
    app_label, model_name = label.split(".")
    return app_label, model_name.lower()


def reviewed_sections():
    """The indexes of the reviewed types: the review workflow and the editors' page permissions
    hang off them, so every item below is written by one person and published by another."""
    return [model_key(item_type.index_model) for item_type in reviewed_types()]


def writers_permissions(types):
    """The model permissions writing items of ``types`` takes besides their pages, in order."""
    return list(dict.fromkeys(name for item_type in types for name in item_type.editor_permissions))


def organization_records():
    """The ``"app_label.ModelName"`` of each model an organization writes about itself, from the
    ``register_organization_records`` hooks (each returns one label)."""
    return [hook() for hook in hooks.get_hooks("register_organization_records")]


def organization_record_permissions():
    """Add, change and publish (unpublishing included) each organization record; deleting one,
    like deleting a page, is the administrators'."""
    return [
        f"{app_label}.{action}_{model_name}"
        for app_label, model_name in map(model_key, organization_records())
        for action in ("add", "change", "publish")
    ]


def acts_for_an_organization(user):
    """Whether ``user`` acts for one organization (its partner membership) and only for it:
    administrators never do."""
    return (
        user.is_active and not user.is_superuser and user.groups.filter(name__in=ORGANIZATION_ROLES).exists()
    )


def roles():
    """``{group name: what it may do}``, from the item types registered (apps are ready)."""
    editor_permissions = [*ADMIN_PERMISSIONS, "hub.add_organization", *writers_permissions(reviewed_types())]
    reviewed = reviewed_sections()
    record_permissions = organization_record_permissions()
    return {
        COMMUNITY_EDITORS: {
            "permissions": editor_permissions + GLOSSARY_EDITOR_PERMISSIONS,
            "pages": {section: ["add_page", "change_page"] for section in reviewed},
            "collection": [
                "wagtailimages.add_image",
                "wagtailimages.choose_image",
                "wagtaildocs.add_document",
                "wagtaildocs.choose_document",
                # wagtailmedia has no "choose": an editor chooses the recordings they uploaded.
                "wagtailmedia.add_media",
            ],
        },
        REVIEWERS: {
            "permissions": editor_permissions
            + GLOSSARY_EDITOR_PERMISSIONS
            + ["hub.delete_glossaryterm"]
            + TAXONOMY_PERMISSIONS
            + record_permissions,
            "pages": {section: ["add_page", "change_page", "publish_page"] for section in reviewed},
            "collection": [
                "wagtailimages.add_image",
                "wagtailimages.change_image",
                "wagtailimages.choose_image",
                "wagtaildocs.add_document",
                "wagtaildocs.change_document",
                "wagtaildocs.choose_document",
                "wagtailmedia.add_media",
                "wagtailmedia.change_media",
            ],
        },
        MUNICIPAL_PARTNERS: {
            "permissions": ADMIN_PERMISSIONS + writers_permissions(partner_types()) + record_permissions,
            "pages": {
                model_key(item_type.index_model): ["add_page", "change_page", "publish_page"]
                for item_type in partner_types()
            },
            "collection": [
                "wagtailimages.choose_image",
                "wagtaildocs.add_document",
                "wagtaildocs.choose_document",
            ],
        },
        PUBLIC_BODIES: {"permissions": ADMIN_PERMISSIONS + record_permissions, "pages": {}, "collection": []},
    }


# Wagtail's starter groups hold add, change and publish on the whole tree: an account put in
# one by mistake would bypass every rule above. Removed while nobody belongs to them.
WAGTAIL_STARTER_GROUPS = ("Editors", "Moderators")


def apply_roles(apps=global_apps):
    """Create or complete the groups, their permissions and the review workflow."""
    groups = {name: _apply_role(apps, name, spec) for name, spec in roles().items()}
    _apply_workflow(apps, groups[REVIEWERS])
    apps.get_model("auth", "Group").objects.filter(
        name__in=WAGTAIL_STARTER_GROUPS, user__isnull=True
    ).delete()
    return groups


def apply_roles_in_migration(apps, schema_editor):
    """A data migration's step: create the permissions the roles need (Django normally does it
    after all migrations), then apply the roles with the migration's models."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    apply_roles(apps)


MODEL_ACTIONS = ("add", "change", "delete", "view")
PUBLISH = "publish"  # a draftable snippet's; Wagtail creates it after the migrations, we on demand


def _not_created_yet(apps, dotted_name):
    """True for a model permission (add, change, delete, view, publish) of a model that the migration
    state ``apps`` does not have yet: the migration that creates it applies the roles again."""
    app_label, codename = dotted_name.split(".")
    action, _separator, model_name = codename.partition("_")
    if action not in (*MODEL_ACTIONS, PUBLISH):
        return False
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return True
    return False


def _permission(apps, dotted_name):
    permission_model = apps.get_model("auth", "Permission")
    app_label, codename = dotted_name.split(".")
    action, _separator, model_name = codename.partition("_")
    if action == PUBLISH:
        model = apps.get_model(app_label, model_name)
        content_type = apps.get_model("contenttypes", "ContentType").objects.get(
            app_label=app_label, model=model_name
        )
        permission, _created = permission_model.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can publish {model._meta.verbose_name_raw}"},
        )
        return permission
    return permission_model.objects.get(content_type__app_label=app_label, codename=codename)


def _section_pages(apps, section):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    page_model = apps.get_model("wagtailcore", "Page")
    app_label, model_name = section
    content_type = content_type_model.objects.filter(app_label=app_label, model=model_name).first()
    return list(page_model.objects.filter(content_type=content_type)) if content_type else []


def _apply_role(apps, name, spec):
    group_model = apps.get_model("auth", "Group")
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _created = group_model.objects.get_or_create(name=name)
    group.permissions.add(
        *[
            _permission(apps, permission)
            for permission in spec["permissions"]
            if not _not_created_yet(apps, permission)
        ]
    )
    for section, codenames in spec["pages"].items():
        for page in _section_pages(apps, section):
            for codename in codenames:
                page_permission_model.objects.get_or_create(
                    group=group, page=page, permission=_permission(apps, f"wagtailcore.{codename}")
                )
    media = media_collection(apps)
    for permission in spec["collection"]:
        if _not_created_yet(apps, permission):
            continue
        collection_permission_model.objects.get_or_create(
            group=group, collection=media, permission=_permission(apps, permission)
        )
    collection_permission_model.objects.filter(group=group, collection__depth=1).delete()
    return group


def media_collection(apps=global_apps):
    """The shared media collection, created under the root if missing. Images and documents
    left at the root are moved into it, so every role can choose them."""
    collection_model = apps.get_model("wagtailcore", "Collection")
    root = collection_model.objects.get(depth=1)
    media = collection_model.objects.filter(depth=2, name=MEDIA_COLLECTION).first()
    if media is None:
        media = collection_model.objects.create(
            name=MEDIA_COLLECTION,
            path=root.path + _next_step(collection_model.objects.filter(depth=2, path__startswith=root.path)),
            depth=2,
            numchild=0,
        )
        collection_model.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    for model in (apps.get_model("wagtailimages", "Image"), apps.get_model("wagtaildocs", "Document")):
        model.objects.filter(collection=root).update(collection=media)
    return media


TREE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _next_step(siblings):
    """The next four-character path step after ``siblings`` (treebeard's materialised path;
    written out because migrations see models without treebeard's methods)."""
    last = max((sibling.path[-4:] for sibling in siblings), default="0000")
    number = int(last, 36) + 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = TREE_ALPHABET[digit] + step
    return step.rjust(4, "0")


def _apply_workflow(apps, reviewers):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")
    task_model = apps.get_model("hub", "CommunityReviewTask")

    workflow, _created = workflow_model.objects.get_or_create(name=WORKFLOW_NAME)
    task = task_model.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = task_model.objects.create(
            name=REVIEW_TASK_NAME,
            content_type=content_type_model.objects.get_for_model(task_model),
            active=True,
        )
    task.groups.add(reviewers)
    workflow_task_model.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Wagtail's default "Moderators approval" on the root would ask a group with no members to
    # approve agreements, which their parties publish themselves.
    workflow_page_model.objects.filter(page__depth=1, workflow__name="Moderators approval").delete()
    for section in reviewed_sections():
        for page in _section_pages(apps, section):
            workflow_page_model.objects.update_or_create(page=page, defaults={"workflow": workflow})
