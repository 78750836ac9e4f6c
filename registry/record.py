"""The register's fields, stated once: their groups, their kinds, whether the disclosure score
expects them, and the field of each official standard they correspond to (the crosswalk).

The entry's community record, the organization's declared record, the page, the score, the CSV
and JSON interchange, the JSON Schema and the crosswalk in the README all read this list."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

GROUPS = {
    "contact": _("Who is responsible"),
    "use": _("Use and lifecycle"),
    "decision": _("Decisions and people"),
    "law": _("Legal basis and recourse"),
    "data": _("Data and technique"),
    "assessment": _("Risks, assessments and monitoring"),
    "consultation": _("Consultation"),
}


@dataclass(frozen=True)
class RegisterField:
    key: str  # the model field, the CSV column, the JSON property
    group: str  # a key of GROUPS
    kind: str  # "text", "url", "choice", "month", "organizations", "assessments", "risks"
    expected: bool = True  # counted by the disclosure score
    # The corresponding field of each official standard (empty: the standard has none):
    # NL = Dutch publication standard 1.0, UK = ATRS, EU = Eurocities transparency standard,
    # CA = Canada's Algorithmic Impact Assessment questionnaire.
    crosswalk: dict = field(default_factory=dict)


FIELDS = [
    RegisterField(
        "accountable_role",
        "contact",
        "text",
        crosswalk={
            "NL": "contact_email (accountable body)",
            "UK": "senior_responsible_owner",
            "EU": "contact_information",
            "CA": "assistant deputy minister responsible",
        },
    ),
    RegisterField(
        "contact",
        "contact",
        "text",
        crosswalk={
            "NL": "contact_email",
            "UK": "contact_email",
            "EU": "contact_information",
            "CA": "contact",
        },
    ),
    RegisterField(
        "public_page_url",
        "contact",
        "url",
        crosswalk={"NL": "url", "UK": "more_information_url", "EU": "more_information", "CA": ""},
    ),
    RegisterField(
        "lifecycle_status",
        "use",
        "choice",
        crosswalk={"NL": "status", "UK": "phase", "EU": "status", "CA": "project phase"},
    ),
    RegisterField(
        "start_month",
        "use",
        "month",
        crosswalk={"NL": "begin_date", "UK": "date_deployed", "EU": "start_date", "CA": ""},
    ),
    RegisterField(
        "end_month",
        "use",
        "month",
        expected=False,
        crosswalk={"NL": "end_date", "UK": "date_retired", "EU": "end_date", "CA": ""},
    ),
    RegisterField(
        "purpose",
        "use",
        "text",
        crosswalk={
            "NL": "goal_and_impact",
            "UK": "benefits",
            "EU": "purpose",
            "CA": "reasons for automation",
        },
    ),
    RegisterField(
        "alternatives",
        "use",
        "text",
        crosswalk={
            "NL": "proportionality",
            "UK": "alternatives_considered",
            "EU": "alternatives",
            "CA": "alternatives",
        },
    ),
    RegisterField(
        "decision_role",
        "decision",
        "text",
        crosswalk={
            "NL": "description (decision process)",
            "UK": "decision_making_process",
            "EU": "decision_making",
            "CA": "decision category",
        },
    ),
    RegisterField(
        "automation",
        "decision",
        "choice",
        crosswalk={
            "NL": "human_intervention",
            "UK": "human_decisions_and_review",
            "EU": "human_oversight",
            "CA": "full or partial automation",
        },
    ),
    RegisterField(
        "human_override",
        "decision",
        "text",
        crosswalk={
            "NL": "human_intervention",
            "UK": "human_decisions_and_review",
            "EU": "human_oversight",
            "CA": "human intervention",
        },
    ),
    RegisterField(
        "legal_basis",
        "law",
        "text",
        crosswalk={"NL": "lawful_basis", "UK": "", "EU": "legal_basis", "CA": "legal authority"},
    ),
    RegisterField(
        "recourse",
        "law",
        "text",
        crosswalk={"NL": "", "UK": "appeals_and_review", "EU": "recourse", "CA": "recourse"},
    ),
    RegisterField(
        "data_sources",
        "data",
        "text",
        crosswalk={
            "NL": "source_data",
            "UK": "source_data_description",
            "EU": "datasets",
            "CA": "data sources",
        },
    ),
    RegisterField(
        "personal_data",
        "data",
        "choice",
        crosswalk={
            "NL": "privacy (DPIA)",
            "UK": "data_sharing_agreements",
            "EU": "personal_data",
            "CA": "personal information",
        },
    ),
    RegisterField(
        "training_data",
        "data",
        "text",
        crosswalk={"NL": "source_data", "UK": "training_data", "EU": "data_training", "CA": "data quality"},
    ),
    RegisterField(
        "technique",
        "data",
        "choice",
        crosswalk={
            "NL": "type (algorithm type)",
            "UK": "model_type",
            "EU": "algorithm_type",
            "CA": "explainability",
        },
    ),
    RegisterField(
        "vendors",
        "data",
        "organizations",
        crosswalk={"NL": "provider", "UK": "supplier", "EU": "supplier", "CA": "developer"},
    ),
    RegisterField(
        "source_code_url",
        "data",
        "url",
        crosswalk={"NL": "source_code", "UK": "source_code", "EU": "code_url", "CA": "licence"},
    ),
    RegisterField(
        "impact_assessments",
        "assessment",
        "assessments",
        crosswalk={
            "NL": "impact_assessment (DPIA, IAMA)",
            "UK": "impact_assessments",
            "EU": "impact_assessment",
            "CA": "impact level (I-IV)",
        },
    ),
    RegisterField(
        "risks_mitigations",
        "assessment",
        "risks",
        crosswalk={
            "NL": "risk_management",
            "UK": "risks_and_mitigations",
            "EU": "risks",
            "CA": "mitigation measures",
        },
    ),
    RegisterField(
        "monitoring",
        "assessment",
        "text",
        crosswalk={
            "NL": "monitoring",
            "UK": "performance_monitoring",
            "EU": "monitoring",
            "CA": "monitoring",
        },
    ),
    RegisterField(
        "consultation_held",
        "consultation",
        "choice",
        crosswalk={"NL": "", "UK": "", "EU": "", "CA": "consultation"},
    ),
    RegisterField(
        "consultation_url",
        "consultation",
        "url",
        expected=False,
        crosswalk={"NL": "", "UK": "", "EU": "", "CA": "consultation"},
    ),
]
FIELD_KEYS = [register_field.key for register_field in FIELDS]
EXPECTED_KEYS = [register_field.key for register_field in FIELDS if register_field.expected]


def get_field(key):
    return next(register_field for register_field in FIELDS if register_field.key == key)


def has_value(record, key):
    """Whether ``record`` (a declared record or an entry's community record) gives ``key`` a value."""
    value = getattr(record, key)
    if get_field(key).kind == "organizations":
        return bool(list(value.all()))
    return bool(value)  # text, URL, choice and month fields; a StreamField is falsy when empty
