"""The browser fixtures themselves: the live site answers in both languages."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_case_file_opens_in_a_real_browser_in_its_language(live_site, open_page, language):
    page = open_page("desktop", language=language)
    response = page.goto(live_site.url("casefile", language))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == live_site.content.pages["casefile"][language].title
