"""The hub's roles, stated once: the groups, what each may do, and the review workflow.

``apply_roles`` is idempotent and works with the migration's historical models as well as the
live ones: the data migration calls it on a fresh database, and ``ensure_site()`` calls it again
once the section pages exist, since page permissions and the workflow hang off those pages."""

from django.apps import apps as global_apps

COMMUNITY_EDITORS = "Community editors"
REVIEWERS = "Reviewers"
MUNICIPAL_PARTNERS = "Municipal partners"
WORKFLOW_NAME = "Community review"
REVIEW_TASK_NAME = "Reviewer approval"
CASEFILE_INDEX = ("impacts", "casefileindexpage")
BRIEF_INDEX = ("advocacy", "advocacybriefindexpage")
AGREEMENT_INDEX = ("advocacy", "collaborationagreementindexpage")
REVIEWED_SECTIONS = (CASEFILE_INDEX, BRIEF_INDEX)

EDITOR_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    "hub.add_organization",
    "impacts.add_testimony",
    "impacts.change_testimony",
    "impacts.withdraw_testimony",
]
TAXONOMY_PERMISSIONS = [
    f"hub.{action}_{model}"
    for model in ("service", "region", "risk", "organization")
    for action in ("add", "change", "delete")
]

ROLES = {
    COMMUNITY_EDITORS: {
        "permissions": EDITOR_PERMISSIONS,
        "pages": {section: ["add_page", "change_page"] for section in REVIEWED_SECTIONS},
        "collection": [
            "wagtailimages.add_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
        ],
    },
    REVIEWERS: {
        "permissions": EDITOR_PERMISSIONS + TAXONOMY_PERMISSIONS,
        "pages": {section: ["add_page", "change_page", "publish_page"] for section in REVIEWED_SECTIONS},
        "collection": [
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
        ],
    },
    MUNICIPAL_PARTNERS: {
        "permissions": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
        "pages": {AGREEMENT_INDEX: ["add_page", "change_page", "publish_page"]},
        "collection": [
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
        ],
    },
}


def apply_roles(apps=global_apps):
    """Create or complete the groups, their permissions and the review workflow."""
    groups = {name: _apply_role(apps, name, spec) for name, spec in ROLES.items()}
    _apply_workflow(apps, groups[REVIEWERS])
    return groups


def _permission(apps, dotted_name):
    permission_model = apps.get_model("auth", "Permission")
    app_label, codename = dotted_name.split(".")
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
    collection_model = apps.get_model("wagtailcore", "Collection")

    group, _created = group_model.objects.get_or_create(name=name)
    group.permissions.add(*[_permission(apps, permission) for permission in spec["permissions"]])
    for section, codenames in spec["pages"].items():
        for page in _section_pages(apps, section):
            for codename in codenames:
                page_permission_model.objects.get_or_create(
                    group=group, page=page, permission=_permission(apps, f"wagtailcore.{codename}")
                )
    root_collection = collection_model.objects.filter(depth=1).first()
    if root_collection is not None:
        for permission in spec["collection"]:
            collection_permission_model.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, permission)
            )
    return group


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
    for section in REVIEWED_SECTIONS:
        for page in _section_pages(apps, section):
            workflow_page_model.objects.update_or_create(page=page, defaults={"workflow": workflow})
