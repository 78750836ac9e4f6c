"""The drawing of the demo's images (charts and diagrams, as PNG) and PDFs (A4 pages of text),
with Pillow alone, at load time."""

import functools
import unicodedata
from io import BytesIO

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

PDF_NOTICE = "Document fictif produit pour la démonstration de Vigie IA. Aucun de ces faits n'est réel."

INK = (33, 37, 41)
ACCENT = (29, 78, 137)
ALERT = (176, 42, 55)
MUTED = (108, 117, 125)
PAPER = (255, 255, 255)
WIDTH, HEIGHT = 1200, 675


@functools.cache
def font(size, bold=False):
    """A TrueType font with accented glyphs when the system has one; Pillow's own font otherwise."""
    names = (
        ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf"]
        if bold
        else ["DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"]
    )
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def printable(text, chosen_font):
    """Pillow's fallback font has no accented letters: drop the accents rather than print boxes."""
    if isinstance(getattr(chosen_font, "path", None), str):
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def write(draw, position, text, size=24, bold=False, fill=INK, anchor="la"):
    chosen = font(size, bold)
    draw.text(position, printable(text, chosen), font=chosen, fill=fill, anchor=anchor)


def wrap(draw, text, size, width, bold=False):
    chosen = font(size, bold)
    lines, current = [], ""
    for word in printable(text, chosen).split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=chosen) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def canvas(title):
    image = PillowImage.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    write(draw, (60, 40), title, size=34, bold=True)
    draw.line((60, 95, WIDTH - 60, 95), fill=ACCENT, width=3)
    write(
        draw,
        (60, HEIGHT - 40),
        "Données inventées — démonstration Vigie IA",
        size=18,
        fill=MUTED,
        anchor="ls",
    )
    return image, draw


def draw_bars(spec):
    image, draw = canvas(spec["heading"])
    bars = spec["bars"]
    top, label_width, right = 140, 380, WIDTH - 140
    slot = (HEIGHT - 120 - top) // len(bars)
    largest = max(value for _label, value in bars)
    for number, (label, value) in enumerate(bars):
        y = top + number * slot
        length = (right - 60 - label_width) * value / largest
        for line_number, line in enumerate(wrap(draw, label, 22, label_width - 20)):
            write(draw, (60, y + 10 + line_number * 28), line, size=22)
        colour = ALERT if value == largest else ACCENT
        draw.rectangle((60 + label_width, y, 60 + label_width + length, y + slot - 30), fill=colour)
        write(
            draw,
            (70 + label_width + length, y + (slot - 30) // 2),
            f"{value}{spec['unit']}",
            size=26,
            bold=True,
            anchor="lm",
        )
    return image


def draw_flow(spec):
    image, draw = canvas(spec["heading"])
    steps = spec["steps"]
    gap = 40
    box_width = (WIDTH - 120 - gap * (len(steps) - 1)) // len(steps)
    top, bottom = 250, 400
    for number, step in enumerate(steps):
        left = 60 + number * (box_width + gap)
        colour = ALERT if number == len(steps) - 2 else ACCENT
        draw.rounded_rectangle((left, top, left + box_width, bottom), radius=16, outline=colour, width=4)
        lines = wrap(draw, step, 22, box_width - 20, bold=True)
        first_line = (top + bottom) // 2 - (len(lines) - 1) * 14
        for line_number, line in enumerate(lines):
            write(
                draw,
                (left + box_width // 2, first_line + line_number * 28),
                line,
                size=22,
                bold=True,
                fill=colour,
                anchor="mm",
            )
        if number < len(steps) - 1:
            x, y = left + box_width + 4, (top + bottom) // 2
            draw.line((x, y, x + gap - 10, y), fill=INK, width=4)
            draw.polygon([(x + gap - 8, y), (x + gap - 20, y - 9), (x + gap - 20, y + 9)], fill=INK)
    write(draw, (WIDTH // 2, 480), spec["note"], size=26, bold=True, fill=ALERT, anchor="mm")
    return image


def draw_districts(spec):
    image, draw = canvas(spec["heading"])
    columns, cell_width, cell_height = 3, 340, 215
    for number, (name, count) in enumerate(spec["districts"]):
        left = 90 + (number % columns) * (cell_width + 15)
        top = 125 + (number // columns) * (cell_height + 15)
        draw.rectangle((left, top, left + cell_width, top + cell_height), outline=MUTED, width=2)
        write(draw, (left + 14, top + 12), f"{name} : {count}", size=22, bold=True)
        for dot in range(count):
            x = left + 24 + (dot % 12) * 25
            y = top + 60 + (dot // 12) * 30
            draw.ellipse((x, y, x + 14, y + 14), fill=ALERT if count > 20 else ACCENT)
    return image


def draw_timeline(spec):
    image, draw = canvas(spec["heading"])
    events = spec["events"]
    y, left, right = 330, 190, WIDTH - 190
    draw.line((left, y, right, y), fill=ACCENT, width=6)
    step = (right - left) // (len(events) - 1)
    for number, (when, what) in enumerate(events):
        x = left + number * step
        draw.ellipse((x - 14, y - 14, x + 14, y + 14), fill=ACCENT)
        write(draw, (x, y - 40), when, size=22, bold=True, anchor="ms")
        for line_number, line in enumerate(wrap(draw, what, 20, step - 24)):
            write(draw, (x, y + 50 + line_number * 26), line, size=20, anchor="mt")
    return image


DRAWERS = {"bars": draw_bars, "flow": draw_flow, "districts": draw_districts, "timeline": draw_timeline}


def draw_image(spec):
    """PNG bytes of the chart or diagram that ``spec`` describes."""
    buffer = BytesIO()
    DRAWERS[spec["kind"]](spec).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def render_pdf(heading_text, paragraphs):
    """A small PDF of A4 pages (1-bit, 200 dpi) with a heading, the fiction notice and the paragraphs."""
    page_width, page_height, margin = 1654, 2339, 150
    text_width = page_width - 2 * margin
    pages = []

    def new_page():
        page = PillowImage.new("L", (page_width, page_height), 255)
        pages.append(page)
        return ImageDraw.Draw(page), margin

    draw, y = new_page()
    for line in wrap(draw, heading_text, 56, text_width, bold=True):
        write(draw, (margin, y), line, size=56, bold=True, fill=0)
        y += 76
    y += 20
    for line in wrap(draw, PDF_NOTICE, 34, text_width):
        write(draw, (margin, y), line, size=34, fill=0)
        y += 48
    y += 60
    for text in paragraphs:
        for line in wrap(draw, text, 38, text_width):
            if y > page_height - margin:
                draw, y = new_page()
            write(draw, (margin, y), line, size=38, fill=0)
            y += 54
        y += 30
    bilevel = [page.convert("1", dither=PillowImage.Dither.NONE) for page in pages]
    buffer = BytesIO()
    bilevel[0].save(buffer, format="PDF", resolution=200, save_all=True, append_images=bilevel[1:])
    return buffer.getvalue()
