"""The learning index's filters: the search's own facets for learning resources, counted by the
search in the reader's language, in a form that asks the search page pre-filtered on the type;
and that search page finding resources by those facets and by words said in a recording."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from learning.models import LearningIndexPage, ToolkitIndexPage

pytestmark = pytest.mark.django_db

FILTERS = Template("{% load search_tags %}{% type_filters page %}")


def index_filters(model, language):
    page = model.objects.get(locale__language_code=language)
    with translation.override(language):
        return FILTERS.render(Context({"page": page}))


def checkboxes(html):
    """``{(facet, value): count}`` of the form's checkboxes."""
    found = re.findall(
        r'<input type="checkbox" name="(\w+)" value="([\w-]+)" id="[^"]+">\s*<label[^>]*>[^<]*'
        r'<span class="count">\((\d+)',
        html,
    )
    return {(facet, value): int(count) for facet, value, count in found}


def expected_counts(learning):
    """The counts computed from the fixture's resources as the pages say, not by the search."""
    counts = {}
    for name in ("video", "guide", "podcast"):
        page = learning[name]
        values = [("resource_format", page.format), ("learning_level", page.level)]
        values += [("audience", key) for key in page.audiences]
        values += [("resource_language", key) for key in page.languages]
        values += [("learning_access", key) for key in FEATURES[name]]
        for value in values:
            counts[value] = counts.get(value, 0) + 1
    return counts


# What each resource of the fixture offers, as its description says (tests/learning/conftest.py).
FEATURES = {
    "video": ["captions", "transcript", "audio_description", "sign_language"],
    "guide": ["easy_to_read", "large_print"],
    "podcast": ["transcript"],
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_learning_index_offers_the_resources_facets_with_their_counts(learning, language):
    html = index_filters(LearningIndexPage, language)

    assert checkboxes(html) == expected_counts(learning)
    with translation.override(language):
        search_url = reverse("search")
    assert f'action="{search_url}"' in html
    assert '<input type="hidden" name="type" value="learning_resource">' in html
    assert f'href="{search_url}?type=learning_resource"' in html
    assert html.count("<fieldset") == 5 and html.count("<legend>") == 5
    assert "<details" not in html  # the index is its type: the facets are shown open
    assert 'id="index-filters-heading"' in html and 'aria-labelledby="index-filters-heading"' in html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_learning_index_page_shows_its_filters_after_its_introduction(client, learning, language):
    page = LearningIndexPage.objects.get(locale__language_code=language)
    body = client.get(page.url).content.decode()

    assert checkboxes(body) == expected_counts(learning)
    assert body.index("<h1>") < body.index('id="index-filters-heading"') < body.index(learning["video"].title)


def test_an_index_whose_type_has_no_facets_shows_no_filters(learning):
    assert index_filters(ToolkitIndexPage, "fr").strip() == ""


def test_the_filters_lead_to_the_search_page_showing_the_chosen_resources(client, learning):
    with translation.override("fr"):
        url = reverse("search")
    response = client.get(
        url,
        {"type": "learning_resource", "learning_access": ["captions", "transcript"], "audience": "citizens"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert learning["video"].title in body
    assert learning["podcast"].title not in body and learning["guide"].title not in body
    # The search page shows the learning facets, its chosen values ticked.
    assert 'name="learning_access" value="captions" id="f-learning_access-captions" checked' in body

    said = client.get(url, {"q": "girafon"}).content.decode()
    assert learning["podcast"].title in said and learning["video"].title not in said
    assert learning["draft"].title not in client.get(url, {"q": "motcaché"}).content.decode()
