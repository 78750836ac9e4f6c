"""Image bombs and oversized uploads: the pixel and byte limits hold on every road (the admin
upload form, the admin multiple upload, documents' uploads, ORM scripts), an 11,300 × 11,300
PNG of half a megabyte is refused without being decoded, and an oversized image already in the
database shows as a missing image instead of failing the page.

Near the limit, the settings are overridden with the size of a small test image: the image is
accepted at exactly the limit and refused when it has one pixel (or one byte) more."""

import io
import resource
import struct
import time
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from hub.roles import media_collection

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()
WIDTH, HEIGHT = 30, 20
PIXELS = WIDTH * HEIGHT
BOMB_SIDE = 11_300


def png_bytes(width=WIDTH, height=HEIGHT):
    output = io.BytesIO()
    PillowImage.new("RGB", (width, height), (200, 30, 30)).save(output, "PNG")
    return output.getvalue()


PNG = png_bytes()
PDF = b"%PDF-1.4\n% fictif\n" + b"0" * 200


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    """An 11,300 × 11,300 RGBA PNG, all transparent, written chunk by chunk: its rows are
    compressed a few at a time, never held in memory whole."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.png"
    compressor = zlib.compressobj(9)
    rows = (b"\x00" + bytes(BOMB_SIDE * 4)) * 100
    with open(path, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.write(chunk(b"IHDR", struct.pack(">IIBBBBB", BOMB_SIDE, BOMB_SIDE, 8, 6, 0, 0, 0)))
        data = b""
        for _ in range(BOMB_SIDE // 100):
            data += compressor.compress(rows)
        data += compressor.compress(rows[: (BOMB_SIDE % 100) * len(rows) // 100])
        data += compressor.flush()
        handle.write(chunk(b"IDAT", data))
        handle.write(chunk(b"IEND", b""))
    assert path.stat().st_size < 600_000
    return path


class Peak:
    """Time and growth of the process's peak memory (resident set) over a block of code: decoding
    the bomb takes seconds and about a gigabyte, far above the peak a test run reaches otherwise."""

    def __enter__(self):
        self.started = time.monotonic()
        self.peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return self

    def __exit__(self, *exc):
        self.seconds = time.monotonic() - self.started
        self.grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - self.peak_before) / 1024


@pytest.fixture
def collection(db):
    return media_collection()


@pytest.fixture
def limits(settings):
    """Limits set to the test image's own size: ``limits.pixels(extra)`` and
    ``limits.image_bytes(extra)`` / ``limits.document_bytes(extra)`` set the limit to the file's
    size minus ``extra``."""

    class Limits:
        def pixels(self, less=0):
            settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = PIXELS - less

        def image_bytes(self, less=0):
            settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = len(PNG) - less

        def document_bytes(self, less=0):
            settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = len(PDF) - less

    return Limits()


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


# --- Settings ---------------------------------------------------------------------------------


def test_default_limits_refuse_the_bomb_and_keep_uploads_bounded(settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 40_000_000
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS < BOMB_SIDE * BOMB_SIDE
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 50 * 1024 * 1024
    assert PillowImage.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


# --- Road 1: the admin upload form --------------------------------------------------------------


def add_image(client, collection, content=PNG):
    return client.post(
        "/admin/images/add/",
        {"title": "Image fictive", "collection": collection.pk, "file": upload("fictive.png", content)},
    )


def error_codes(response):
    """The codes of the file field's errors (the admin speaks the user's language)."""
    return [error.code for error in response.context["form"].errors.as_data().get("file", [])]


@pytest.mark.parametrize(
    ("limit", "code"),
    [("pixels", "file_too_many_pixels"), ("image_bytes", "file_too_large")],
    ids=["pixels", "bytes"],
)
@pytest.mark.parametrize("less", [0, 1], ids=["at the limit", "one over"])
def test_admin_form_limits(superuser_client, collection, limits, limit, code, less):
    getattr(limits, limit)(less)
    response = add_image(superuser_client, collection)
    if less == 0:
        assert response.status_code == 302
        assert Image.objects.filter(title="Image fictive").count() == 1
    else:
        assert response.status_code == 200
        assert error_codes(response) == [code]
        assert not Image.objects.filter(title="Image fictive").exists()


def test_admin_form_refuses_the_bomb_quickly(superuser_client, collection, bomb):
    with Peak() as peak:
        response = add_image(superuser_client, collection, bomb.read_bytes())
    assert response.status_code == 200
    assert error_codes(response) == ["file_too_many_pixels"]
    assert not Image.objects.exists()
    assert peak.seconds < 5
    assert peak.grown_mb < 150


# --- Road 2: the admin multiple upload ----------------------------------------------------------


def add_multiple(client, collection, url, name, content, content_type):
    response = client.post(url, {"collection": collection.pk, "files[]": upload(name, content, content_type)})
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("less", [0, 1], ids=["at the limit", "one pixel over"])
def test_multiple_upload_pixel_limit(superuser_client, collection, limits, less):
    limits.pixels(less)
    answer = add_multiple(
        superuser_client, collection, "/admin/images/multiple/add/", "a.png", PNG, "image/png"
    )
    assert answer["success"] is (less == 0)
    assert Image.objects.count() == (1 if less == 0 else 0)
    if less:
        assert str(PIXELS - 1) in answer["error_message"]


@pytest.mark.parametrize("less", [0, 1], ids=["at the limit", "one byte over"])
def test_multiple_upload_byte_limit(superuser_client, collection, limits, less):
    limits.image_bytes(less)
    answer = add_multiple(
        superuser_client, collection, "/admin/images/multiple/add/", "a.png", PNG, "image/png"
    )
    assert answer["success"] is (less == 0)
    assert Image.objects.count() == (1 if less == 0 else 0)
    if less:
        assert str(len(PNG) - 1) in answer["error_message"]


def test_multiple_upload_refuses_the_bomb_quickly(superuser_client, collection, bomb):
    with Peak() as peak:
        answer = add_multiple(
            superuser_client,
            collection,
            "/admin/images/multiple/add/",
            "bomb.png",
            bomb.read_bytes(),
            "image/png",
        )
    assert answer["success"] is False
    assert "40000000" in answer["error_message"]
    assert not Image.objects.exists()
    assert peak.seconds < 5
    assert peak.grown_mb < 150


# --- Road 3: documents ------------------------------------------------------------------------


@pytest.mark.parametrize("less", [0, 1], ids=["at the limit", "one byte over"])
def test_document_form_and_multiple_upload_byte_limit(superuser_client, collection, limits, less):
    limits.document_bytes(less)
    response = superuser_client.post(
        "/admin/documents/add/",
        {
            "title": "Lettre fictive",
            "collection": collection.pk,
            "file": upload("a.pdf", PDF, "application/pdf"),
        },
    )
    answer = add_multiple(
        superuser_client, collection, "/admin/documents/multiple/add/", "b.pdf", PDF, "application/pdf"
    )
    if less == 0:
        assert response.status_code == 302
        assert answer["success"] is True
        assert Document.objects.count() == 2
    else:
        assert response.status_code == 200
        assert "file_too_large" in error_codes(response)
        assert answer["success"] is False
        assert Document.objects.count() == 0


# --- Road 4: ORM scripts ----------------------------------------------------------------------


def save_image(collection, content=PNG, **fields):
    image = Image(
        title="Image de script", collection=collection, file=ContentFile(content, name="s.png"), **fields
    )
    image.save()
    return image


@pytest.mark.parametrize("less", [0, 1], ids=["at the limit", "one pixel over"])
@pytest.mark.parametrize("claimed", [{}, {"width": 1, "height": 1}], ids=["measured", "dimensions claimed"])
def test_orm_script_pixel_limit(collection, limits, less, claimed):
    limits.pixels(less)
    if less == 0:
        image = Image.objects.get(pk=save_image(collection, **claimed).pk)
        assert (image.width, image.height) == (WIDTH, HEIGHT)
        return
    with pytest.raises(SourceImageIOError, match=str(PIXELS - 1)) as refused:
        save_image(collection, **claimed)
    assert "pixels" in str(refused.value)
    assert not Image.objects.exists()


@pytest.mark.parametrize("less", [0, 1], ids=["at the limit", "one byte over"])
def test_orm_script_image_byte_limit(collection, limits, less):
    limits.image_bytes(less)
    if less == 0:
        assert save_image(collection).pk
        return
    with pytest.raises(ValidationError) as refused:
        save_image(collection)
    assert refused.value.code == "file_too_large"
    assert not Image.objects.exists()


@pytest.mark.parametrize("less", [0, 1], ids=["at the limit", "one byte over"])
def test_orm_script_document_byte_limit(collection, limits, less):
    limits.document_bytes(less)
    document = Document(title="Lettre de script", collection=collection, file=ContentFile(PDF, name="s.pdf"))
    if less == 0:
        document.save()
        assert Document.objects.count() == 1
        return
    with pytest.raises(ValidationError) as refused:
        document.save()
    assert refused.value.code == "file_too_large"
    assert not Document.objects.exists()


def test_orm_script_refuses_the_bomb_quickly(collection, bomb):
    with Peak() as peak, pytest.raises(SourceImageIOError):
        save_image(collection, bomb.read_bytes())
    assert not Image.objects.exists()
    assert peak.seconds < 5
    assert peak.grown_mb < 150


def test_editing_an_image_without_a_new_file_is_not_checked_again(collection, limits):
    image = save_image(collection)
    limits.pixels(1)
    image.title = "Titre changé"
    image.save()
    assert Image.objects.get().title == "Titre changé"


# --- Oversized images already in the database ---------------------------------------------------


@pytest.fixture
def stored_bomb(collection, bomb):
    """The bomb as an image row made before the limits existed: file in storage, row inserted
    without any check."""
    name = default_storage.save("original_images/bomb.png", ContentFile(bomb.read_bytes()))
    (image,) = Image.objects.bulk_create(
        [Image(title="Bombe", collection=collection, file=name, width=BOMB_SIDE, height=BOMB_SIDE)]
    )
    return Image.objects.get(pk=image.pk)


def test_a_rendition_of_an_oversized_image_fails_cleanly_without_decoding_it(stored_bomb):
    with Peak() as peak, pytest.raises(SourceImageIOError):
        stored_bomb.get_rendition("max-165x165")
    assert peak.seconds < 5
    assert peak.grown_mb < 150
    html = Template("{% load wagtailimages_tags %}{% image image max-165x165 %}").render(
        Context({"image": stored_bomb})
    )
    assert 'not-found"' in html


def test_the_admin_listing_shows_an_oversized_image_as_missing(superuser_client, stored_bomb):
    with Peak() as peak:
        response = superuser_client.get("/admin/images/")
    assert response.status_code == 200
    assert "Bombe" in response.content.decode()
    assert peak.seconds < 5
    assert peak.grown_mb < 150


def test_an_image_over_a_lowered_limit_shows_as_missing_in_the_admin(superuser_client, collection, limits):
    image = save_image(collection)
    limits.pixels(1)
    response = superuser_client.get("/admin/images/")
    assert response.status_code == 200
    assert image.title in response.content.decode()
    assert not image.renditions.exists()
