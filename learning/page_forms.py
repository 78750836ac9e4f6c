"""The learning resource's admin form: the editor who publishes or submits a version whose audio
or video lacks what publishing asks is told on the form, before anything is saved as published,
rather than at the last guard (``publication_problems``)."""

from wagtail.admin.forms import WagtailAdminPageForm

from .media_rules import media_problems

PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-workflow-action")


class LearningResourcePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if not any(action in self.data for action in PUBLISHING_ACTIONS):
            return cleaned_data
        if "format" in self.errors or "recording" in self.errors:
            return cleaned_data
        page = self.instance
        page.format = cleaned_data.get("format")
        page.recording = cleaned_data.get("recording")
        for problem in media_problems(page):
            self.add_error(None, problem)
        return cleaned_data
