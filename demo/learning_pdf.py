"""The demo's learning documents (guides, cards, slides, posters, forms) as PDFs with real text,
drawn with fpdf2 at load time: a title in the metadata, shown by viewers, the document's
language, the fiction notice on every page.

fpdf2 does not build a structure tree for text, so these PDFs are not tagged: the loader says so
on each file and points to the resource page, which holds the same words."""

from datetime import UTC, datetime

from fpdf import FPDF, ViewerPreferences

# Fixed, so that the same content gives the same file on every load.
CREATED = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)

# Paper, orientation, whether each heading starts a page, and type sizes (points) by layout.
LAYOUTS = {
    "document": {"format": "A4", "orientation": "portrait", "page_per_heading": False, "sizes": (18, 14, 11)},
    "large-print": {
        "format": "A4",
        "orientation": "portrait",
        "page_per_heading": False,
        "sizes": (26, 20, 18),
    },
    "slides": {"format": "A4", "orientation": "landscape", "page_per_heading": True, "sizes": (30, 24, 20)},
    "cards": {
        "format": (148, 210),
        "orientation": "landscape",
        "page_per_heading": True,
        "sizes": (14, 12, 11),
    },
    "poster": {"format": "A3", "orientation": "portrait", "page_per_heading": False, "sizes": (44, 30, 24)},
}


def learning_pdf(title, language, notice, blocks, layout="document", author="Vigie IA"):
    """PDF bytes: ``title``, ``notice`` and ``blocks`` (``("heading", text)``,
    ``("paragraph", text)`` or ``("points", [text, ...])``) in ``layout``."""
    settings = LAYOUTS[layout]
    title_size, heading_size, text_size = settings["sizes"]
    pdf = NoticedPDF(notice, text_size, orientation=settings["orientation"], format=settings["format"])
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_subject(notice)
    pdf.set_lang(language)
    pdf.set_creation_date(CREATED)
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.set_auto_page_break(True, margin=20 + text_size)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", title_size)
    pdf.multi_cell(0, title_size * 0.5, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(text_size * 0.4)
    first_heading = True
    for kind, value in blocks:
        if kind == "heading":
            if settings["page_per_heading"] and not first_heading:
                pdf.add_page()
            first_heading = False
            pdf.ln(heading_size * 0.3)
            pdf.set_font("Helvetica", "B", heading_size)
            pdf.multi_cell(0, heading_size * 0.5, value, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(text_size * 0.2)
            continue
        pdf.set_font("Helvetica", "", text_size)
        lines = [value] if kind == "paragraph" else [f"- {point}" for point in value]
        for line in lines:
            pdf.multi_cell(0, text_size * 0.5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(text_size * 0.2)
    return bytes(pdf.output())


class NoticedPDF(FPDF):
    """Every page ends with the fiction notice, whatever page a reader prints."""

    def __init__(self, notice, size, **kwargs):
        super().__init__(unit="mm", **kwargs)
        # PDF's own fonts, in the encoding that has French quotes, dashes and "œ": the file does
        # not depend on a font installed on the machine.
        self.core_fonts_encoding = "windows-1252"
        self.notice = notice
        self.notice_size = size

    def footer(self):
        self.set_y(-(10 + self.notice_size * 0.6))
        self.set_font("Helvetica", "I", self.notice_size * 0.8)
        self.multi_cell(0, self.notice_size * 0.4, f"{self.notice} ({self.page_no()})", align="C")
