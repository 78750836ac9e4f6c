"""Admin → Commitments progress → "Commitments as CSV": the items an account may edit, each with
its two files to download, and one form (no JavaScript) that imports them back, listing every
problem by file, line and column. Nobody sees an item they may not edit: its files answer 404, and
an import naming it is refused as if it did not exist (``followup.interchange.reading``)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hub.import_files import refusal_message

from .interchange import (
    ImportRefused,
    apply_import,
    export_commitments,
    export_updates,
    item_versions,
    read_files,
)
from .models import commitment_page_models

# An action plan is a few hundred rows: a file past this is not one.
MAX_FILE_SIZE = 5 * 1024 * 1024
EXPORTS = {"commitments": export_commitments, "updates": export_updates}


def may_use(user):
    """Whether ``user`` edits any item with commitments (or is an administrator)."""
    if not user.is_active:
        return False
    return user.is_superuser or any(
        model.pages_updated_by(user).exists() for model in commitment_page_models()
    )


class ImportForm(forms.Form):
    commitments = forms.FileField(
        label=gettext_lazy("Commitments file (CSV)"),
        required=False,
        help_text=gettext_lazy("One row per commitment and language: item, locale, number, text, owner, …"),
    )
    updates = forms.FileField(
        label=gettext_lazy("Progress updates file (CSV)"),
        required=False,
        help_text=gettext_lazy("One row per update: id, commitment, date, status, progress, note, …"),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("commitments") and not cleaned.get("updates"):
            raise forms.ValidationError(_("Choose a commitments file, an updates file or both."))
        for name in ("commitments", "updates"):
            if cleaned.get(name) and cleaned[name].size > MAX_FILE_SIZE:
                self.add_error(name, _("This file is larger than 5 MB: split it."))
        return cleaned


def items_view(request):
    """The items and their files; the import form, and what an import did or why it was refused."""
    if not may_use(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    outcome, problems, status = None, [], 200
    if request.method == "POST":
        if form.is_valid():
            data = {
                name: form.cleaned_data[name].read() if form.cleaned_data[name] else None for name in EXPORTS
            }
            try:
                outcome = apply_import(
                    *read_files(data["commitments"], data["updates"], request.user), user=request.user
                )
            except ImportRefused as refusal:
                problems = refusal.problems
        if problems or not form.is_valid():
            status = 400
    versions = item_versions(request.user)
    items = {}
    for version in versions:
        items.setdefault(version.public_id, version)
    return TemplateResponse(
        request,
        "followup/admin/commitments_csv.html",
        {
            "items": list(items.values()),
            "form": form,
            "outcome": outcome,
            "problems": {
                name: [problem.problem for problem in problems if problem.file == name] for name in EXPORTS
            },
            "refusal": refusal_message(len(problems)) if problems else "",
            "index_url": reverse("commitment_updates:index"),
        },
        status=status,
    )


def export_view(request, kind, public_id):
    """One item's commitments or updates file, in every language it has."""
    if kind not in EXPORTS or not may_use(request.user):
        raise Http404
    versions = item_versions(request.user, public_ids=[public_id])
    if not versions:
        raise Http404
    response = HttpResponse(EXPORTS[kind](versions), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{public_id}-{kind}.csv"'
    return response
