"""The demo's learning resources and toolkit, for a ``DemoLoader`` (its organizations, items,
accounts and publication): their audio and video with captions and transcripts in French and
English, their PDFs, and one toolkit for a library workshop (``data/learning.py``).

Everything is generated here, at load time (``learning_media.py``, ``learning_pdf.py``), and
published through the loader's revisions, so the publication rules apply to the demo as to
anyone: each video has captions and a transcript in each language and a decision on audio
description, each audio a transcript in each language, and each untagged PDF a stated reason
and its accessible alternative, a live page of the same language holding the PDF's text (under
"Les documents de la démo en texte accessible"). Media and documents are recognised by title,
those pages by their slugs, items by the translation key derived from their fixed public id: a
second run adds nothing."""

from datetime import date

from django.core.files.base import ContentFile
from django.utils.html import format_html, format_html_join
from wagtail.documents import get_document_model

from dialogues.models import DialoguePage
from hub.models import GlossaryTerm, Region, Risk, Service, StandardPage
from hub.roles import media_collection
from learning.models import LearningMedia, LearningResourcePage, ResourceFile, ToolkitMember, ToolkitPage

from .data.learning import (
    ALTERNATIVES,
    OUTCOMES_HEADING,
    PDF_EXCEPTION,
    PDF_LABEL,
    PDF_NOTICE,
    RESOURCES,
    WORKSHOP_AUTHORS,
)
from .data.learning_media import MEDIA, SCREEN_LINE, SCREEN_NOTICE, SOUND_NOTE, TONE_CUE
from .data.toolkits import TOOLKITS
from .learning_media import draw_slide, png, slide_video, tone_audio, webvtt
from .learning_pdf import learning_pdf
from .texts import heading, paragraph, write_summaries

LANGUAGES = ("fr", "en")
# A caption leaves this much of its slide's time blank at each end: cues never touch.
CUE_MARGIN = 0.2


class LearningLoader:
    def __init__(self, loader):
        self.loader = loader

    def load(self):
        self.load_media()
        self.resources = {}
        for spec in RESOURCES:
            page = self.item(LearningResourcePage, spec, self.draft, self.write_resource, "learning resource")
            self.resources[spec["key"]] = {"fr": page, "en": page.get_translation(self.loader.english)}
        for spec in TOOLKITS:
            self.item(ToolkitPage, spec, self.draft_toolkit, self.write_toolkit, "toolkit")

    def item(self, model, spec, draft, write_text, label):
        """The French page of ``spec`` and its English translation, each created and published
        when missing."""
        page = self.loader.existing_item(model, spec["id"])
        self.loader.tally(f"{label}s", page is None)
        published = date.fromisoformat(spec["published"])
        if page is None:
            page = draft(spec)
            self.loader.add(self.loader.index_of(model), page, spec["id"], published)
        self.loader.ensure_english(page, spec, write_text, f"{label} translations", published)
        return page

    # Audio and video

    def load_media(self):
        self.media = {}
        for spec in MEDIA:
            item = LearningMedia.objects.filter(title=spec["title"]).first()
            self.loader.tally("audio and video", item is None)
            if item is None:
                item = self.new_media(spec)
            self.media[spec["key"]] = item

    def new_media(self, spec):
        key = spec["key"]
        item = LearningMedia(
            title=spec["title"],
            type=spec["type"],
            collection=media_collection(),
            spoken_language="fr" if spec["tones"] else "",
            audio_description=spec.get("audio_description", ""),
            sign_language=spec.get("sign_language", ""),
        )
        if "sign_language_version" in spec:
            item.sign_language_version = self.media[spec["sign_language_version"]]
        if spec["type"] == "video":
            screens = [slide["screen"] for slide in spec["slides"]]
            recording = slide_video(screens, spec["seconds_per_slide"], SCREEN_NOTICE, spec["tones"])
            item.thumbnail = ContentFile(png(draw_slide(*screens[0], SCREEN_NOTICE)), name=f"demo-{key}.png")
        else:
            recording = tone_audio(spec["tones"])
        item.file = ContentFile(recording.data, name=f"demo-{key}.{recording.extension}")
        item.duration, item.width, item.height = recording.duration, recording.width, recording.height
        for language in LANGUAGES:
            setattr(item, f"transcript_{language}", transcript(spec, language))
            if spec["type"] == "video" and spec["tones"]:
                captions = webvtt(cues(spec, language))
                setattr(
                    item,
                    f"captions_{language}",
                    ContentFile(captions.encode(), name=f"demo-{key}.{language}.vtt"),
                )
        item.save()
        return item

    # Learning resources

    def draft(self, spec):
        loader = self.loader
        page = loader.new_item(
            LearningResourcePage,
            spec["id"],
            format=spec["format"],
            audiences=spec["audiences"],
            level=spec["level"],
            duration_minutes=spec["duration"],
            languages=list(LANGUAGES),
            licence=spec["licence"],
            authors=WORKSHOP_AUTHORS,
            recording=self.media.get(spec.get("recording")),
            large_print=spec.get("large_print", False),
        )
        page.services = loader.terms(Service, spec["services"])
        page.regions = loader.terms(Region, spec["regions"])
        page.risks = loader.terms(Risk, spec["risks"]) if spec["risks"] else []
        page.glossary_terms = list(
            GlossaryTerm.objects.filter(slug__in=spec["glossary"], locale=loader.french)
        )
        page.organizations = [loader.organization(key) for key in spec["organizations"]]
        page.casefiles = [loader.casefiles[public_id] for public_id in spec.get("casefiles", [])]
        page.systems = [loader.systems[name] for name in spec.get("systems", [])]
        page.dialogues = [self.dialogue(public_id) for public_id in spec.get("dialogues", [])]
        self.write_resource(page, spec, "fr")
        return page

    def dialogue(self, public_id):
        page = self.loader.existing_item(DialoguePage, public_id)
        if page is None:
            raise ValueError(f"the demo's learning resources name {public_id}, which the demo does not load")
        return page

    def write_resource(self, page, spec, language):
        """The words and files of ``page`` in ``language`` (a translation's files are its own)."""
        text = spec[language]
        write_summaries(page, text, language)
        page.learning_outcomes = "\n".join(text["outcomes"])
        page.body = [stream_block(kind, value) for kind, value in text["body"]]
        page.files = []
        if "document" in spec:
            public_id = page.public_id or page.translation_group_public_id()
            page.files = [
                ResourceFile(
                    document=self.document(spec, language, public_id),
                    label=PDF_LABEL[language],
                    exception_reason=PDF_EXCEPTION[language],
                    html_alternative=self.alternative(spec, language),
                )
            ]
        tested = spec.get("easy_to_read")
        if tested:
            page.easy_to_read = True
            page.easy_to_read_tested_with = tested[language]
            page.easy_to_read_tested_on = date.fromisoformat(tested["on"])

    def alternative(self, spec, language):
        """The live page holding the text of the resource's PDF in ``language``, the PDF's
        accessible alternative (fpdf2 does not tag text)."""
        words = ALTERNATIVES[language]
        title = spec[language]["title"]
        return self.plain_page(
            self.alternatives_page("fr"),
            self.alternatives_page(language),
            spec["key"],
            language,
            title=words["page_title"].format(title=title),
            intro=words["page_intro"].format(title=title),
            body=[stream_block(kind, value) for kind, value in pdf_blocks(spec[language], language)],
        )

    def alternatives_page(self, language):
        """The page under the home page in ``language`` above the documents' texts."""
        words = ALTERNATIVES[language]
        return self.plain_page(
            self.loader.site["fr"]["home"],
            self.loader.site[language]["home"],
            ALTERNATIVES["fr"]["slug"],
            language,
            title=words["title"],
            slug=words["slug"],
            intro=words["intro"],
        )

    def plain_page(self, french_parent, parent, french_slug, language, **fields):
        """The standard page ``french_slug`` under ``french_parent``, or its translation in
        ``language``; created (the English one as a translation) with ``fields`` and published
        when missing."""
        original = french_parent.get_children().filter(slug=french_slug).first()
        page = original.specific if original else None
        if language == "en" and page is not None:
            page = page.get_translation_or_none(self.loader.english)
        self.loader.tally("pages of the documents' texts", page is None)
        if page is None:
            page = (
                original.copy_for_translation(self.loader.english)
                if original
                else StandardPage(slug=french_slug)
            )
            for name, value in fields.items():
                setattr(page, name, value)
            self.publish_plain_page(parent, page)
        return page

    def publish_plain_page(self, parent, page):
        """Pages outside the items' sections are the administrators' to publish."""
        if page.pk is None:
            parent.add_child(instance=page)
        administrator = self.loader.users["demo-admin"]
        page.save_revision(user=administrator).publish(user=administrator)

    def document(self, spec, language, public_id):
        text = spec[language]
        suffix = {"fr": "PDF fictif de démonstration", "en": "fictional demonstration PDF"}[language]
        title = f"{public_id} — {text['title']} ({suffix})"
        document_model = get_document_model()
        document = document_model.objects.filter(title=title).first()
        self.loader.tally("documents", document is None)
        if document is None:
            blocks = pdf_blocks(text, language)
            data = learning_pdf(text["title"], language, PDF_NOTICE[language], blocks, spec["document"])
            document = document_model(
                title=title,
                collection=media_collection(),
                file=ContentFile(data, name=f"demo-{public_id.lower()}-{language}.pdf"),
            )
            document._set_document_file_metadata()
            document.save()
        return document

    # Toolkits

    def draft_toolkit(self, spec):
        page = self.loader.new_item(ToolkitPage, spec["id"], duration_minutes=spec["duration"])
        page.services = self.loader.terms(Service, spec["services"])
        page.regions = self.loader.terms(Region, spec["regions"])
        self.write_toolkit(page, spec, "fr")
        return page

    def write_toolkit(self, page, spec, language):
        """The words of the toolkit in ``language``, its members the resources in that language."""
        write_summaries(page, spec[language], language)
        page.purpose = spec[language]["purpose"]
        page.how_to_use = spec[language]["how_to_use"]
        page.members = [
            ToolkitMember(sort_order=number, resource=self.resources[key][language], note=note[language])
            for number, (key, note) in enumerate(spec["members"])
        ]


def pdf_blocks(text, language):
    """What a resource's PDF says, in order: what you will learn, then the resource's text."""
    return [("heading", OUTCOMES_HEADING[language]), ("points", text["outcomes"]), *text["body"]]


def stream_block(kind, value):
    if kind == "heading":
        return heading(value)
    if kind == "paragraph":
        return paragraph(value)
    return {
        "type": "paragraph",
        "value": format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((point,) for point in value))
        ),
    }


def cues(spec, language):
    """One caption per slide, within the slide's time; the first says that a tone stands in for
    the voice."""
    seconds = spec["seconds_per_slide"]
    result = []
    for number, slide in enumerate(spec["slides"]):
        text = slide["said"][language]
        if number == 0:
            text = f"{TONE_CUE[language]}\n{text}"
        result.append((number * seconds + CUE_MARGIN, (number + 1) * seconds - CUE_MARGIN, text))
    return result


def transcript(spec, language):
    """What is heard (the voice the tones stand in for) and, for a video, what is shown."""
    kind = spec["type"] if spec["tones"] else "silent"
    lines = [SOUND_NOTE[kind][language]]
    if spec["type"] == "audio":
        lines += [said[language] for said in spec["said"]]
    else:
        for slide in spec["slides"]:
            shown, text = slide["screen"]
            screen = SCREEN_LINE[language].format(heading=shown, text=text)
            lines.append(
                slide["said"][language] if kind == "silent" else f"{screen} {slide['said'][language]}"
            )
    return "\n\n".join(lines)
