"""The project's rules for Wagtail's content checker (axe), beside Wagtail's own: the
plain-language summary missing or too complex, images without meaningful alternative text, and
heading levels skipped in an item's body.

Wagtail runs its built-in checks from ``ContentCheckerItem.axe_custom_checks`` and looks up each
check's JavaScript ``evaluate`` function by id in a registry that the ``<wagtail-userbar>``
element opens through its ``registerCheck(id, evaluate)`` method (wagtail/admin/static/
wagtailadmin/js/userbar.js, ``initializeAxe``: checks whose id is registered get that function
before ``axe.configure``). hub/static/hub/admin/content_checks.js registers ours; it is this
item's media, which the userbar loads after its own script and before the window's load event,
when the userbar configures axe. The editor's checks panel runs axe inside the preview frame, so
the same userbar, with the same registered checks, does the work there.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem

from . import readability

CONTAINER = ".item-body"
"""The element around an item's StreamField body (templates/includes/item_body.html)."""

GENERIC_ALT_TEXTS = [
    "banner",
    "bannière",
    "capture d'écran",
    "figure",
    "graphic",
    "graphique",
    "icon",
    "icône",
    "illustration",
    "image",
    "img",
    "logo",
    "photo",
    "photograph",
    "photographie",
    "pic",
    "picture",
    "sans titre",
    "screenshot",
    "untitled",
]
"""Alternative texts that name the kind of thing, not what it shows (compared after lowercasing
and turning punctuation into spaces)."""

CAMERA_FILE_NAME = (
    r"^(img|image|photo|pic|dsc|dscn|dcim|pxl|screenshot|capture)[\s_-]*\d+$|\.(avif|gif|jpe?g|png|svg|webp)$"
)
"""Names cameras and phones give files, and anything ending in an image extension."""

SUMMARY_OK, SUMMARY_COMPLEX, SUMMARY_MISSING = "ok", "complex", "missing"


def summary_status(page):
    """``ok``, ``complex`` or ``missing`` for an item page; None for pages without a summary."""
    if page is None or not hasattr(page, "plain_summary"):
        return None
    result = page.readability
    if result.score is None:
        return SUMMARY_MISSING
    return SUMMARY_COMPLEX if result.too_complex else SUMMARY_OK


class ProjectContentCheckerItem(ContentCheckerItem):
    """Wagtail's checker with the project's rules added. The summary's verdict travels in the
    check's options, inside the userbar that only editors see: the public page carries nothing."""

    class Media:
        js = ["hub/admin/content_checks.js"]

    def __init__(self, in_editor=False, page=None):
        super().__init__(in_editor=in_editor)
        self.summary_status = summary_status(page)

    def get_axe_run_only(self, request):
        rules = ["vigie-image-alt", "vigie-heading-levels"]
        if self.summary_status:
            rules = ["vigie-plain-summary-missing", "vigie-plain-summary-complex", *rules]
        return [*super().get_axe_run_only(request), *rules]

    def get_axe_custom_rules(self, request):
        rules = [
            {
                "id": "vigie-image-alt",
                "impact": "serious",
                "selector": f"{CONTAINER} img",
                "tags": ["best-practice"],
                "any": ["vigie-meaningful-alt"],
                "enabled": True,
            },
            {
                "id": "vigie-heading-levels",
                "impact": "moderate",
                "selector": ", ".join(f"{CONTAINER} h{level}" for level in range(2, 7)),
                "tags": ["best-practice"],
                "any": ["vigie-no-skipped-heading"],
                "enabled": True,
            },
        ]
        if self.summary_status:
            rules += [
                {
                    "id": f"vigie-plain-summary-{problem}",
                    "impact": "serious",
                    # A page-level problem: the item's title stands for it, as Wagtail's own
                    # meta-description rule uses h1.
                    "selector": "h1",
                    "tags": ["best-practice"],
                    "any": [f"vigie-summary-not-{problem}"],
                    "enabled": True,
                }
                for problem in (SUMMARY_MISSING, SUMMARY_COMPLEX)
            ]
        return [*super().get_axe_custom_rules(request), *rules]

    def get_axe_custom_checks(self, request):
        checks = [
            {
                "id": "vigie-meaningful-alt",
                "options": {"generic": GENERIC_ALT_TEXTS, "pattern": CAMERA_FILE_NAME},
            },
            {"id": "vigie-no-skipped-heading", "options": {"container": CONTAINER}},
        ]
        if self.summary_status:
            checks += [
                {
                    "id": f"vigie-summary-not-{problem}",
                    "options": {"status": self.summary_status, "problem": problem},
                }
                for problem in (SUMMARY_MISSING, SUMMARY_COMPLEX)
            ]
        return [*super().get_axe_custom_checks(request), *checks]

    def get_axe_messages(self, request):
        messages = {
            **super().get_axe_messages(request),
            "vigie-image-alt": {
                "error_name": _("Image without meaningful alternative text"),
                "help_text": _(
                    "Describe what the image shows; a file name or a word like “photo” is not enough."
                ),
            },
            "vigie-heading-levels": {
                "error_name": _("Heading level skipped"),
                "help_text": _("Go down one level at a time (level 2, then 3, then 4)."),
            },
            "vigie-plain-summary-missing": {
                "error_name": _("Plain-language summary missing"),
                "help_text": _("Write a few short sentences in everyday words."),
            },
            "vigie-plain-summary-complex": {
                "error_name": _("Plain-language summary too complex"),
                "help_text": _(
                    "Aim for a reading ease of %(threshold)s or more: shorter sentences, everyday words."
                )
                % {"threshold": readability.TOO_COMPLEX_BELOW},
            },
        }
        return messages
