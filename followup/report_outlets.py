"""What the outlets (search, items API, citations, the page) ask of a consultation report: the
overrides of ``hub.models.ItemPage``'s defaults, the value of the response facet the report
declares (``followup.items``), and what its page reads once per page object: its themes as shown
(``followup.quotes``), its dialogues with their sessions, its recommendations with their
commitments."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hub.items import prepare_listed
from hub.organization_names import localized

from .quotes import shown_themes


def reader_language(page):
    return (translation.get_language() or page.content_language)[:2]


class ReportOutlets:
    # --- read once per page object (a list reads them at once: ``prepare_listed``) ---

    @property
    def shown_themes(self):
        """Its themes as shown: the quotes of testimonies not shown publicly left out."""
        if "_shown_themes" not in self.__dict__:
            self.__dict__["_shown_themes"] = shown_themes([self])[self.pk]
        return self.__dict__["_shown_themes"]

    @classmethod
    def prepare_listed(cls, pages):
        """Every report's shown themes, read for the whole list at once."""
        themes = shown_themes(pages)
        for page in pages:
            page.__dict__["_shown_themes"] = themes[page.pk]

    def reported_dialogues(self):
        """The public dialogues it reports on, in its order, each in this version's language where
        translated into it, with their schedules read at once (``dialogues``' ``prepare_listed``):
        a bounded number of queries however many there are."""
        chosen = [page.pk for page in self.dialogues.all()]
        model = type(self)._meta.get_field("dialogues").related_model
        public = {
            page.pk: page for page in model.objects.public().filter(pk__in=chosen).select_related("locale")
        }
        dialogues = [public[pk] for pk in chosen if pk in public]
        translations = {
            page.translation_key: page
            for page in model.objects.public()
            .filter(
                translation_key__in=[page.translation_key for page in dialogues], locale_id=self.locale_id
            )
            .select_related("locale")
        }
        return prepare_listed([translations.get(page.translation_key, page) for page in dialogues])

    def shown_recommendations(self):
        """Its recommendations in the editors' order, each knowing the body that answered (in the
        reader's language) and the commitments that follow from it (``follow``), read in a
        bounded number of queries however many there are."""
        recommendations = list(
            self.recommendations.select_related("responding_body").order_by("sort_order", "pk")
        )
        bodies = [recommendation.responding_body or self.addressed_to for recommendation in recommendations]
        shown_bodies = iter(localized([body for body in bodies if body is not None], reader_language(self)))
        commitments = self.shown_commitments()
        for recommendation, body in zip(recommendations, bodies, strict=True):
            recommendation.__dict__["item"] = self
            recommendation.__dict__["answering_body"] = next(shown_bodies) if body is not None else None
            recommendation.follow = [
                commitment for commitment in commitments if commitment.recommendation == recommendation.number
            ]
        return recommendations

    # --- search: what it asks of an item ---

    @classmethod
    def search_related(cls, pages):
        return pages.prefetch_related("recommendations", "commitments")

    def search_body_parts(self):
        """The mandate, the method, who was missing, what was heard (quotes shown only), the
        recommendations with the reasons of their responses, the commitments."""
        parts = [self.outside_consultation, self.decided_by, self.could_change, self.method, self.missing]
        for theme in self.shown_themes:
            parts += [theme.title, theme.account, *(quote.text for quote in theme.quotes)]
        for recommendation in self.recommendations.all():
            parts += [recommendation.text, recommendation.response_reasons]
        for commitment in self.commitments.all():
            parts += [commitment.text, commitment.owner_role]
        return parts

    def response_facet(self):
        """Every response its recommendations have ("awaiting" for those without one)."""
        return sorted({recommendation.response_key for recommendation in self.recommendations.all()})

    # --- items API: what it asks of an item ---

    def api_record(self, api):
        from .report_records import report_record

        return report_record(self, api)

    # --- citations: what it asks of an item ---

    def citation_heading(self):
        return _("Cite this report")

    def citation_authors(self):
        """Who asked for the consultation, when the report names it."""
        body = self.commissioned_by
        return [("", body.name, {})] if body is not None else []

    def part(self, suffix):
        """A recommendation ``R<n>``; else what ``HasCommitments`` finds (a commitment ``C<n>``)."""
        if suffix.startswith("R"):
            return self.numbered_part("recommendations", int(suffix[1:]))
        return super().part(suffix)
