"""The admin's forms for progress updates: a new update names its commitment (among those the
account may update) and, when it corrects a published update, that one; a draft's form changes
what it says, never which commitment it speaks of."""

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import CommitmentUpdate
from .permissions import updatable_commitments, visible_updates

SAID_FIELDS = ["happened_on", "status", "progress", "note", "language", "evidence_url", "evidence_title"]


def choosable_commitments(user):
    """One row per commitment ``user`` may update (its item's first version that has it), in the
    order of their items and numbers."""
    rows = updatable_commitments(user).select_related("page").order_by("page__path", "number", "pk")
    chosen = {}
    for row in rows:
        if row.translation_key not in chosen or row.pk < chosen[row.translation_key].pk:
            chosen[row.translation_key] = row
    return list(chosen.values())


class CommitmentChoiceField(forms.ChoiceField):
    """A commitment, by its translation key (the identity updates name), shown by its id and words."""

    def __init__(self, commitments, **kwargs):
        self.commitments = {str(row.translation_key): row for row in commitments}
        choices = [("", "---------")] + [
            (key, f"{row.public_id} · {Truncator(' '.join(row.text.split())).words(14)}")
            for key, row in self.commitments.items()
        ]
        super().__init__(choices=choices, **kwargs)

    def clean(self, value):
        return self.commitments[super().clean(value)]


class UpdateForm(WagtailAdminModelForm):
    """A draft's form: what the update says."""

    class Meta:
        model = CommitmentUpdate
        fields = SAID_FIELDS
        widgets = {"note": forms.Textarea(attrs={"rows": 5})}


class NewUpdateForm(UpdateForm):
    """A new update: which commitment, and, for a correction, which published update it corrects
    (given by the address, kept in a hidden field)."""

    class Meta(UpdateForm.Meta):
        fields = ["corrects", *SAID_FIELDS]
        widgets = {**UpdateForm.Meta.widgets, "corrects": forms.HiddenInput}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields = {
            "commitment": CommitmentChoiceField(
                choosable_commitments(for_user),
                label=_("Commitment"),
                help_text=_("Among the commitments of the items you may edit."),
            ),
            **self.fields,
        }
        visible = visible_updates(for_user)
        corrects = self.fields["corrects"]
        corrects.queryset = visible.published() if visible is not None else CommitmentUpdate.objects.none()

    def clean(self):
        cleaned = super().clean()
        commitment = cleaned.get("commitment")
        if commitment is not None:
            self.instance.commitment_key = commitment.translation_key
            self.instance.item_key = commitment.page.translation_key
            self.instance.__dict__["commitment"] = commitment
        return cleaned
