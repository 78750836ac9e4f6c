"""What an item page with commitments adds to ``hub.models.ItemPage`` (an agreement now, a
consultation report later): its commitments numbered before any revision holds them, a page of its own
for each, ``engagements/<n>/`` under the French version and ``commitments/<n>/`` under the
English one, and each found by its id's suffix for citations (``ItemPage.part``)."""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.models import Page
from wagtail.permissions import policy_registry

from hub.items import item_types

from ..numbering import number_parts
from .commitments import Commitment

# The word of a commitment's address in each language.
COMMITMENT_WORDS = {"fr": "engagements", "en": "commitments"}


class HasCommitments(RoutablePageMixin):
    # The many-to-many field that names the AI systems (register entries) the item is about: the
    # commitment tracker's "AI system" facet (``followup.tracker``). None for a type without one.
    systems_field = "systems"

    def serializable_data(self):
        """Every revision is written from this, on every road (the admin's "Save draft" does not
        clean the page): its new commitments get their numbers here, so a draft carries them.
        A commitment saved without one gets it as it is saved (``Commitment.save``)."""
        number_parts(self, "commitments")
        return super().serializable_data()

    def serve(self, request, view=None, args=None, kwargs=None, interface_index=None):
        """An untranslated item served by another language's index page keeps that index."""
        if interface_index is not None:
            return super().serve(request, kwargs={"interface_index": interface_index})
        return super().serve(request, view, args, kwargs)

    @re_path(r"^(?P<word>engagements|commitments)/(?P<number>[1-9][0-9]{0,8})/$", name="commitment")
    def commitment_route(self, request, word, number):
        from ..views import commitment_page

        return commitment_page(self, request, word, int(number))

    @re_path(r"^engagements/(?P<number>[1-9][0-9]{0,8})/suivre/$", name="follow_fr")
    @re_path(r"^commitments/(?P<number>[1-9][0-9]{0,8})/follow/$", name="follow_en")
    def follow_route(self, request, number):
        """The commitment page's "Follow by e-mail" form posts here, in the page's own language."""
        from ..follow_views import follow

        if request.routable_resolver_match.url_name != f"follow_{self.locale.language_code}":
            raise Http404
        return follow(request, self, int(number))

    def follow_url(self, number):
        language = self.locale.language_code
        return self.url + self.reverse_subpage(f"follow_{language}", kwargs={"number": number})

    def commitment_url(self, number):
        word = COMMITMENT_WORDS[self.locale.language_code]
        return self.url + self.reverse_subpage("commitment", kwargs={"word": word, "number": number})

    @classmethod
    def pages_updated_by(cls, user):
        """The pages of this type whose commitments' progress ``user`` may state
        (``followup.permissions``): the ones they may edit, as the page permission policy says (an
        agreement: its parties' municipal partners). A type whose progress others state too says
        so by widening this."""
        editable = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
        return cls.objects.filter(pk__in=editable.values("pk"))

    def shown_commitments(self):
        """This version's commitments, in the editors' order, read for a page or a record
        (``Commitment.for_reading``)."""
        return Commitment.for_reading(
            list(self.commitments.select_related("owner").order_by("sort_order", "pk"))
        )

    def part(self, suffix):
        """The commitment ``C<n>`` of this version; else of the version of its item that shows it,
        the original first (a translation not yet synchronized lacks the newest)."""
        if not suffix.startswith("C"):
            return None
        return self.numbered_part("commitments", int(suffix[1:]))

    def numbered_part(self, relation, number):
        """The part numbered ``number`` under ``relation`` of this version; else of the version
        of its item that has it, the original first (a translation not yet synchronized lacks
        the newest)."""
        versions = type(self).objects.public().filter(translation_key=self.translation_key)
        for version in [self, *versions.exclude(pk=self.pk).order_by("pk")]:
            part = getattr(version, relation).filter(number=number).first()
            if part is not None:
                part.__dict__["item"] = version
                return part
        return None


def commitment_item_types():
    """The registered item types (``hub.items``) whose pages have commitments, in the registry's order."""
    return [item_type for item_type in item_types() if issubclass(item_type.model, HasCommitments)]


def commitment_page_models():
    """The page models of ``commitment_item_types()``."""
    return [item_type.model for item_type in commitment_item_types()]
