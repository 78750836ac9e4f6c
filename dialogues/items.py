"""The dialogue, as the item-type registry (``hub.items``) knows it."""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from hub.items import ItemType, TypeFacet, TypeSort


def kind_choices():
    from .models import DialogueKind

    return DialogueKind.choices


def format_choices():
    from .models import SessionFormat

    return SessionFormat.choices


def accessibility_choices():
    """The venue's accessibility features, then what a session offers (LSQ, captions...)."""
    from .models import ACCESSIBILITY_FEATURES, SESSION_ACCOMMODATIONS, Session, Venue

    return [(field, Venue._meta.get_field(field).verbose_name) for field, _name in ACCESSIBILITY_FEATURES] + [
        (field, Session._meta.get_field(field).verbose_name) for field in SESSION_ACCOMMODATIONS
    ]


def month_choices():
    """The months a reader may pick (``YYYY-MM``, Québec time), in order, labelled in the active
    language ("mai 2027", "May 2027"): this month and the next eleven, and every month with a
    session of a public dialogue. Never empty, so the API's schema always lists its values."""
    from .models import DialoguePage, Session

    today = timezone.localdate()
    months = {
        f"{today.year + (today.month - 1 + ahead) // 12}-{(today.month - 1 + ahead) % 12 + 1:02d}"
        for ahead in range(12)
    }
    starts = Session.objects.filter(dialogue__in=DialoguePage.objects.public()).values_list(
        "starts_at", flat=True
    )
    months.update(timezone.localtime(moment).strftime("%Y-%m") for moment in starts)
    return [(month, month_label(month)) for month in sorted(months)]


def month_label(month):
    year, number = month.split("-")
    return formats.date_format(datetime.date(int(year), int(number), 1), "F Y")


DIALOGUE = ItemType(
    key="dialogue",
    prefix="DI",
    page_model="dialogues.DialoguePage",
    index_model="dialogues.DialogueIndexPage",
    section="dialogues",
    label=_("Dialogue"),
    label_plural=_("Citizen dialogues"),
    index_titles={"fr": "Dialogues citoyens", "en": "Citizen dialogues"},
    index_slugs={"fr": "dialogues", "en": "dialogues"},
    index_intros={
        "fr": "Ateliers pour comprendre l'IA, consultations de quartier et forums : où en parler, "
        "près de chez vous, avec les bibliothèques et les Fab Labs.",
        "en": "Workshops to understand AI, neighbourhood consultations and forums: where to talk "
        "about it, near you, with libraries and Fab Labs.",
    },
    # A dialogue is an event: CSL's "event" and schema.org's "Event".
    csl_type="event",
    schema_type="Event",
    home_latest=3,
    latest_heading=_("Latest dialogues"),
    more_label=_("All dialogues"),
    publication="review",
    data_file_class="dialogues.data_columns.DialogueDataFile",
    editor_permissions=(
        "dialogues.add_venue",
        "dialogues.change_venue",
    ),
    # A dialogue has every format (``attendance_mode``: ``format`` is a search parameter), accessibility feature and month of its sessions
    # (``dialogues.outlets``); the region is the facet every item has.
    facets=(
        TypeFacet(key="kind", label=_("Kind of dialogue"), choices=kind_choices, value_of="kind_facet"),
        TypeFacet(
            key="attendance_mode",
            label=_("In person or online"),
            choices=format_choices,
            value_of="attendance_mode_facet",
        ),
        # A person ticks what they need: a dialogue is found only when every need is met.
        TypeFacet(
            key="accessibility",
            label=_("Accessibility"),
            choices=accessibility_choices,
            value_of="accessibility_facet",
            match_all=True,
            hint=_("Tick what you need: only the dialogues that offer all of it remain."),
        ),
        TypeFacet(key="month", label=_("Month"), choices=month_choices, value_of="month_facet"),
    ),
    sorts=(TypeSort(key="next_session", label=_("Next session first"), value_of="next_session_rank"),),
)
