"""The table of contents of a toolkit's ZIP, as an accessible HTML page (``contents.html``) and
as a PDF (``contents.pdf``) made with fpdf2: real text, a title, the language declared, and
headings tagged in a structure tree. The PDF goes through the same checks as the editors'
files (``learning.document_checks``), and the HTML says what it passes."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from fpdf import FPDF, TextStyle
from fpdf.prefs import ViewerPreferences

from .document_checks import check_bytes

# A Unicode font gives every language of the resources its letters; without it the PDF falls
# back to a standard font that knows Western European letters only.
DEFAULT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FALLBACK_FONT = "helvetica"
TYPOGRAPHY = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "\u202f": " "}
)


@dataclass
class Entry:
    """One resource of the toolkit as the ZIP holds it: ``files`` are (name in the ZIP, label)."""

    number: int
    folder: str
    resource: object
    note: str
    url: str
    files: list = field(default_factory=list)
    left_out: list = field(default_factory=list)

    @property
    def format_label(self):
        return self.resource.get_format_display()

    @property
    def licence_label(self):
        return self.resource.get_licence_display()


def render_html(toolkit, entries, pdf_report, fictional):
    return render_to_string(
        "learning/toolkit_contents.html",
        {
            "toolkit": toolkit,
            "entries": entries,
            "pdf_report": pdf_report,
            "fictional": fictional,
            "language_code": toolkit.locale.language_code,
        },
    )


def font_path():
    path = Path(getattr(settings, "TOOLKIT_PDF_FONT", DEFAULT_FONT))
    return path if path.is_file() else None


class ContentsPDF(FPDF):
    def __init__(self, toolkit):
        super().__init__()
        self.set_lang(toolkit.locale.language_code)
        self.set_title(toolkit.title)
        self.set_creator("Vigie IA")
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)
        path = font_path()
        if path:
            self.add_font("body", fname=str(path))
            self.body_family = "body"
        else:
            self.body_family = FALLBACK_FONT
        self.set_section_title_styles(
            TextStyle(font_family=self.body_family, font_size_pt=18, b_margin=4),
            TextStyle(font_family=self.body_family, font_size_pt=14, t_margin=6, b_margin=2),
        )
        self.add_page()
        self.set_font(self.body_family, size=11)

    def text_for_font(self, text):
        """Text the font can draw: the fallback font has no curly quotes, dashes or other scripts."""
        text = str(text)
        if self.body_family != FALLBACK_FONT:
            return text
        return text.translate(TYPOGRAPHY).encode("latin-1", "replace").decode("latin-1")

    def heading(self, text, level):
        self.start_section(self.text_for_font(text), level=level)
        self.set_font(self.body_family, size=11)

    def paragraph(self, text):
        self.multi_cell(0, 6, self.text_for_font(text), new_x="LMARGIN", new_y="NEXT")


def entry_lines(entry):
    lines = [_("Format: %(format)s.") % {"format": entry.format_label}]
    if entry.resource.duration_minutes:
        lines.append(_("Duration: %(minutes)s minutes.") % {"minutes": entry.resource.duration_minutes})
    if entry.note:
        lines.append(entry.note)
    for name, label in entry.files:
        lines.append(f"{label}: {name}")
    for label in entry.left_out:
        lines.append(_("%(label)s: too large for the ZIP, on the resource's page.") % {"label": label})
    lines.append(_("Licence: %(licence)s.") % {"licence": entry.licence_label})
    lines.append(entry.url)
    return lines


def render_pdf(toolkit, entries, fictional):
    pdf = ContentsPDF(toolkit)
    pdf.heading(toolkit.title, 0)
    if fictional:
        pdf.paragraph(fictional)
    pdf.paragraph(toolkit.purpose)
    if toolkit.how_to_use:
        pdf.paragraph(toolkit.how_to_use)
    for entry in entries:
        pdf.heading(f"{entry.number}. {entry.resource.title}", 1)
        for line in entry_lines(entry):
            pdf.paragraph(line)
    return bytes(pdf.output())


def build_contents(toolkit, entries, fictional=""):
    """``(contents.html, contents.pdf)`` as bytes; the HTML reports the PDF's own checks."""
    pdf = render_pdf(toolkit, entries, fictional)
    html = render_html(toolkit, entries, check_bytes(pdf), fictional)
    return html.encode("utf-8"), pdf
