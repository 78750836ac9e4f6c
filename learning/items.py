"""The learning resource and the toolkit, as the item-type registry (``hub.items``) knows them."""

from django.utils.translation import gettext_lazy as _

from hub.items import ItemType

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
    editor_permissions=(
        "learning.add_learningmedia",
        "learning.change_learningmedia",
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
)
