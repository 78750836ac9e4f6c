"""The dialogue: a workshop, a consultation, a forum... one item (``DI-YYYY-NNNN``) with its
question, what can change, who will receive what comes out, its sessions and, afterwards, what
happened."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.models import ItemIndexPage, ItemPage, Organization, Risk

from ..blocks import MaterialsBlock
from ..outlets import DialogueOutlets
from .registration_routes import RegistrationRoutes


class DialogueKind(models.TextChoices):
    WORKSHOP = "workshop", _("AI-literacy workshop")
    CONSULTATION = "consultation", _("Neighbourhood consultation")
    FORUM = "forum", _("Forum")
    DELIBERATIVE = "deliberative", _("Deliberative process")
    WEBINAR = "webinar", _("Webinar")
    HEARING = "hearing", _("Public hearing")


class DialogueIndexPage(ItemIndexPage):
    """Upcoming dialogues first, then past ones (``dialogues.finding``); serves the venue pages
    and the sessions' posters (``dialogues.views``)."""

    subpage_types = ["dialogues.DialoguePage"]

    class Meta:
        verbose_name = _("dialogues index")

    def get_context(self, request, *args, **kwargs):
        from .. import views

        # Not the kept list of other indexes: the order changes as sessions pass.
        context = super(ItemIndexPage, self).get_context(request, *args, **kwargs)
        return views.index_context(self, request, context)

    @path("")
    def index_route(self, request, *args, **kwargs):
        from .. import views

        return views.serve_index(self, request)

    @re_path(r"^(?P<word>lieux|venues)/(?P<key>[-a-zA-Z0-9_]+)/$", name="venue")
    def venue(self, request, word, key):
        from .. import views

        return views.venue_page(self, request, word, key)

    @re_path(r"^(?P<word>affiche|poster)/(?P<key>[0-9a-f-]{36})/$", name="poster")
    def poster(self, request, word, key):
        from .. import views

        return views.poster(self, request, word, key)

    def venue_url(self, key):
        from ..views import VENUE_WORDS

        word = VENUE_WORDS[self.locale.language_code]
        return self.url + self.reverse_subpage("venue", kwargs={"word": word, "key": key})

    def poster_url(self, session_key):
        from ..views import POSTER_WORDS

        word = POSTER_WORDS[self.locale.language_code]
        return self.url + self.reverse_subpage("poster", kwargs={"word": word, "key": str(session_key)})


class DialoguePage(RegistrationRoutes, DialogueOutlets, ItemPage):
    kind = models.CharField(_("kind of dialogue"), max_length=20, choices=DialogueKind.choices)
    organizers = ParentalManyToManyField(
        Organization, verbose_name=_("organizers"), related_name="organized_dialogues"
    )
    receiving_body = models.ForeignKey(
        Organization,
        verbose_name=_("public body receiving what comes out"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The public body that has agreed to receive the results and answer them."),
    )
    question = models.TextField(
        _("the question on the table"), help_text=_("In plain words: what the people present are asked.")
    )
    can_change = models.TextField(
        _("what can change"), help_text=_("What the people present can still influence.")
    )
    cannot_change = models.TextField(
        _("what cannot change"), blank=True, help_text=_("What is already decided, and by whom.")
    )
    decided_by = models.TextField(
        _("who decides, and when"), blank=True, help_text=_("Who takes the decision afterwards, and by when.")
    )
    risks = ParentalManyToManyField(Risk, verbose_name=_("risks"), blank=True, related_name="dialogue_pages")
    # What the dialogue is about, among the hub's other items (a reverse relation named
    # "dialogues" on each: the register's timeline finds dialogues through it).
    casefiles = ParentalManyToManyField(
        "impacts.CaseFilePage", verbose_name=_("case files"), blank=True, related_name="dialogues"
    )
    systems = ParentalManyToManyField(
        "registry.SystemPage", verbose_name=_("AI systems"), blank=True, related_name="dialogues"
    )
    briefs = ParentalManyToManyField(
        "advocacy.AdvocacyBriefPage", verbose_name=_("briefs"), blank=True, related_name="dialogues"
    )
    agreements = ParentalManyToManyField(
        "advocacy.CollaborationAgreementPage",
        verbose_name=_("collaboration agreements"),
        blank=True,
        related_name="dialogues",
    )
    # Afterwards: what happened (the consultation report builds on this).
    attendance = models.PositiveIntegerField(_("number of people present"), null=True, blank=True)
    organizations_present = ParentalManyToManyField(
        Organization, verbose_name=_("organizations present"), blank=True, related_name="+"
    )
    account = models.TextField(
        _("what happened, in plain words"),
        blank=True,
        help_text=_("A short account for people who were not there: what was said, what comes next."),
    )
    materials = StreamField(MaterialsBlock(), verbose_name=_("materials"), blank=True)

    content_panels = [
        FieldPanel("title"),
        MultiFieldPanel(ItemPage.summary_panels, heading=_("Summaries")),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("organizers"),
                FieldPanel("receiving_body"),
                FieldPanel("services"),
                FieldPanel("regions"),
                FieldPanel("risks"),
            ],
            heading=_("Who, where, about what"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("question"),
                FieldPanel("can_change"),
                FieldPanel("cannot_change"),
                FieldPanel("decided_by"),
            ],
            heading=_("What is at stake"),
        ),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("casefiles"),
                FieldPanel("systems"),
                FieldPanel("briefs"),
                FieldPanel("agreements"),
            ],
            heading=_("Linked items"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("organizations_present"),
                FieldPanel("account"),
                FieldPanel("materials"),
            ],
            heading=_("Afterwards"),
        ),
        *ItemPage.change_panels,
    ]
    search_fields = ItemPage.search_fields + [
        index.SearchField("question"),
        index.SearchField("can_change"),
        index.SearchField("account"),
        index.FilterField("kind"),
    ]
    translatable_fields = ItemPage.item_translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("organizers"),
        SynchronizedField("receiving_body"),
        TranslatableField("question"),
        TranslatableField("can_change"),
        TranslatableField("cannot_change"),
        TranslatableField("decided_by"),
        SynchronizedField("risks"),
        TranslatableField("sessions"),
        SynchronizedField("casefiles"),
        SynchronizedField("systems"),
        SynchronizedField("briefs"),
        SynchronizedField("agreements"),
        SynchronizedField("attendance"),
        SynchronizedField("organizations_present"),
        TranslatableField("account"),
        TranslatableField("materials"),
    ]

    parent_page_types = ["dialogues.DialogueIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")

    def clean(self):
        super().clean()
        if self.attendance is not None and self.attendance > 100_000:
            raise ValidationError({"attendance": _("Count the people present, at most 100,000.")})

    # --- the schedule ---

    def original_version(self):
        """The live version the dialogue was first written in, whose sessions hold the facts
        (times, place, status): a translation's own copies change only when it is synchronized,
        and a cancellation must reach every reader at once. Itself when no such version is live."""
        if not self.translation_key:
            return self
        versions = type(self).objects.live().filter(translation_key=self.translation_key).order_by("pk")
        first = versions.only("pk", "locale_id").first()
        if first is None or first.pk == self.pk:
            return self
        return versions.get(pk=first.pk)

    def schedule(self):
        """The sessions a reader of this version sees, in time order: the facts of the original
        version's sessions, with this version's words where it has them, and each venue in this
        version's language, like its words (``ScheduledSession``). The venues are read at once,
        in two queries."""
        from ..finding import scheduled_sessions

        original = self.original_version()
        words = [] if original.pk == self.pk else list(self.sessions.all())
        return scheduled_sessions(list(original.sessions.all()), words, self.locale.language_code)

    @classmethod
    def prepare_listed(cls, pages):
        """Every page's schedule (``shown_schedule``), read for the whole list at once."""
        from ..finding import schedules_of

        schedules = schedules_of(pages)
        for page in pages:
            page.__dict__["_shown_schedule"] = schedules[page.pk]
