"""Admin forms of the hub's own."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.forms import TaskStateCommentForm


class ReviewCommentForm(TaskStateCommentForm):
    """Requesting changes without saying which ones helps nobody: the comment is required."""

    comment = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea({"rows": 3}),
        help_text=_("The author sees this in the admin. It is never published."),
    )


class GlossaryTermForm(WagtailAdminModelForm):
    """Related terms are chosen among the other terms of the same language: each language's
    glossary page links only to its own definitions."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("related_terms")
        if field is not None:
            choices = field.queryset.filter(locale_id=self.instance.locale_id).order_by("term")
            field.queryset = choices.exclude(pk=self.instance.pk) if self.instance.pk else choices
