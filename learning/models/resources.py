"""The learning resource (``LR-YYYY-NNNN``): a guide, cards, a poster, a recording... with who
it is for, what it teaches, its licence, and the files and media that carry it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.blocks import BaseStreamBlock
from hub.models import GlossaryTerm, ItemIndexPage, ItemPage, Organization, Risk

from ..document_panels import DocumentReportPanel
from ..outlets import LearningOutlets
from ..page_forms import LearningResourcePageForm
from ..panels import BodyReadabilityPanel
from .fields import Audience, ChoicesListField, Level, Licence, ResourceFormat, ResourceLanguage

MAX_OUTCOMES = 5
"""What a resource teaches fits in five points: more is a syllabus, not a promise to a reader."""


class LearningIndexPage(ItemIndexPage):
    subpage_types = ["learning.LearningResourcePage"]

    class Meta:
        verbose_name = _("learning resources index")


class LearningResourcePage(LearningOutlets, ItemPage):
    format = models.CharField(_("format"), max_length=20, choices=ResourceFormat.choices)
    audiences = ChoicesListField(_("for whom"), vocabulary=Audience, default=list)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), null=True, blank=True, help_text=_("To read, watch, listen or run it.")
    )
    languages = ChoicesListField(
        _("languages"), vocabulary=ResourceLanguage, default=list, help_text=_("Every language it exists in.")
    )
    risks = ParentalManyToManyField(
        Risk, verbose_name=_("risks"), blank=True, related_name="learning_resources"
    )
    glossary_terms = ParentalManyToManyField(
        GlossaryTerm, verbose_name=_("glossary terms"), blank=True, related_name="learning_resources"
    )
    learning_outcomes = models.TextField(
        _("what you will learn"), help_text=_("One point per line, five at most.")
    )
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices)
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    organizations = ParentalManyToManyField(
        Organization, verbose_name=_("organizations"), blank=True, related_name="learning_resources"
    )
    casefiles = ParentalManyToManyField(
        "impacts.CaseFilePage", verbose_name=_("case files"), blank=True, related_name="learning_resources"
    )
    systems = ParentalManyToManyField(
        "registry.SystemPage", verbose_name=_("AI systems"), blank=True, related_name="learning_resources"
    )
    dialogues = ParentalManyToManyField(
        "dialogues.DialoguePage",
        verbose_name=_("dialogues using it"),
        blank=True,
        related_name="learning_resources",
    )
    recording = models.ForeignKey(
        "learning.LearningMedia",
        verbose_name=_("audio or video"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("text of the resource"), blank=True)
    easy_to_read = models.BooleanField(
        _("easy to read (FALC)"),
        default=False,
        help_text=_("Only when the text was tested with people it is meant for: say who and when below."),
    )
    easy_to_read_tested_with = models.CharField(
        _("tested with"),
        max_length=300,
        blank=True,
        help_text=_(
            "Who read it before publication, for example: a group of six adults at a literacy centre."
        ),
    )
    easy_to_read_tested_on = models.DateField(_("tested on"), null=True, blank=True)
    large_print = models.BooleanField(_("large-print version"), default=False)

    content_panels = [
        FieldPanel("title"),
        MultiFieldPanel(ItemPage.summary_panels, heading=_("Summaries")),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("audiences"),
                FieldPanel("level"),
                FieldPanel("duration_minutes"),
                FieldPanel("languages"),
                FieldPanel("learning_outcomes"),
            ],
            heading=_("What it is, for whom"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("services"),
                FieldPanel("regions"),
                FieldPanel("risks"),
                FieldPanel("glossary_terms"),
            ],
            heading=_("Topics"),
        ),
        FieldPanel("body"),
        BodyReadabilityPanel(),
        FieldPanel("recording"),
        InlinePanel("files", heading=_("Files"), label=_("File")),
        MultiFieldPanel(
            [
                FieldPanel("easy_to_read"),
                FieldPanel("easy_to_read_tested_with"),
                FieldPanel("easy_to_read_tested_on"),
                FieldPanel("large_print"),
            ],
            heading=_("Easy to read"),
        ),
        MultiFieldPanel(
            [FieldPanel("licence"), FieldPanel("authors"), FieldPanel("organizations")],
            heading=_("Authors and licence"),
        ),
        MultiFieldPanel(
            [FieldPanel("casefiles"), FieldPanel("systems"), FieldPanel("dialogues")],
            heading=_("Linked items"),
        ),
        *ItemPage.change_panels,
    ]
    search_fields = ItemPage.search_fields + [
        index.SearchField("learning_outcomes"),
        index.SearchField("body"),
        index.SearchField("authors"),
        index.FilterField("format"),
        index.FilterField("level"),
    ]
    translatable_fields = ItemPage.item_translatable_fields + [
        SynchronizedField("format"),
        SynchronizedField("audiences"),
        SynchronizedField("level"),
        SynchronizedField("duration_minutes"),
        SynchronizedField("languages"),
        SynchronizedField("risks"),
        SynchronizedField("glossary_terms"),
        TranslatableField("learning_outcomes"),
        SynchronizedField("licence"),
        SynchronizedField("authors"),
        SynchronizedField("organizations"),
        SynchronizedField("casefiles"),
        SynchronizedField("systems"),
        SynchronizedField("dialogues"),
        SynchronizedField("recording"),
        TranslatableField("body"),
        # A translation carries files in its own language: they are its own.
        TranslatableField("files"),
        # The test with readers is the test of one language's text.
        SynchronizedField("easy_to_read", overridable=True),
        SynchronizedField("easy_to_read_tested_with", overridable=True),
        SynchronizedField("easy_to_read_tested_on", overridable=True),
        SynchronizedField("large_print"),
    ]

    parent_page_types = ["learning.LearningIndexPage"]
    subpage_types = []
    base_form_class = LearningResourcePageForm

    class Meta:
        verbose_name = _("learning resource")
        verbose_name_plural = _("learning resources")

    def schema_org(self, data):
        from ..schema_org import resource_data

        return resource_data(self, data)

    def clean(self):
        super().clean()
        errors = dict(self.easy_to_read_problems())
        if len(self.outcomes) > MAX_OUTCOMES:
            errors["learning_outcomes"] = _(
                "Say what a reader will learn in five points at most, one per line."
            )
        if errors:
            raise ValidationError(errors)

    def publication_problems(self):
        """Why this version may not go live: its audio or video lacks what WCAG requires in the
        page's language (``learning.media_rules``), a file fails its checks without an
        accessible alternative (``learning.document_rules``), or it claims the easy-to-read mark
        without saying who tested it and when."""
        from ..document_rules import document_problems
        from ..media_rules import media_problems

        return [
            *super().publication_problems(),
            *media_problems(self),
            *document_problems(self),
            *self.easy_to_read_problems().values(),
        ]

    @property
    def audience_choices(self):
        """``[(key, label)]`` of the audiences, a key no longer in the vocabulary left out."""
        return [(key, Audience(key).label) for key in self.audiences if key in Audience.values]

    @property
    def audience_labels(self):
        return [str(label) for _key, label in self.audience_choices]

    @property
    def language_names(self):
        """``[(code, name)]``: each language named in itself, as a language menu names it."""
        return [
            (key, ResourceLanguage(key).label) for key in self.languages if key in ResourceLanguage.values
        ]

    @property
    def outcomes(self):
        """What a reader will learn: the non-empty lines of ``learning_outcomes``."""
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]

    def easy_to_read_problems(self):
        """``{field: message}``: the FALC rule. Easy-to-read is a promise that people who read
        with difficulty understood the text, so the mark needs the test with them (who and when),
        and a test that has not happened yet does not count."""
        if not self.easy_to_read:
            return {}
        problems = {}
        if not self.easy_to_read_tested_with.strip():
            problems["easy_to_read_tested_with"] = _(
                "The easy-to-read mark needs a test with people the text is for: say who read it."
            )
        # A script may set the date as text: read it as the form would.
        tested_on = self._meta.get_field("easy_to_read_tested_on").to_python(self.easy_to_read_tested_on)
        if tested_on is None:
            problems["easy_to_read_tested_on"] = _(
                "The easy-to-read mark needs a test with people the text is for: say when it took place."
            )
        elif tested_on > timezone.localdate():
            problems["easy_to_read_tested_on"] = _("The test with readers cannot be in the future.")
        return problems


class ResourceFile(Orderable):
    """A downloadable file of a resource (the guide as PDF, the slides...). A file whose
    automatic checks fail may still be published with a stated reason and an accessible HTML
    alternative (``learning.document_rules``)."""

    resource = ParentalKey(LearningResourcePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(
        _("what it is"), max_length=200, help_text=_("For example: the guide, to print.")
    )
    exception_reason = models.TextField(
        _("why it is published although its checks fail"),
        blank=True,
        help_text=_("Only when the accessibility checks of this file fail: say why it cannot be fixed now."),
    )
    html_alternative = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessible HTML alternative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A page holding the same content, when the file is not accessible."),
    )

    panels = [
        FieldPanel("document"),
        FieldPanel("label"),
        FieldPanel("exception_reason"),
        FieldPanel("html_alternative"),
        DocumentReportPanel(),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
