"""The share image of an item: a 1200 x 630 PNG (the size Open Graph and Twitter's large card
show without cropping) that says what the link leads to in large type — the hub's name, the item's
type and public id, its title and its plain-language summary — and, while the fictional demo is
loaded, that the content is fictional.

``card_for`` gathers the words from the registry's item (any type), ``layout`` decides what is
drawn where (wrapping, truncating with an ellipsis), ``render_png`` draws it. The layout is a
plain list so that tests can read what an image says without reading pixels."""

import io
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext, override
from PIL import Image, ImageDraw
from PIL.PngImagePlugin import PngInfo

from hub.items import type_of

from .fonts import font

WIDTH, HEIGHT = 1200, 630
MARGIN = 60
TEXT_WIDTH = WIDTH - 2 * MARGIN
ELLIPSIS = "…"
# Colours: near-black on white (contrast 18:1), white on the hub's navy (13:1), black on yellow.
WHITE, INK, NAVY, YELLOW = "#ffffff", "#111111", "#14284b", "#ffd84d"
BAND_HEIGHT = 96  # the hub's name, on navy
DEMO_HEIGHT = 72  # the fictional-content band, on yellow, at the bottom
# What changes every image when the drawing changes: part of the cache key and the ETag.
LAYOUT_VERSION = 1


@dataclass(frozen=True)
class Card:
    """The words of one item's share image, in one language."""

    site_name: str
    type_label: str
    public_id: str
    title: str
    summary: str  # plain text
    demo_notice: str  # "" when the content is not fictional
    alt: str  # what the image shows, for ``og:image:alt`` and ``twitter:image:alt``


@dataclass(frozen=True)
class Text:
    """One line drawn: its words, font (weight, size), position (left, top) and colour."""

    text: str
    weight: str
    size: int
    left: int
    top: int
    fill: str


def one_line(text):
    """Plain text (titles and summaries hold no markup) on one line, single spaces."""
    return re.sub(r"\s+", " ", text or "").strip()


def card_for(page, language, demo):
    """The card of ``page`` (a live item of any registered type) in ``language``."""
    with override(language):
        type_label, title = str(type_of(page).label), one_line(page.title)
        demo_notice = gettext("Fictional demo content") if demo else ""
        alt = gettext("%(type)s %(id)s: “%(title)s”, with its plain-language summary.") % {
            "type": type_label,
            "id": page.public_id,
            "title": title,
        }
        return Card(
            site_name=settings.WAGTAIL_SITE_NAME,
            type_label=type_label,
            public_id=page.public_id,
            title=title,
            summary=one_line(page.plain_summary),
            demo_notice=demo_notice,
            alt=f"{alt} {demo_notice}." if demo_notice else alt,
        )


def wrap(text, weight, size, width=TEXT_WIDTH, max_lines=3):
    """``text`` in lines no wider than ``width`` pixels, at most ``max_lines``: a word too long
    for a line is cut, and text left over ends the last line with an ellipsis."""
    face = font(weight, size)
    lines, line = [], ""
    words = text.split()
    while words:
        word = words.pop(0)
        candidate = f"{line} {word}" if line else word
        if face.getlength(candidate) <= width:
            line = candidate
            continue
        if line:  # the word starts the next line
            lines.append(line)
            line = ""
            words.insert(0, word)
        else:  # a word wider than a line: as much of it as fits, the rest on the next
            cut = fitting_prefix(word, face, width)
            lines.append(word[:cut])
            words.insert(0, word[cut:])
        if len(lines) == max_lines:
            return ellipsize(lines, face, width)
    if line:
        lines.append(line)
    return lines[:max_lines]


def fitting_prefix(word, face, width):
    """How many of ``word``'s first characters fit in ``width`` (at least one)."""
    count = 1
    while count < len(word) and face.getlength(word[: count + 1]) <= width:
        count += 1
    return count


def ellipsize(lines, face, width):
    """``lines`` with an ellipsis ending the last one, shortened (by words if it can) to fit."""
    last = lines[-1]
    while last and face.getlength(last + ELLIPSIS) > width:
        shorter = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        last = shorter
    return [*lines[:-1], last.rstrip(" ,;:") + ELLIPSIS]


def layout(card):
    """``[Text]``: every line of the image, top to bottom."""
    texts = [Text(card.site_name, "bold", 44, MARGIN, 22, WHITE)]
    top = BAND_HEIGHT + 30
    texts.append(Text(f"{card.type_label} · {card.public_id}", "bold", 34, MARGIN, top, NAVY))
    top += 58
    for line in wrap(card.title, "bold", 56, max_lines=3):
        texts.append(Text(line, "bold", 56, MARGIN, top, INK))
        top += 68
    top += 14
    bottom = HEIGHT - (DEMO_HEIGHT if card.demo_notice else 0) - 24
    room = max(0, (bottom - top) // 44)
    for line in wrap(card.summary, "regular", 32, max_lines=room) if room else []:
        texts.append(Text(line, "regular", 32, MARGIN, top, INK))
        top += 44
    if card.demo_notice:
        texts.append(Text(card.demo_notice, "bold", 34, MARGIN, HEIGHT - DEMO_HEIGHT + 16, INK))
    return texts


def render_png(card):
    """The PNG's bytes. Its text chunks repeat the title and the alt text, for tools that read
    images' descriptions rather than their pixels."""
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, BAND_HEIGHT), fill=NAVY)
    if card.demo_notice:
        draw.rectangle((0, HEIGHT - DEMO_HEIGHT, WIDTH, HEIGHT), fill=YELLOW)
    else:
        draw.rectangle((0, HEIGHT - 12, WIDTH, HEIGHT), fill=NAVY)
    for text in layout(card):
        draw.text((text.left, text.top), text.text, font=font(text.weight, text.size), fill=text.fill)
    info = PngInfo()
    info.add_itxt("Title", card.title)
    info.add_itxt("Description", card.alt)
    output = io.BytesIO()
    image.save(output, format="PNG", pnginfo=info, optimize=True)
    return output.getvalue()
