"""The default vocabulary shipped by the data migration, and how labels are looked up."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from hub.models import ImpactLevel, Organization, Region, Risk, Service, term_labels

# Written from the issue, not from the migration, so a drift between the two fails here.
SERVICE_KEYS = [
    "sante",
    "services-sociaux",
    "education",
    "emploi-solidarite",
    "immigration",
    "securite-publique",
    "justice",
    "transport",
    "habitation",
    "fiscalite",
    "services-municipaux",
    "environnement",
]
OFFICIAL_REGIONS = [
    ("01", "bas-saint-laurent"),
    ("02", "saguenay-lac-saint-jean"),
    ("03", "capitale-nationale"),
    ("04", "mauricie"),
    ("05", "estrie"),
    ("06", "montreal"),
    ("07", "outaouais"),
    ("08", "abitibi-temiscamingue"),
    ("09", "cote-nord"),
    ("10", "nord-du-quebec"),
    ("11", "gaspesie-iles-de-la-madeleine"),
    ("12", "chaudiere-appalaches"),
    ("13", "laval"),
    ("14", "lanaudiere"),
    ("15", "laurentides"),
    ("16", "monteregie"),
    ("17", "centre-du-quebec"),
]
PROVINCE_WIDE = "tout-le-quebec"
RISK_KEYS = [
    "discrimination",
    "vie-privee",
    "surveillance",
    "opacite",
    "erreurs",
    "exclusion-numerique",
    "absence-de-recours",
    "conditions-de-travail",
]
TAXONOMIES = [
    (Service, SERVICE_KEYS),
    (Region, [key for _code, key in OFFICIAL_REGIONS] + [PROVINCE_WIDE]),
    (Risk, RISK_KEYS),
]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("model", "keys"), TAXONOMIES, ids=lambda value: getattr(value, "__name__", ""))
@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_vocabulary_is_exactly_the_issue_list_in_each_language(model, keys, language_code):
    present = model.objects.filter(locale__language_code=language_code).values_list("key", flat=True)
    assert sorted(present) == sorted(keys)


@pytest.mark.parametrize(("model", "keys"), TAXONOMIES, ids=lambda value: getattr(value, "__name__", ""))
def test_every_term_has_a_french_and_an_english_label_sharing_key_and_translation_key(model, keys):
    for key in keys:
        rows = {term.locale.language_code: term for term in model.objects.filter(key=key)}
        assert set(rows) == {"fr", "en"}, key
        assert rows["fr"].translation_key == rows["en"].translation_key, key
        assert rows["fr"].label.strip() and rows["en"].label.strip(), key
    assert model.objects.values("translation_key").distinct().count() == len(keys)


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_regions_carry_their_official_codes_in_official_order(language_code):
    regions = Region.objects.filter(locale__language_code=language_code)
    listed = [(region.code, region.key) for region in regions]
    assert listed == OFFICIAL_REGIONS + [("", PROVINCE_WIDE)]


def test_term_labels_speak_the_requested_language():
    french, english = term_labels(Service, "fr"), term_labels(Service, "en")
    assert set(french) == set(english) == set(SERVICE_KEYS)
    assert french["sante"] == "Santé"
    assert english["sante"] == "Health"
    assert term_labels(Region, "en")[PROVINCE_WIDE] == "All of Québec"
    assert term_labels(Region, "fr")[PROVINCE_WIDE] == "Tout le Québec"
    assert term_labels(Risk, "en")["vie-privee"] == "Privacy"
    assert term_labels(Risk, "fr")["vie-privee"] == "Vie privée"


def test_term_labels_accept_a_regional_language_code():
    assert term_labels(Risk, "en-CA")["opacite"] == term_labels(Risk, "en")["opacite"] == "Opacity"


def test_term_labels_fall_back_to_french_for_a_term_not_yet_translated():
    french = Locale.objects.get(language_code="fr")
    Service.objects.create(key="culture", label="Culture et communications", locale=french)
    assert term_labels(Service, "en")["culture"] == "Culture et communications"


def test_term_labels_follow_an_edit_made_after_they_were_cached():
    assert term_labels(Risk, "en")["erreurs"] == "Errors"
    term = Risk.objects.get(key="erreurs", locale__language_code="en")
    term.label = "Mistakes"
    term.save()
    assert term_labels(Risk, "en")["erreurs"] == "Mistakes"


def test_a_translation_cannot_change_the_key_of_its_source_term():
    term = Risk.objects.get(key="erreurs", locale__language_code="en")
    term.key = "mistakes"
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert "key" in error.value.message_dict


def test_impact_levels_are_the_four_levels_of_the_directive():
    assert ImpactLevel.values == [1, 2, 3, 4]
    with translation.override("en"):
        labels = [str(label) for label in ImpactLevel.labels]
    assert [label.split(":")[0] for label in labels] == [
        "Level I",
        "Level II",
        "Level III",
        "Level IV",
    ]


def test_organization_kinds_are_the_ones_the_issue_names():
    assert sorted(Organization.Kind.values) == sorted(
        ["public-body", "municipality", "non-profit", "research", "vendor"]
    )


@pytest.mark.parametrize("model", [Service, Region, Risk, Organization], ids=lambda model: model.__name__)
def test_taxonomies_are_editable_in_the_admin(superuser_client, model):
    listing = reverse(f"wagtailsnippets_hub_{model._meta.model_name}:list")
    assert superuser_client.get(listing).status_code == 200
    assert (
        superuser_client.get(reverse(f"wagtailsnippets_hub_{model._meta.model_name}:add")).status_code == 200
    )
