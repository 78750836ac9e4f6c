"""Blocks of a register record: its impact assessments and its risks with their mitigations."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

ASSESSMENT_KINDS = [
    ("aia-1", _("Algorithmic impact assessment, level I")),
    ("aia-2", _("Algorithmic impact assessment, level II")),
    ("aia-3", _("Algorithmic impact assessment, level III")),
    ("aia-4", _("Algorithmic impact assessment, level IV")),
    ("pia", _("Privacy impact assessment (EFVP)")),
    ("other", _("Other assessment")),
]


class AssessmentBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=ASSESSMENT_KINDS, label=_("Kind"))
    date = blocks.DateBlock(label=_("Date"), required=False)
    url = blocks.URLBlock(label=_("Link"), required=False)
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Impact assessment")


class AssessmentsBlock(blocks.StreamBlock):
    assessment = AssessmentBlock()


class RiskBlock(blocks.StructBlock):
    risk = blocks.TextBlock(label=_("Risk"))
    mitigation = blocks.TextBlock(label=_("Mitigation"), required=False)

    class Meta:
        icon = "warning"
        label = _("Risk and mitigation")


class RisksBlock(blocks.StreamBlock):
    risk = RiskBlock()
