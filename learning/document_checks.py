"""What can be checked automatically of a file's accessibility, and a report of it.

A PDF (recognised by its content, not its name) is read with pypdf: is it tagged (a structure
tree that screen readers follow), does it declare its language (so they pronounce it right),
does it have a title, and does each page hold text rather than a scanned picture of text. An
Office file (Word, LibreOffice, PowerPoint, Excel) cannot be checked here: it always needs an
accessible alternative. Plain text (CSV, TXT) is accessible as it is.

Reports are cached by the file's content hash: a public page listing ten files does not parse
ten PDFs at every visit, and a new file (a new hash) is checked again."""

import hashlib
import io
import logging
import zipfile
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

logger = logging.getLogger(__name__)

CACHE_VERSION = 1
CACHE_SECONDS = 60 * 60 * 24 * 30

PDF = "pdf"
OFFICE = "office"
TEXT = "text"
OTHER = "other"

# A PDF's header may follow up to 1,024 bytes of anything (ISO 32000-1, annex H.3).
PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt of old Office versions
TEXT_SAMPLE = 64 * 1024

LABELS = {
    "readable": _("The file opens"),
    "not_encrypted": _("Not protected by a password or encryption"),
    "tagged": _("Tagged (a structure screen readers can follow)"),
    "language": _("Document language set"),
    "title": _("Title in the document's properties"),
    "text": _("Real text on every page, not scanned images"),
    "office": _("Checked automatically"),
    "plain_text": _("Plain text"),
    "other": _("Checked automatically"),
}

# What a failed check means, in a few words, for the editor's message and the public page.
FAULTS = {
    "readable": _("cannot be read"),
    "not_encrypted": _("encrypted"),
    "tagged": _("no tags"),
    "language": _("no document language"),
    "title": _("no title"),
    "text": _("scanned pages without text"),
    "office": _("cannot be checked automatically"),
    "other": _("cannot be checked automatically"),
}


@dataclass(frozen=True)
class Check:
    """One check: ``key`` (stable), whether it ``passed``, and what it found (``data``), from
    which the translated ``label`` and ``detail`` are made when shown."""

    key: str
    passed: bool
    data: dict = field(default_factory=dict)

    @property
    def label(self):
        return LABELS[self.key]

    @property
    def detail(self):
        return describe(self)


@dataclass(frozen=True)
class Report:
    kind: str
    checks: tuple

    @property
    def passed(self):
        """Accessible as far as a machine can tell: plain text, or a PDF passing every check."""
        return self.kind in (PDF, TEXT) and all(check.passed for check in self.checks)

    @property
    def failed_checks(self):
        return [check for check in self.checks if not check.passed]

    @property
    def faults(self):
        """What fails, in a few words: "no tags, no document language"."""
        return ", ".join(str(FAULTS[check.key]) for check in self.failed_checks)

    def as_data(self):
        return {"kind": self.kind, "checks": [[c.key, c.passed, c.data] for c in self.checks]}

    @classmethod
    def from_data(cls, data):
        return cls(data["kind"], tuple(Check(key, passed, info) for key, passed, info in data["checks"]))


def describe(check):
    """The check's finding in words an editor who is not an expert understands."""
    data = check.data
    if check.key == "readable":
        return "" if check.passed else _("The file is damaged or is not a real PDF: it could not be read.")
    if check.key == "not_encrypted":
        return (
            ""
            if check.passed
            else _(
                "It is encrypted: assistive technologies may be forbidden to read it. "
                "Save it again without protection."
            )
        )
    if check.key == "tagged":
        if check.passed:
            return ""
        return _(
            "It has no tags: a screen reader reads it as one block, in no reliable order. "
            "Export it again with “tagged PDF” (or “accessibility”) ticked."
        )
    if check.key == "language":
        if check.passed:
            return _("Language: %(language)s.") % {"language": data["language"]}
        return _("No language is declared: screen readers may pronounce it with the wrong voice.")
    if check.key == "title":
        if not check.passed:
            return _(
                "No title: people hear the file name instead. Fill in the title in the file's properties."
            )
        if data.get("shown"):
            return _("Title: %(title)s.") % {"title": data["title"]}
        return _("Title: %(title)s (viewers are not asked to show it instead of the file name).") % {
            "title": data["title"]
        }
    if check.key == "text":
        if check.passed:
            return ""
        return _(
            "Pages that are pictures without text (scanned?): %(pages)s. A screen reader finds "
            "nothing there. Use the original file, or recognise the text (OCR) and check it."
        ) % {"pages": ", ".join(str(page) for page in data["pages"])}
    if check.key in ("office", "other"):
        return _("This kind of file cannot be checked automatically: provide an accessible alternative.")
    return ""


def sniff(head):
    """The kind of a file from its first bytes: PDF, Office (OOXML, OpenDocument, old binary
    Office), plain text, or something else."""
    if PDF_MAGIC in head[:1024]:
        return PDF
    if head.startswith(OLE_MAGIC):
        return OFFICE
    if head.startswith(b"PK\x03\x04"):
        return OFFICE if is_office_zip(head) else OTHER
    if b"\x00" not in head[:TEXT_SAMPLE]:
        try:
            head[:TEXT_SAMPLE].decode("utf-8")
        except UnicodeDecodeError as error:
            # A sample cut in the middle of a character is still text.
            if error.start < len(head[:TEXT_SAMPLE]) - 4:
                return OTHER
        return TEXT
    return OTHER


def is_office_zip(content):
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return False
    return "[Content_Types].xml" in names or "mimetype" in names


def check_bytes(content):
    """The report of a file's ``content`` (bytes)."""
    kind = sniff(content)
    if kind == PDF:
        return Report(PDF, tuple(check_pdf(content)))
    if kind == TEXT:
        return Report(TEXT, (Check("plain_text", True),))
    return Report(kind, (Check(kind, False),))


def check_pdf(content):
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            return [Check("readable", True), Check("not_encrypted", False)]
        catalog = reader.trailer["/Root"]
        return [
            Check("readable", True),
            Check("not_encrypted", True),
            tagged_check(catalog),
            language_check(catalog),
            title_check(reader, catalog),
            text_check(reader),
        ]
    except (PdfReadError, PyPdfError, KeyError, ValueError, TypeError) as error:
        logger.info("Unreadable PDF: %s", error)
        return [Check("readable", False)]


def tagged_check(catalog):
    mark_info = catalog.get("/MarkInfo")
    marked = mark_info.get_object().get("/Marked") if mark_info else None
    # pypdf's BooleanObject(False) is truthy: compare its value.
    return Check("tagged", getattr(marked, "value", False) is True and "/StructTreeRoot" in catalog)


def language_check(catalog):
    language = str(catalog.get("/Lang") or "").strip()
    return Check("language", bool(language), {"language": language})


def title_check(reader, catalog):
    title = str((reader.metadata or {}).get("/Title") or "").strip()
    preferences = catalog.get("/ViewerPreferences")
    shown = bool(preferences and preferences.get_object().get("/DisplayDocTitle"))
    return Check("title", bool(title), {"title": title, "shown": shown})


def text_check(reader):
    """Pages with an image and no text are scanned pages; blank pages are not a fault."""
    scanned = []
    for number, page in enumerate(reader.pages, start=1):
        if (page.extract_text() or "").strip():
            continue
        if has_images(page):
            scanned.append(number)
    return Check("text", not scanned, {"pages": scanned})


def has_images(page):
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources else None
    if not xobjects:
        return False
    return any(xobject.get_object().get("/Subtype") == "/Image" for xobject in xobjects.get_object().values())


def content_hash(document):
    """The document's SHA-1 as Wagtail stores it, computed when an older row lacks it."""
    if document.file_hash:
        return document.file_hash
    with document.open_file() as handle:
        return hashlib.sha1(handle.read()).hexdigest()  # noqa: S324 (a content key, not security)


def check_document(document):
    """The report of a Wagtail document's file, cached by its content."""
    try:
        key = f"learning:document-check:{CACHE_VERSION}:{content_hash(document)}"
        data = cache.get(key)
        if data is not None:
            return Report.from_data(data)
        with document.open_file() as handle:
            report = check_bytes(handle.read())
    except OSError:
        # A file lost from the storage: the page still answers, the file counts as unreadable.
        logger.exception("Document %s: its file could not be read", document.pk)
        return Report(OTHER, (Check("readable", False),))
    cache.set(key, report.as_data(), CACHE_SECONDS)
    return report


def file_format(document):
    """The format a reader knows a file by: its extension in capitals (PDF, DOCX...)."""
    return (document.file_extension or "").upper()
