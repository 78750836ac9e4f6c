"""The one rule for images, documents and audio/video (wagtailmedia's model, with its thumbnail
and caption files): a visitor may fetch one only while a live, public page shows it.

"Shows" means the page's live content chooses it (a chooser in a StreamField or a foreign key),
as Wagtail's reference index records it. The index is rebuilt from the page's database row on
every save, and a live page's row holds its published content (drafts live in revisions), so
restricting the rows to ``Page.objects.live().public()`` gives what visitors can see. A
never-published page's row holds its draft: ``live()`` leaves it out.

Feature apps that show media outside a page's own content register a *gate* (see
``register_gate``): the testimonies of ``impacts`` decide alone for their photos and letters;
``learning`` makes a played recording's described and sign-language versions public with it.
Everything is computed from the database when asked, so the rule holds whatever the road that
created the file or attached it (admin, API, ORM script).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

ADMIN_ACTIONS = ["change", "choose"]

_gates = []


def register_gate(gate):
    """Add a gate: an object with ``governed(model)``, a queryset of the ids of ``model`` it
    decides for (or None), and ``public_ids(model, ids=None)``, the set of those it makes public
    (within ``ids`` when given). For a governed id, a page using it directly does not count: a
    testimony's photo chosen again in a page body stays the testimony's to publish."""
    if gate not in _gates:
        _gates.append(gate)


def used_by_public_pages(model, ids=None):
    """A subquery of the ids of ``model`` that the live content of a live, public page uses."""
    public_pages = Page.objects.live().public().annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(model),
        object_id__in=public_pages,
    )
    if ids is not None:
        references = references.filter(to_object_id__in=[str(pk) for pk in ids])
    return references.annotate(media_id=Cast("to_object_id", IntegerField())).values("media_id")


def public_filter(model, ids=None):
    """A ``Q`` on ``model`` (an image or document model) that keeps the public ones only."""
    governed = Q(pk__in=[])
    public_through_gates = set()
    for gate in _gates:
        governed_ids = gate.governed(model)
        if governed_ids is None:
            continue
        governed |= Q(pk__in=governed_ids)
        public_through_gates |= gate.public_ids(model, ids)
    return (Q(pk__in=used_by_public_pages(model, ids)) & ~governed) | Q(pk__in=public_through_gates)


def public_media(queryset):
    """``queryset`` of images or documents narrowed to the public ones."""
    return queryset.filter(public_filter(queryset.model))


def is_public(instance):
    model = type(instance)
    return model.objects.filter(public_filter(model, [instance.pk]), pk=instance.pk).exists()


def may_manage(user, instance):
    """Whether ``user`` may see ``instance`` in the admin (Wagtail's collection permissions):
    editors' previews of drafts must still show their images."""
    if not (user.is_authenticated and user.is_active):
        return False
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_any_permission_for_instance(user, ADMIN_ACTIONS, instance)
