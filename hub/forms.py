"""Admin forms of the hub's own."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm


class ReviewCommentForm(TaskStateCommentForm):
    """Requesting changes without saying which ones helps nobody: the comment is required."""

    comment = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea({"rows": 3}),
        help_text=_("The author sees this in the admin. It is never published."),
    )
