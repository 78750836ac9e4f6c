"""The only road to the files under MEDIA_ROOT, in every mode: ``/media/<path>`` maps the path to
its image, rendition, document or audio/video (the recording, its thumbnail or its captions) and
answers 404 unless hub.media_access lets the visitor have
it (a random file name is not access control). Streamed files answer Range requests
(``hub.byte_ranges``): seeking in a video. Documents' own addresses (``/documents/<id>/…``)
end here too, through a ``before_serve_document`` hook. Open data stays public.

With ``MEDIA_ACCEL_REDIRECT_PREFIX`` set (production), the answer is an empty response whose
``X-Accel-Redirect`` header tells the web server which internal location holds the bytes."""

import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db.models import FileField, Q
from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served
from wagtail.images import get_image_model
from wagtailmedia.models import get_media_model

from . import data_folder, media_access
from .byte_ranges import ranged_file_response

# Caption files have no standard type in every system's table; browsers need this one for <track>.
mimetypes.add_type("text/vtt", ".vtt")


def storage_name(path):
    """The storage name a URL path stands for, or None unless it is a plain relative path."""
    if not path or path.startswith("/") or "\\" in path or "\x00" in path:
        return None
    if ".." in path.split("/") or posixpath.normpath(path) != path:
        return None
    return path


def find_audio_or_video(name):
    """The audio or video whose file, thumbnail or captions file is stored under ``name``."""
    model = get_media_model()
    names = Q()
    for field in model._meta.get_fields():
        if isinstance(field, FileField):
            names |= Q(**{field.name: name})
    return model.objects.select_related("collection").filter(names).first()


def find_media(name):
    """The image (for an original or a rendition), document or audio/video stored under
    ``name``, or None."""
    image_model = get_image_model()
    image = image_model.objects.select_related("collection").filter(file=name).first()
    if image is None:
        renditions = image_model.get_rendition_model().objects.select_related("image__collection")
        rendition = renditions.filter(file=name).first()
        image = rendition.image if rendition is not None else None
    if image is not None:
        return image
    document = get_document_model().objects.select_related("collection").filter(file=name).first()
    return document if document is not None else find_audio_or_video(name)


def collection_lets_in(request, instance):
    """Collection view restrictions (the withdrawn testimonies' collection admits administrators
    only) hold on every file of the collection, images included."""
    return all(
        restriction.accept_request(request) for restriction in instance.collection.get_view_restrictions()
    )


def file_response(name, content_type, public, disposition=None, request=None):
    """The file stored under ``name``: the web server's job in production, a stream otherwise
    (the part a ``request``'s Range header asks for). Private answers (an editor's preview) are
    never stored by a shared cache."""
    prefix = getattr(settings, "MEDIA_ACCEL_REDIRECT_PREFIX", "")
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(name)
    elif default_storage.exists(name):
        response = ranged_file_response(
            request, default_storage.open(name, "rb"), default_storage.size(name), content_type
        )
    else:
        raise Http404
    if disposition:
        response["Content-Disposition"] = disposition
    # A document opened in the browser must not run anything (Wagtail's own answer does the same).
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        patch_cache_control(response, public=True, max_age=settings.MEDIA_CACHE_SECONDS)
    else:
        response["Cache-Control"] = "private, no-store"
    patch_vary_headers(response, ["Cookie"])
    return response


def open_data_file(name):
    """The open-data file ``name`` stands for when OPEN_DATA_URL lies under MEDIA_URL, else None."""
    url = data_folder.open_data_url()
    if not url.startswith(settings.MEDIA_URL):
        return None
    folder = url[len(settings.MEDIA_URL) :]
    if not name.startswith(folder):
        return None
    relative = name[len(folder) :]
    # Hidden names are the builder's own state (lock, stale mark naming the items just changed,
    # staging folders of a build under way), never a published file.
    if any(part.startswith(".") for part in relative.split("/")):
        raise Http404
    try:
        path = Path(safe_join(data_folder.open_data_root(), relative))
    except SuspiciousFileOperation as error:
        raise Http404 from error
    if not path.is_file():
        raise Http404
    return path


# What the open data files are served as: CSV is text, whose charset RFC 4180 asks to name.
OPEN_DATA_TYPES = {".csv": "text/csv; charset=utf-8", ".json": "application/json"}


def open_data_type(path):
    return (
        OPEN_DATA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    )


def serve_media(request, path):
    name = storage_name(path)
    if name is None:
        raise Http404
    data_file = open_data_file(name)
    if data_file is not None:
        return FileResponse(data_file.open("rb"), content_type=open_data_type(data_file))
    instance = find_media(name)
    if instance is None or not collection_lets_in(request, instance):
        raise Http404
    public = media_access.is_public(instance)
    if not public and not media_access.may_manage(request.user, instance):
        raise Http404
    if isinstance(instance, get_document_model()):
        return file_response(name, instance.content_type, public, instance.content_disposition, request)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return file_response(name, content_type, public, request=request)


def serve_document(document, request):
    """``before_serve_document`` hook, run before Wagtail's collection restriction check: the
    document under the same rule as every other file (404, not a login form, for a private one),
    answered as ``serve_media`` answers. A collection restriction the request does not meet is
    left to Wagtail's check, which asks for the password or the login."""
    public = media_access.is_public(document)
    if not public and not media_access.may_manage(request.user, document):
        raise Http404
    if not collection_lets_in(request, document):
        return None
    document_served.send(sender=type(document), instance=document, request=request)
    return file_response(
        document.file.name, document.content_type, public, document.content_disposition, request
    )
