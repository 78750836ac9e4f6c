"""Vocabularies of learning resources, and the field that holds several of their values."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceFormat(models.TextChoices):
    EASY_READ_GUIDE = "easy-read-guide", _("Easy-to-read guide")
    FACILITATOR_GUIDE = "facilitator-guide", _("Facilitator guide")
    ACTIVITY_CARDS = "activity-cards", _("Activity cards")
    POSTER = "poster", _("Poster")
    AUDIO = "audio", _("Audio or podcast episode")
    VIDEO = "video", _("Video capsule")
    WEBINAR = "webinar", _("Webinar recording")
    SLIDES = "slides", _("Slide deck")
    QUIZ = "quiz", _("Quiz")


class Audience(models.TextChoices):
    CITIZENS = "citizens", _("Citizens")
    FACILITATORS = "facilitators", _("Facilitators in libraries and community groups")
    PUBLIC_SERVANTS = "public-servants", _("Public servants")
    ELECTED_OFFICIALS = "elected-officials", _("Elected officials")
    RESEARCHERS = "researchers", _("Researchers")


class Level(models.TextChoices):
    FIRST_STEPS = "first-steps", _("First steps")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class ResourceLanguage(models.TextChoices):
    FR = "fr", "Français"
    EN = "en", "English"
    ES = "es", "Español"
    AR = "ar", "العربية"
    HT = "ht", "Kreyòl ayisyen"
    ZH = "zh", "中文"


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "CC-BY-NC-4.0", "CC BY-NC 4.0"
    CC_BY_NC_SA = "CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0"
    CC_BY_ND = "CC-BY-ND-4.0", "CC BY-ND 4.0"
    CC_BY_NC_ND = "CC-BY-NC-ND-4.0", "CC BY-NC-ND 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"


class ChoicesListField(models.JSONField):
    """Several values of one vocabulary, stored as a list of keys and edited as checkboxes."""

    def __init__(self, *args, vocabulary=None, **kwargs):
        self.vocabulary = vocabulary
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            choices=self.vocabulary.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
        )
