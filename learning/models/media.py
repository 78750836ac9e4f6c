"""The hub's audio and video (``wagtailmedia``'s media model): with each file, what WCAG 2.1 AA
asks of prerecorded media, in each language it is published in: captions (WebVTT) and a
transcript for a video, a transcript for an audio, and a decision on audio description.

Per-language fields rather than rows: the hub speaks the two languages of
``WAGTAIL_CONTENT_LANGUAGES``, and wagtailmedia's edit form is built from the model's fields."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtailmedia.models import AbstractMedia

CAPTION_FIELDS = ("captions_fr", "captions_en")
captions_extension = FileExtensionValidator(["vtt"], _("Captions must be a WebVTT file (.vtt)."))


def captions_field(verbose_name):
    return models.FileField(
        verbose_name,
        upload_to="media/captions",
        blank=True,
        validators=[captions_extension],
        help_text=_("A .vtt file; checked against the media's duration when uploaded."),
    )


class AudioDescription(models.TextChoices):
    NOT_NEEDED = "not-needed", _("Not needed: everything shown is also said")
    DESCRIBED_VERSION = "described-version", _("A described version exists")
    TEXT_ALTERNATIVE = (
        "text-alternative",
        _("The transcript describes everything shown (full text alternative)"),
    )


class SignLanguage(models.TextChoices):
    LSQ = "lsq", _("Langue des signes québécoise (LSQ)")
    ASL = "asl", _("American Sign Language (ASL)")


class LearningMedia(AbstractMedia):
    spoken_language = models.CharField(
        _("spoken language"),
        max_length=5,
        blank=True,
        choices=[("fr", "Français"), ("en", "English")],
        help_text=_("Leave empty when nothing is said (music, sounds)."),
    )
    captions_fr = captions_field(_("captions in French (WebVTT)"))
    captions_en = captions_field(_("captions in English (WebVTT)"))
    transcript_fr = models.TextField(_("transcript in French"), blank=True)
    transcript_en = models.TextField(_("transcript in English"), blank=True)
    audio_description = models.CharField(
        _("audio description"),
        max_length=20,
        blank=True,
        choices=AudioDescription.choices,
        help_text=_(
            "For a video: does a person who cannot see it miss anything? Publishing waits for this answer."
        ),
    )
    described_version = models.ForeignKey(
        "self",
        verbose_name=_("described version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The same video with audio description."),
    )
    sign_language_version = models.ForeignKey(
        "self",
        verbose_name=_("sign-language version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sign_language = models.CharField(
        _("sign language of that version"), max_length=5, blank=True, choices=SignLanguage.choices
    )

    admin_form_fields = AbstractMedia.admin_form_fields + (
        "spoken_language",
        "captions_fr",
        "captions_en",
        "transcript_fr",
        "transcript_en",
        "audio_description",
        "described_version",
        "sign_language_version",
        "sign_language",
    )

    class Meta(AbstractMedia.Meta):
        verbose_name = _("audio or video")
        verbose_name_plural = _("audio and video")

    def clean(self):
        """The links between versions make sense, whatever form or script sets them."""
        super().clean()
        errors = {}
        described = self.described_version
        if described is not None and (described.pk == self.pk or described.type != "video"):
            errors["described_version"] = _("Choose another video: the same video with audio description.")
        if self.sign_language_version_id and not self.sign_language:
            errors["sign_language"] = _("Say which sign language the sign-language version uses.")
        if self.sign_language and not self.sign_language_version_id:
            errors["sign_language_version"] = _(
                "Choose the sign-language version, or leave its language empty."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def caption_tracks(self):
        """The player's ``<track>``s: one per language with captions, labelled in its language."""
        names = dict(self._meta.get_field("spoken_language").choices)
        return [
            {"url": self.captions_in(code).url, "srclang": code, "label": names[code]}
            for code in names
            if self.captions_in(code)
        ]

    def captions_in(self, language_code):
        return getattr(self, f"captions_{language_code}", None) or None

    def transcript_in(self, language_code):
        return getattr(self, f"transcript_{language_code}", "")
