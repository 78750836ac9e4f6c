"""The learning resource and the toolkit, as the item-type registry (``hub.items``) knows them."""

from django.utils.translation import gettext_lazy as _

from hub.items import ItemType, TypeFacet


def format_choices():
    from .models import ResourceFormat

    return ResourceFormat.choices


def audience_choices():
    from .models import Audience

    return Audience.choices


def level_choices():
    from .models import Level

    return Level.choices


def language_choices():
    from .models import ResourceLanguage

    return ResourceLanguage.choices


def access_choices():
    from .outlets import AccessFeature

    return AccessFeature.choices


LEARNING_RESOURCE = ItemType(
    key="learning_resource",
    prefix="LR",
    page_model="learning.LearningResourcePage",
    index_model="learning.LearningIndexPage",
    section="learning-resources",
    label=_("Learning resource"),
    label_plural=_("Learning resources"),
    index_titles={"fr": "Apprendre", "en": "Learning"},
    index_slugs={"fr": "apprendre", "en": "learning"},
    index_intros={
        "fr": "Guides faciles à lire, cartes d'activités, capsules vidéo et balados pour comprendre "
        "l'IA dans les services publics, et trousses pour animer un atelier.",
        "en": "Easy-to-read guides, activity cards, video capsules and podcasts to understand AI in "
        "public services, and toolkits to run a workshop.",
    },
    csl_type="document",
    schema_type="LearningResource",
    home_latest=3,
    latest_heading=_("Latest learning resources"),
    more_label=_("All learning resources"),
    publication="review",
    data_file_class="learning.data_columns.ResourceDataFile",
    editor_permissions=(
        "learning.add_learningmedia",
        "learning.change_learningmedia",
    ),
    # Keys of their own: ``format`` is a search parameter (the answer's format), ``level`` the
    # impact level every item has, and ``accessibility`` the dialogues' facet (``learning.outlets``).
    facets=(
        TypeFacet(
            key="resource_format", label=_("Format"), choices=format_choices, value_of="resource_format_facet"
        ),
        TypeFacet(key="audience", label=_("For whom"), choices=audience_choices, value_of="audience_facet"),
        TypeFacet(
            key="learning_level", label=_("Level"), choices=level_choices, value_of="learning_level_facet"
        ),
        TypeFacet(
            key="resource_language",
            label=_("Language of the resource"),
            choices=language_choices,
            value_of="resource_language_facet",
        ),
        # A person ticks what they need: a resource is found only when it offers all of it.
        TypeFacet(
            key="learning_access",
            label=_("Accessibility"),
            choices=access_choices,
            value_of="learning_access_facet",
            match_all=True,
            hint=_("Tick what you need: only the resources that offer all of it remain."),
        ),
    ),
)

TOOLKIT = ItemType(
    key="toolkit",
    prefix="TK",
    page_model="learning.ToolkitPage",
    index_model="learning.ToolkitIndexPage",
    section="toolkits",
    label=_("Toolkit"),
    label_plural=_("Toolkits"),
    index_titles={"fr": "Trousses", "en": "Toolkits"},
    index_slugs={"fr": "trousses", "en": "toolkits"},
    index_intros={
        "fr": "Tout ce qu'il faut pour un but précis, par exemple animer un atelier à la bibliothèque, "
        "à télécharger d'un coup.",
        "en": "Everything needed for one purpose, such as running a workshop at the library, in one "
        "download.",
    },
    csl_type="document",
    schema_type="LearningResource",
    home_latest=0,
    publication="review",
    data_file_class="learning.data_columns.ToolkitDataFile",
    # No facets of its own (``learning.outlets.ToolkitOutlets`` says why).
)
