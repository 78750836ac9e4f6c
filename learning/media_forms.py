"""wagtailmedia's add and edit form for the hub (``WAGTAILMEDIA["MEDIA_FORM_BASE"]``): the
file's kind, duration and frame size are read from the file (``media_probe``), never typed in,
and each captions file is checked against that duration (``webvtt``) before it is stored."""

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from wagtailmedia.forms import BaseMediaForm

from . import webvtt
from .media_probe import UnreadableMedia, probe
from .models.media import CAPTION_FIELDS

MEASURED_FIELDS = ("duration", "width", "height")


VERSION_FIELDS = ("described_version", "sign_language_version")


class LearningMediaForm(BaseMediaForm):
    def __init__(self, *args, **kwargs):
        user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        self.limit_versions(user)
        for name in MEASURED_FIELDS:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].required = False
                self.fields[name].help_text = _("Read from the file when it is uploaded.")
        for name in CAPTION_FIELDS:
            if name in self.fields:
                self.fields[name].widget.attrs["accept"] = ".vtt,text/vtt"

    def limit_versions(self, user):
        """The versions offered are videos the user may change, as wagtailmedia's chooser lists
        them: a select listing every recording would show an editor the titles of others'
        uploads, unpublished ones included."""
        videos = self.permission_policy.instances_user_has_any_permission_for(user, ["change", "delete"])
        videos = videos.filter(type="video").exclude(pk=self.instance.pk)
        for name in VERSION_FIELDS:
            if name in self.fields:
                current = getattr(self.instance, f"{name}_id")
                self.fields[name].queryset = (
                    videos | type(self.instance).objects.filter(pk=current)
                ).distinct()

    def clean(self):
        cleaned = super().clean()
        measured = self.measure(cleaned.get("file"))
        if measured is None:
            return cleaned
        cleaned["duration"] = measured.duration
        cleaned["width"], cleaned["height"] = measured.width, measured.height
        for name in CAPTION_FIELDS:
            self.check_captions(name, cleaned.get(name), measured.duration)
        return cleaned

    def measure(self, media_file):
        """The probe of the uploaded file, or of the stored one; None after an error."""
        if not media_file or "file" in self.errors:
            return None
        try:
            if isinstance(media_file, UploadedFile):
                # A large upload waits on disk: FFmpeg reads it there rather than through Python.
                on_disk = getattr(media_file, "temporary_file_path", None)
                found = probe(on_disk() if on_disk else media_file)
            else:
                with media_file.open("rb") as stored:
                    found = probe(stored)
        except UnreadableMedia as error:
            self.add_error("file", str(error))
            return None
        if found.kind != self.instance.type:
            if found.kind == "video":
                message = _("This file is a video: add it as a video.")
            else:
                message = _("This file holds no pictures: add it as an audio.")
            self.add_error("file", message)
            return None
        return found

    def check_captions(self, name, captions, duration):
        """Errors on the field ``name`` for a captions file that is not valid WebVTT for this
        media (a new upload, or the stored file when the media file changes)."""
        if not captions or name in self.errors:
            return
        if not captions.name.lower().endswith(".vtt"):
            self.add_error(name, _("Captions must be a WebVTT file (.vtt)."))
            return
        data = captions.read() if isinstance(captions, UploadedFile) else webvtt.read_field_file(captions)
        if isinstance(captions, UploadedFile):
            captions.seek(0)
        try:
            webvtt.parse(data, duration)
        except webvtt.CaptionsInvalid as invalid:
            for error in invalid.errors:
                self.add_error(name, error)
