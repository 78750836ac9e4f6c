"""Sharing: every item page's head carries Open Graph and Twitter card tags with absolute
addresses, and its share image (a 1200 x 630 PNG drawn on the server) answers for live public
items only, in the page's language, marked fictional only while the demo is loaded.

The expectations are read from the pages (their fields, their addresses) and from the images
themselves (size, pixels, text chunks), not from the code that writes the tags."""

import io

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from lxml import html
from PIL import Image, ImageFont
from wagtail.models import PageViewRestriction

from hub.items import item_types
from hub.models import DemoMarker
from sharing import cards
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DialoguePageFactory,
    LearningResourcePageFactory,
    ReportPageFactory,
    SystemPageFactory,
    ToolkitPageFactory,
    index_page,
    locale,
    translate_page,
)

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FACTORIES = {
    "impacts.CaseFilePage": CaseFilePageFactory,
    "advocacy.AdvocacyBriefPage": AdvocacyBriefPageFactory,
    "advocacy.CollaborationAgreementPage": CollaborationAgreementPageFactory,
    "registry.SystemPage": SystemPageFactory,
    "dialogues.DialoguePage": DialoguePageFactory,
    "followup.ReportPage": ReportPageFactory,
    "learning.LearningResourcePage": LearningResourcePageFactory,
    "learning.ToolkitPage": ToolkitPageFactory,
}


def head_meta(response):
    """``{property or name: [content, ...]}`` of the meta tags of the page's head."""
    assert response.status_code == 200, response.status_code
    tree = html.fromstring(response.content)
    found = {}
    for meta in tree.xpath("/html/head/meta[@property or @name]"):
        key = meta.get("property") or meta.get("name")
        found.setdefault(key, []).append(meta.get("content"))
    return found


def one(meta, key):
    values = meta.get(key, [])
    assert len(values) == 1, f"{key}: {values}"
    return values[0]


def image_path(meta):
    url = one(meta, "og:image")
    assert url.startswith(ORIGIN + "/"), url
    return url[len(ORIGIN) :]


def png_text(response):
    """The PNG's text chunks (title and description)."""
    return Image.open(io.BytesIO(response.content)).text


def drawn(page, language="fr", demo=False):
    """What the layout draws on the page's image, line by line."""
    return [text.text for text in cards.layout(cards.card_for(page, language, demo))]


def test_every_item_type_has_a_factory_here():
    assert set(FACTORIES) == {item_type.page_model for item_type in item_types()}


@pytest.mark.parametrize("model", sorted(FACTORIES))
def test_every_item_page_carries_the_tags_and_its_image_answers(model, site_pages):
    page = FACTORIES[model](plain_summary="Une machine aide à trier les demandes d'aide au logement.")
    meta = head_meta(Client().get(page.url))

    assert one(meta, "og:type") == "article"
    assert one(meta, "og:title") == page.title
    assert one(meta, "og:description") == page.plain_summary
    assert one(meta, "og:url") == ORIGIN + page.url
    assert one(meta, "og:site_name") == "Vigie IA"
    assert one(meta, "og:locale") == "fr_CA"
    assert one(meta, "og:image:width") == "1200"
    assert one(meta, "og:image:height") == "630"
    alt = one(meta, "og:image:alt")
    assert page.public_id in alt and page.title in alt
    assert one(meta, "twitter:card") == "summary_large_image"
    assert one(meta, "twitter:image:alt") == alt
    assert image_path(meta) == f"/fr/share/{page.public_id}.png"

    response = Client().get(image_path(meta))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert png_text(response)["Title"] == page.title
    head = Client().head(image_path(meta))
    assert head.status_code == 200 and head["Content-Type"] == "image/png" and head.content == b""
    assert head["ETag"] == response["ETag"]


def test_the_english_version_has_its_own_tags_and_image(site_pages):
    page = CaseFilePageFactory(title="Dossier traduit", plain_summary="Une machine décide.")
    english = translate_page(
        page,
        "en",
        title="Translated case file",
        slug="translated-case-file",
        plain_summary="A machine decides.",
    )
    english.save_revision().publish()
    fr_meta, en_meta = head_meta(Client().get(page.url)), head_meta(Client().get(english.url))

    assert one(en_meta, "og:locale") == "en_CA" and en_meta["og:locale:alternate"] == ["fr_CA"]
    assert one(fr_meta, "og:locale") == "fr_CA" and fr_meta["og:locale:alternate"] == ["en_CA"]
    assert one(en_meta, "og:url") == ORIGIN + english.url
    assert one(en_meta, "og:description") == "A machine decides."
    assert "Case file" in one(en_meta, "og:image:alt")
    assert "Dossier" in one(fr_meta, "og:image:alt")
    fr_image, en_image = Client().get(image_path(fr_meta)), Client().get(image_path(en_meta))
    assert png_text(fr_image)["Title"] == "Dossier traduit"
    assert png_text(en_image)["Title"] == "Translated case file"
    assert fr_image.content != en_image.content
    assert f"Case file · {page.public_id}" in drawn(english, "en")
    assert f"Dossier · {page.public_id}" in drawn(page, "fr")


def test_an_untranslated_item_read_in_english_points_to_its_original(site_pages):
    page = CaseFilePageFactory(title="Dossier en français seulement")
    fallback = index_page("impacts.CaseFileIndexPage", "en").url + page.public_id + "/"
    meta = head_meta(Client().get(fallback))

    assert one(meta, "og:url") == ORIGIN + page.url  # the canonical address
    assert one(meta, "og:locale") == "en_CA"
    assert image_path(meta) == f"/en/share/{page.public_id}.png"
    image = Client().get(image_path(meta))
    assert png_text(image)["Title"] == "Dossier en français seulement"
    assert "Case file" in png_text(image)["Description"]


def test_the_demo_mark_is_drawn_only_while_the_demo_is_loaded(site_pages):
    page = CaseFilePageFactory()
    path = f"/fr/share/{page.public_id}.png"
    plain = Client().get(path)
    DemoMarker.objects.create()
    cache.clear()  # the demo flag is cached for five minutes
    marked = Client().get(path)

    assert "Contenu fictif de démonstration" in drawn(page, "fr", demo=True)
    assert "Fictional demo content" in drawn(page, "en", demo=True)
    assert not any("fictif de démonstration" in line for line in drawn(page, "fr", demo=False))
    assert marked["ETag"] != plain["ETag"]
    plain_pixel = Image.open(io.BytesIO(plain.content)).convert("RGB").getpixel((1150, 590))
    marked_pixel = Image.open(io.BytesIO(marked.content)).convert("RGB").getpixel((1150, 590))
    assert plain_pixel == (255, 255, 255)
    red, green, blue = marked_pixel
    assert red > 200 and green > 180 and blue < 120  # the yellow band
    assert "fictif" in png_text(marked)["Description"]
    meta = head_meta(Client().get(page.url))
    assert "Contenu fictif de démonstration" in one(meta, "og:image:alt")


def test_long_titles_and_summaries_wrap_within_the_image_and_end_with_an_ellipsis(site_pages):
    long_word = "Anticonstitutionnellementdéréglementarisationsurdimensionnée"
    title = "Évaluation élargie des systèmes d'aide à la décision " * 3 + long_word
    summary = "Une machine trie les demandes à l'hôpital, à l'école et à la mairie. " * 20
    page = CaseFilePageFactory(title=title, plain_summary=summary.strip())
    lines = cards.layout(cards.card_for(page, "fr", demo=False))

    for text in lines:
        face = ImageFont.truetype(BOLD if text.weight == "bold" else FONT, text.size)
        assert text.left + face.getlength(text.text) <= 1200 - 60, text.text
        assert text.top >= 0 and text.top + text.size <= 630
    title_lines = [text.text for text in lines if text.size == 56]
    summary_lines = [text.text for text in lines if text.weight == "regular"]
    assert len(title_lines) == 3 and title_lines[-1].endswith("…")
    assert title_lines[0].startswith("Évaluation élargie")
    assert summary_lines and summary_lines[-1].endswith("…")
    assert summary.startswith(" ".join(summary_lines).rstrip("…"))
    assert cards.wrap("Un mot", "bold", 56) == ["Un mot"]
    cut = cards.wrap(long_word, "bold", 56, max_lines=5)
    assert len(cut) == 2 and "".join(cut) == long_word  # cut where it must, nothing lost


def test_non_public_items_have_no_image_and_their_titles_leak_nowhere(site_pages):
    draft = CaseFilePageFactory(title="Dossier Brouillonsecret", slug="brouillon", live=False)
    private = CaseFilePageFactory(title="Dossier Privesecret", slug="prive")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for page in (draft, private):
        assert Client().get(f"/fr/share/{page.public_id}.png").status_code == 404
        assert Client().get(f"/en/share/{page.public_id}.png").status_code == 404
        assert Client().head(f"/fr/share/{page.public_id}.png").status_code == 404
    missing = Client().get(draft.url)
    assert missing.status_code == 404 and b"og:" not in missing.content
    for response in (missing, Client().get(private.url)):
        assert b"secret" not in response.content


def test_an_image_once_served_is_gone_when_its_item_is_unpublished(site_pages):
    page = CaseFilePageFactory(title="Dossier bientôt retiré")
    path = f"/fr/share/{page.public_id}.png"
    assert Client().get(path).status_code == 200

    page.unpublish()
    assert Client().get(path).status_code == 404
    page.save_revision().publish()
    assert Client().get(path).status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert Client().get(path).status_code == 404


def test_the_image_shows_the_live_version_not_a_draft_revision(site_pages):
    page = CaseFilePageFactory(title="Dossier publié")
    path = f"/fr/share/{page.public_id}.png"
    before = Client().get(path)
    draft = type(page).objects.get(pk=page.pk)
    draft.title = "Dossier Brouillonmodif"
    draft.save_revision()

    after = Client().get(path)
    assert png_text(after)["Title"] == "Dossier publié"
    assert after["ETag"] == before["ETag"]
    meta = head_meta(Client().get(page.url))
    assert one(meta, "og:title") == "Dossier publié"
    draft.get_latest_revision().publish()
    assert png_text(Client().get(path))["Title"] == "Dossier Brouillonmodif"


def test_the_image_is_cached_and_revalidated_by_its_etag(site_pages):
    page = CaseFilePageFactory()
    path = f"/fr/share/{page.public_id}.png"
    first = Client().get(path)

    assert first["ETag"] and "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    again = Client().get(path, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    page.title = "Dossier renommé"
    page.save_revision().publish()
    assert Client().get(path, headers={"if-none-match": first["ETag"]}).status_code == 200


def test_unknown_ids_answer_404(site_pages):
    page = CaseFilePageFactory()
    for path in (
        f"/fr/share/{page.public_id.lower()}.png",
        "/fr/share/ZZ-2026-0001.png",
        f"/fr/share/{page.public_id[:-1]}9.png",
    ):
        assert Client().get(path).status_code == 404, path


def test_a_title_with_markup_stays_text_in_the_meta_tags(site_pages):
    title = 'Dossier "><script>alert(1)</script><meta property="og:title" content="x'
    page = CaseFilePageFactory(title=title, plain_summary='Résumé "><img src=x onerror=alert(1)>')
    response = Client().get(page.url)
    meta = head_meta(response)

    assert b"<script>alert(1)" not in response.content
    assert b"<img src=x" not in response.content
    assert one(meta, "og:title") == title  # one og:title: the attribute was not broken out of
    assert one(meta, "og:description") == page.plain_summary
    assert title in one(meta, "og:image:alt")


@pytest.mark.parametrize(
    "path, title",
    [("/fr/", None), ("/en/", None), ("/fr/recherche/", "Rechercher"), ("/en/search/", "Search")],
)
def test_other_pages_have_the_basic_tags_without_an_image(path, title, site_pages):
    meta = head_meta(Client().get(path))

    assert one(meta, "og:type") == "website"
    assert one(meta, "og:title") == (title or site_pages[path[1:3]]["home"].title)
    assert one(meta, "og:description")
    assert one(meta, "og:url") == ORIGIN + path
    assert one(meta, "og:site_name") == "Vigie IA"
    assert "og:image" not in meta and one(meta, "twitter:card") == "summary"


def test_an_index_page_describes_itself_with_its_introduction(site_pages):
    index = index_page("impacts.CaseFileIndexPage", "fr")
    index.intro = "Les dossiers documentent des cas fictifs."
    index.save_revision().publish()
    meta = head_meta(Client().get(index.url))

    assert one(meta, "og:title") == index.title
    assert one(meta, "og:description") == "Les dossiers documentent des cas fictifs."
    assert one(meta, "og:url") == ORIGIN + index.url


def test_a_missing_font_is_named(settings, site_pages):
    settings.SHARE_IMAGE_BOLD_FONT = "/nonexistent/font.ttf"
    page = CaseFilePageFactory(parent=index_page("impacts.CaseFileIndexPage", "en"), locale=locale("en"))

    with pytest.raises(ImproperlyConfigured, match="SHARE_IMAGE_BOLD_FONT"):
        cards.render_png(cards.card_for(page, "en", demo=False))
