"""The admin's form of a consultation report: it says, on the field or the inline concerned, what
``ReportPage.clean`` refuses on every road, reading what the editor just chose (the page's
``clean`` runs before the form hands it its dialogues, recommendations and commitments)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .numbering import give_numbers


def kept_forms(formset):
    """The forms of ``formset`` that will be saved (valid, filled in, not deleted)."""
    if formset is None or not formset.is_valid():
        return []
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]


class ReportPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        dialogues = cleaned_data.get("dialogues")
        if dialogues is not None:
            self.instance.dialogues = list(dialogues)
        # The recommendations' own checks read the body the report is addressed to.
        self.instance.addressed_to = cleaned_data.get("addressed_to")
        if not dialogues and not (cleaned_data.get("outside_consultation") or "").strip():
            self.add_error(
                "dialogues",
                _(
                    "Say what this report is about: choose its dialogues, or name the consultation held elsewhere."
                ),
            )
        recommendation_forms = kept_forms(self.formsets.get("recommendations"))
        for form in recommendation_forms:
            for field, message in form.instance.response_problems(self.instance.addressed_to_id).items():
                if field not in form.errors:
                    form.add_error(field, message)
        recommendations = [form.instance for form in recommendation_forms]
        give_numbers(self.instance, recommendations, "recommendations")
        numbers = {recommendation.number for recommendation in recommendations}
        for form in kept_forms(self.formsets.get("commitments")):
            number = form.cleaned_data.get("recommendation")
            if number and number not in numbers:
                form.add_error(
                    "recommendation",
                    _("This report has no recommendation n° %(number)s.") % {"number": number},
                )
                self.add_error(
                    None, _("A commitment follows from a recommendation this report does not have.")
                )
        return cleaned_data
