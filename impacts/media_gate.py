"""How testimonies make their photo and letter public, for hub.media_access: only while a
published, public case file shows the testimony publicly (``CaseFilePage.public_testimonies``:
not withdrawn, consent complete, covering that case file and the web). A withdrawn testimony's
files are never public, whatever else uses them."""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .models import Testimony
from .showing import public_places


class TestimonyMediaGate:
    def _field(self, model):
        if issubclass(model, get_image_model()):
            return "image"
        if issubclass(model, get_document_model()):
            return "document"
        return None

    def governed(self, model):
        field = self._field(model)
        if field is None:
            return None
        return Testimony.objects.filter(**{f"{field}__isnull": False}).values(f"{field}_id")

    def public_ids(self, model, ids=None):
        field = self._field(model)
        if field is None:
            return set()
        testimonies = Testimony.objects.filter(**{f"{field}__isnull": False})
        if ids is not None:
            testimonies = testimonies.filter(**{f"{field}_id__in": ids})
        public, withdrawn = set(), set()
        for testimony, places in public_places(testimonies):
            media_id = getattr(testimony, f"{field}_id")
            if testimony.is_withdrawn:
                withdrawn.add(media_id)
            elif places:
                public.add(media_id)
        return public - withdrawn
