"""The site shell: the home page and the content pages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, classproperty
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from ..blocks import BaseStreamBlock
from ..fragments import home_sections
from ..home import home_overview
from ..items import item_types
from ..safe_urls import stream_strings, unsafe_links
from .taxonomy import Region, term_labels


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    plain_intro = models.TextField(
        _("plain-language introduction"), blank=True, help_text=_("Short sentences, everyday words.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("plain_intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("plain_intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    @classproperty
    def subpage_types(cls):
        """The index of every item type, and standard pages. Wagtail reads this when it first
        checks the page tree's rules (``clean_subpage_models``, then cached), after the apps are
        ready and have registered their types; the class itself is built before that."""
        return [item_type.index_model for item_type in item_types()] + ["hub.StandardPage"]

    def get_context(self, request, *args, **kwargs):
        """Sections, newest items, figures and regions are read only when the template renders
        them: the home page's content is usually kept whole (``hub.fragments``), the figures for
        the day (``today``): dialogues coming up and commitments overdue change with the date."""
        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        sections = SimpleLazyObject(lambda: home_sections(self))
        context["sections"] = sections
        context["latest"] = SimpleLazyObject(lambda: self.latest_items(sections))
        context["overview"] = SimpleLazyObject(lambda: home_overview(language))
        context["regions"] = SimpleLazyObject(lambda: list(term_labels(Region, language).items()))
        context["today"] = timezone.localdate().isoformat()
        return context

    def latest_items(self, sections):
        """The newest public items of each registered type in this page's language, with the
        index among ``sections`` that lists them (None when it is not one of them)."""
        indexes = {type(section): section for section in sections}
        return [
            {
                "type": item_type,
                "items": item_type.model.objects.public()
                .in_language(self.locale)
                .order_by("-first_published_at")[: item_type.home_latest],
                "index": indexes.get(item_type.index),
            }
            for item_type in item_types()
        ]


class ValidatedStreamsMixin:
    """For pages whose StreamFields must hold only valid blocks and safe links at the model."""

    def clean_streams(self):
        """Validate every StreamField whatever road its content took (the editor's form does it
        for its own fields; translation overrides and imports do not), and refuse links a reader
        cannot safely follow, rich text included."""
        errors = {}
        for field in self._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            value = getattr(self, field.name)
            try:
                field.stream_block.clean(value)
            except ValidationError as error:
                errors[field.name] = error
                continue
            # The prepared value, not ``raw_data``: wagtail-localize writes translations into the
            # blocks, and ``raw_data`` would still show the source's links.
            prepared = field.stream_block.get_prep_value(value)
            unsafe = [url for text in stream_strings(prepared) for url in unsafe_links(text)]
            if unsafe:
                errors[field.name] = ValidationError(
                    _("Links must use http, https or mailto: %(links)s") % {"links": ", ".join(unsafe)}
                )
        if errors:
            raise ValidationError(errors)


class StandardPage(ValidatedStreamsMixin, Page):
    """A plain content page: about, methodology, how to contribute."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    parent_page_types = ["hub.HomePage", "hub.StandardPage"]
    subpage_types = ["hub.StandardPage"]

    def clean(self):
        super().clean()
        self.clean_streams()

    class Meta:
        verbose_name = _("standard page")


def ensure_locales():
    """The hub's two content locales, in the order the interface lists them."""
    return [Locale.objects.get_or_create(language_code=code)[0] for code in ("fr", "en")]
