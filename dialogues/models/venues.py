"""Where dialogues happen: a library, a Fab Lab, a community centre... described once, with what a
person with a disability needs to know before coming, and reused by every session held there."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.models import Region


class VenueKind(models.TextChoices):
    LIBRARY = "library", _("Library")
    FAB_LAB = "fab-lab", _("Fab Lab")
    COMMUNITY_CENTRE = "community-centre", _("Community centre")
    MUNICIPAL_HALL = "municipal-hall", _("Municipal hall")
    OTHER = "other", _("Other place")


class KeroulRating(models.TextChoices):
    """Kéroul's rating after its audit of parking, entrance, services and washrooms."""

    ACCESSIBLE = "accessible", _("Accessible (Kéroul)")
    PARTIAL = "partial", _("Partially accessible (Kéroul)")


# The venue's accessibility features, in the order a page lists them: (field, schema.org
# ``amenityFeature`` name). A feature left unticked reads "not confirmed", never "absent".
ACCESSIBILITY_FEATURES = (
    ("step_free_entrance", "stepFreeEntrance"),
    ("accessible_washroom", "accessibleWashroom"),
    ("elevator", "elevator"),
    ("hearing_loop", "hearingLoop"),
    ("quiet_room", "quietRoom"),
)


class Venue(TranslatableMixin, models.Model):
    key = models.SlugField(
        _("key"),
        max_length=80,
        help_text=_(
            "Stable identifier, the same in every language: the venue's address on the hub and for kiosks."
        ),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of place"), max_length=20, choices=VenueKind.choices)
    street_address = models.CharField(_("street address"), max_length=255)
    municipality = models.CharField(_("municipality"), max_length=120)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    phone = models.CharField(
        _("telephone"),
        max_length=40,
        blank=True,
        help_text=_("Where people can ask questions or register by phone."),
    )
    website = models.URLField(_("website"), blank=True)
    transit = models.TextField(
        _("getting there"), blank=True, help_text=_("Public transit, parking, the nearest stop.")
    )
    step_free_entrance = models.BooleanField(_("step-free entrance"), default=False)
    accessible_washroom = models.BooleanField(_("accessible washroom"), default=False)
    elevator = models.BooleanField(_("elevator"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    quiet_room = models.BooleanField(_("quiet room"), default=False)
    keroul_rating = models.CharField(
        _("Kéroul rating"),
        max_length=20,
        choices=KeroulRating.choices,
        blank=True,
        help_text=_("Only after a Kéroul audit; leave empty when the place has not been rated."),
    )
    accessibility_notes = models.TextField(
        _("accessibility, in words"),
        blank=True,
        help_text=_("Anything else a person should know: a heavy door, a dark corridor, where to sit."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("municipality"),
                FieldPanel("postal_code"),
                FieldPanel("region"),
                FieldPanel("phone"),
                FieldPanel("website"),
                FieldPanel("transit"),
            ],
            heading=_("Address and how to get there"),
        ),
        MultiFieldPanel(
            [
                *[FieldPanel(field) for field, _name in ACCESSIBILITY_FEATURES],
                FieldPanel("keroul_rating"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("key"),
        SynchronizedField("kind"),
        SynchronizedField("street_address"),
        SynchronizedField("municipality"),
        SynchronizedField("postal_code"),
        SynchronizedField("region"),
        SynchronizedField("phone"),
        SynchronizedField("website"),
        TranslatableField("transit"),
        *[SynchronizedField(field) for field, _name in ACCESSIBILITY_FEATURES],
        SynchronizedField("keroul_rating"),
        TranslatableField("accessibility_notes"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        unique_together = [("translation_key", "locale"), ("key", "locale")]

    def __str__(self):
        return f"{self.name} ({self.municipality})"

    def accessibility_features(self):
        """The features this venue has confirmed, as ``(field, schema.org name, label)``."""
        return [
            (field, name, self._meta.get_field(field).verbose_name)
            for field, name in ACCESSIBILITY_FEATURES
            if getattr(self, field)
        ]
