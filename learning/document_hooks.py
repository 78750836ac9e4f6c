"""The editor's side of the document rule (``learning.document_rules``): the edit and create
views explain a refused publication on the edit page, keeping the draft, instead of failing at
the model's last guard."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from .document_rules import document_problems
from .models import LearningResourcePage


@hooks.register("before_publish_page")
def refuse_publishing_inaccessible_files(request, page):
    if not isinstance(page, LearningResourcePage):
        return None
    problems = document_problems(page)
    if not problems:
        return None
    for problem in problems:
        messages.error(request, problem)
    return redirect("wagtailadmin_pages:edit", page.pk)
