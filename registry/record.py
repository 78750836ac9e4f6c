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
            "NL": "",
            "UK": "senior_responsible_owner",
            "EU": "",
            "CA": "ADMresponsible (ADM responsible for the program)",
        },
    ),
    RegisterField(
        "contact",
        "contact",
        "text",
        crosswalk={"NL": "contact_email", "UK": "contact_email", "EU": "contact_email", "CA": ""},
    ),
    RegisterField(
        "public_page_url",
        "contact",
        "url",
        crosswalk={"NL": "website", "UK": "website", "EU": "website", "CA": ""},
    ),
    RegisterField(
        "lifecycle_status",
        "use",
        "choice",
        crosswalk={
            "NL": "status",
            "UK": "phase",
            "EU": "status",
            "CA": "projectDetailsPhase (design or implementation)",
        },
    ),
    RegisterField(
        "start_month",
        "use",
        "month",
        crosswalk={"NL": "begin_date", "UK": "", "EU": "", "CA": ""},
    ),
    RegisterField(
        "end_month",
        "use",
        "month",
        expected=False,
        crosswalk={"NL": "end_date", "UK": "", "EU": "", "CA": ""},
    ),
    RegisterField(
        "purpose",
        "use",
        "text",
        crosswalk={
            "NL": "goal",
            "UK": "benefit",
            "EU": "goal",
            "CA": "businessDrivers6A (expected benefits)",
        },
    ),
    RegisterField(
        "alternatives",
        "use",
        "text",
        crosswalk={
            "NL": "proportionality",
            "UK": "alternatives_considered",
            "EU": "alternatives_considered",
            "CA": "businessDrivers9 (non-automated alternatives considered)",
        },
    ),
    RegisterField(
        "decision_role",
        "decision",
        "text",
        crosswalk={
            "NL": "",
            "UK": "process_integration",
            "EU": "decision_making_process",
            "CA": "decisionSector3 (the administrative decision supported or made)",
        },
    ),
    RegisterField(
        "automation",
        "decision",
        "choice",
        crosswalk={
            "NL": "human_intervention",
            "UK": "human_decisions",
            "EU": "human_intervention",
            "CA": "impact30 (full or partial automation)",
        },
    ),
    RegisterField(
        "human_override",
        "decision",
        "text",
        crosswalk={
            "NL": "human_intervention",
            "UK": "human_decisions",
            "EU": "human_intervention",
            "CA": "fairnessDesign4 (overrides logged)",
        },
    ),
    RegisterField(
        "legal_basis",
        "law",
        "text",
        crosswalk={
            "NL": "lawful_basis",
            "UK": "",
            "EU": "lawful_basis",
            "CA": "projectAuthority1 (policy or legal authority)",
        },
    ),
    RegisterField(
        "recourse",
        "law",
        "text",
        crosswalk={
            "NL": "",
            "UK": "appeals_and_review",
            "EU": "objection_procedure",
            "CA": "fairnessDesign13 (recourse process)",
        },
    ),
    RegisterField(
        "data_sources",
        "data",
        "text",
        crosswalk={
            "NL": "source_data",
            "UK": "source_data_description",
            "EU": "source_data",
            "CA": "aboutDataSource13 (input data and its source)",
        },
    ),
    RegisterField(
        "personal_data",
        "data",
        "choice",
        crosswalk={"NL": "", "UK": "", "EU": "", "CA": "aboutDataSource1 (personal information as input)"},
    ),
    RegisterField(
        "training_data",
        "data",
        "text",
        crosswalk={
            "NL": "source_data",
            "UK": "source_data_description",
            "EU": "training_data",
            "CA": "aboutDataSource7 (who collected the training data)",
        },
    ),
    RegisterField(
        "technique",
        "data",
        "choice",
        crosswalk={
            "NL": "methods_and_models",
            "UK": "model_type",
            "EU": "algorithm_type",
            "CA": "aboutAlgorithm3 (rule-based or learned from data)",
        },
    ),
    RegisterField(
        "vendors",
        "data",
        "organizations",
        crosswalk={
            "NL": "provider",
            "UK": "external_supplier",
            "EU": "",
            "CA": "aboutSystem3 (who developed the system)",
        },
    ),
    RegisterField(
        "source_code_url",
        "data",
        "url",
        crosswalk={
            "NL": "publiccode",
            "UK": "",
            "EU": "codebase_url",
            "CA": "aboutSystem5A (open source licence)",
        },
    ),
    RegisterField(
        "impact_assessments",
        "assessment",
        "assessments",
        crosswalk={
            "NL": "impacttoetsen_grouping",
            "UK": "impact_assessment_name, _date, _link",
            "EU": "AIA_url, DPIA_url",
            "CA": "impact level I-IV (the assessment's result)",
        },
    ),
    RegisterField(
        "risks_mitigations",
        "assessment",
        "risks",
        crosswalk={
            "NL": "risks",
            "UK": "risk_name, risk_mitigation",
            "EU": "risks",
            "CA": "impact8 (risks and mitigations of the impacts)",
        },
    ),
    RegisterField(
        "monitoring",
        "assessment",
        "text",
        crosswalk={
            "NL": "",
            "UK": "maintenance",
            "EU": "monitoring",
            "CA": "fairnessDesign24 (performance monitoring)",
        },
    ),
    RegisterField(
        "consultation_held",
        "consultation",
        "choice",
        crosswalk={
            "NL": "",
            "UK": "",
            "EU": "",
            "CA": "consultationImplementation6 (clients most impacted consulted)",
        },
    ),
    RegisterField(
        "consultation_url",
        "consultation",
        "url",
        expected=False,
        crosswalk={
            "NL": "",
            "UK": "",
            "EU": "",
            "CA": "consultationImplementation9 (how feedback was documented)",
        },
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
