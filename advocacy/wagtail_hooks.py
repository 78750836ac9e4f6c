"""Admin rules for municipal partners: other organizations' agreements are not theirs to see
in the page explorer or choosers (their permission tester already refuses every action)."""

from django.contrib.contenttypes.models import ContentType
from wagtail import hooks

from hub.models import partner_organization_key

from .models import AgreementParty, CollaborationAgreementPage, acts_as_partner


def hide_other_organizations_agreements(pages, request):
    if not acts_as_partner(request.user):
        return pages
    own = AgreementParty.objects.filter(
        organization__translation_key=partner_organization_key(request.user)
    ).values("agreement_id")
    agreement_type = ContentType.objects.get_for_model(CollaborationAgreementPage)
    return pages.exclude(content_type=agreement_type) | pages.filter(pk__in=own)


@hooks.register("construct_explorer_page_queryset")
def explorer_pages(parent_page, pages, request):
    return hide_other_organizations_agreements(pages, request)


@hooks.register("construct_page_chooser_queryset")
def chooser_pages(pages, request):
    return hide_other_organizations_agreements(pages, request)
