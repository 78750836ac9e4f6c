"""The dialogue, as the item-type registry (``hub.items``) knows it."""

from django.utils.translation import gettext_lazy as _

from hub.items import ItemType

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
    editor_permissions=(
        "dialogues.add_venue",
        "dialogues.change_venue",
    ),
)
