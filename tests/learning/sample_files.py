"""Files made in the tests, never downloaded: an accessible PDF (tagged, with a language, a
title and real text), the same without tags or language, a scanned one (a picture of a page),
an encrypted one, and an Office file."""

import io
import zipfile

from fpdf import FPDF, TextStyle
from fpdf.prefs import ViewerPreferences
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter


def text_pdf(*, tagged=True, language="fr-CA", title="Guide fictif de l'IA", text="Texte fictif du guide."):
    """A PDF of real text; ``tagged`` gives it a structure tree (fpdf2 tags its section headings
    as marked content, with ``/MarkInfo /Marked true`` and a ``/StructTreeRoot``)."""
    pdf = FPDF()
    if language:
        pdf.set_lang(language)
    if title:
        pdf.set_title(title)
        pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    if tagged:
        pdf.set_section_title_styles(TextStyle(font_family="helvetica", font_size_pt=16))
        pdf.start_section("Guide fictif")
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def scanned_pdf():
    """A page that is only a picture of text, as a scanner makes it (Pillow's PDF writer)."""
    image = Image.new("RGB", (400, 560), "white")
    ImageDraw.Draw(image).text((40, 40), "Texte numérisé fictif", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=72)
    return buffer.getvalue()


def encrypted_pdf():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password="fictif", owner_password="fictif-proprietaire", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx():
    """The smallest archive a word processor recognises as an Office Open XML document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()
