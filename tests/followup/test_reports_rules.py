"""What a report must say, on every road: it is about dialogues or a consultation held elsewhere;
a response has its date and a body (named, or the one the report is addressed to) and a date
not in the future; a commitment follows only from a recommendation the report has. The admin
form says so on the field; the ORM and every revision (``full_clean``) refuse it too."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from followup.models import RecommendationResponse, ReportPage
from hub.models import Region, Service
from tests.factories import (
    DialoguePageFactory,
    OrganizationFactory,
    ReportPageFactory,
    commitment,
    index_page,
    recommendation,
    role_user,
    terms,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ministry(site_pages):
    return OrganizationFactory(name="Ministère fictif")


def refused(page):
    with pytest.raises(ValidationError) as refusal:
        page.full_clean()
    return refusal.value.message_dict


def test_a_report_is_about_dialogues_or_a_consultation_held_elsewhere(ministry):
    report = ReportPageFactory()
    report.outside_consultation = ""
    assert "outside_consultation" in refused(report)
    report.dialogues = [DialoguePageFactory()]
    report.full_clean()
    report.dialogues = []
    report.outside_consultation_url = "https://consultation.example.org/"
    assert "outside_consultation" in refused(report)
    report.outside_consultation = "Consultation fictive"
    report.full_clean()


def test_a_response_needs_its_date_and_body_and_is_not_in_the_future(ministry):
    report = ReportPageFactory(recommendations=[recommendation()])
    (given,) = report.recommendations.all()
    given.response = RecommendationResponse.REJECTED
    assert given.response_problems(None).keys() == {"response_date", "responding_body"}
    given.response_date = timezone.localdate() + datetime.timedelta(days=1)
    given.responding_body = ministry
    assert given.response_problems(None).keys() == {"response_date"}
    given.response_date = timezone.localdate()
    assert given.response_problems(None) == {}
    # The body the report is addressed to answers when none is named.
    given.responding_body = None
    assert given.response_problems(ministry.pk) == {}
    # Reasons without a response are not a response.
    given.response, given.response_reasons = "", "Parce que."
    assert given.response_problems(ministry.pk).keys() == {"response"}
    report.recommendations = [given]
    message = refused(report)["__all__"]
    assert any("Dites quelle est la réponse" in line or "Say what the response" in line for line in message)
    with pytest.raises(ValidationError):
        report.save_revision()


def test_a_commitment_follows_only_from_a_recommendation_the_report_has(ministry):
    report = ReportPageFactory(
        recommendations=[recommendation()],
        commitments=[commitment("Agir.", owner=ministry, recommendation=1)],
    )
    (kept,) = report.commitments.all()
    kept.recommendation = 2
    report.commitments = [kept]
    assert "__all__" in refused(report)
    # A recommendation added in the same edit gets its number first.
    report.recommendations.add(recommendation("Une autre.", sort_order=1))
    report.full_clean()
    assert sorted(r.number for r in report.recommendations.all()) == [1, 2]


def report_form(ministry, dialogue=None, outside="", recommendations=(), commitments=()):
    data = nested_form_data(
        {
            "title": "Bilan fictif du formulaire",
            "slug": "bilan-formulaire",
            "summary": "Un bilan fictif.",
            "plain_summary": "Un bilan inventé. Lisez-le.",
            "outside_consultation": outside,
            "outside_consultation_url": "",
            "decided_by": "",
            "could_change": "",
            "method": "",
            "participants": "",
            "missing": "",
            "themes": streamfield([]),
            "recommendations": inline_formset(list(recommendations)),
            "commitments": inline_formset(list(commitments)),
            "comments": inline_formset([]),
            "change_note": "",
            "action-publish": "action-publish",
        }
    )
    if dialogue is not None:
        data["dialogues"] = [dialogue.pk]
    data["addressed_to"] = str(ministry.pk)
    data["services"] = [term.pk for term in terms(Service, ["services-municipaux"])]
    data["regions"] = [term.pk for term in terms(Region, ["montreal"])]
    return data


def response_row(text, response="", date=""):
    return {
        "text": text,
        "response": response,
        "response_date": date,
        "response_reasons": "",
        "responding_body": "",
    }


def commitment_row(ministry, text, number=""):
    return {
        "text": text,
        "owner": str(ministry.pk),
        "owner_role": "",
        "due_date": "",
        "recommendation": number,
    }


def post(client, data):
    user = get_user_model().objects.filter(username="admin-fictif").first() or role_user(None, "admin-fictif")
    client.force_login(user)
    return client.post(
        reverse(
            "wagtailadmin_pages:add",
            args=["followup", "reportpage", index_page("followup.ReportIndexPage").pk],
        ),
        data,
    )


def form_errors(response):
    form = response.context["form"]
    return [form.errors, *(formset.errors for formset in form.formsets.values())]


def test_the_admin_form_says_what_is_missing_on_the_field(client, ministry):
    response = post(client, report_form(ministry))
    assert response.status_code == 200
    assert (
        "choisissez ses dialogues" in response.content.decode()
        or "choose its dialogues" in response.content.decode()
    )
    assert not ReportPage.objects.exists()

    data = report_form(
        ministry,
        outside="Consultation fictive",
        recommendations=[response_row("Agir vite.", response="accepted")],
        commitments=[commitment_row(ministry, "Agir.", number="3")],
    )
    response = post(client, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert (
        "Give the date of the official response." in content
        or "Donnez la date de la réponse officielle." in content
    )
    assert "recommendation n° 3" in content or "recommandation n° 3" in content
    assert not ReportPage.objects.exists()


def test_the_admin_form_publishes_a_report_whose_commitment_follows_from_a_new_recommendation(
    client, ministry
):
    today = timezone.localdate().isoformat()
    data = report_form(
        ministry,
        dialogue=DialoguePageFactory(),
        recommendations=[response_row("Agir vite.", response="accepted", date=today)],
        commitments=[commitment_row(ministry, "Agir.", number="1")],
    )
    response = post(client, data)
    assert response.status_code == 302, form_errors(response)
    report = ReportPage.objects.get()
    assert report.live
    assert [(r.number, r.response) for r in report.recommendations.all()] == [(1, "accepted")]
    assert [(c.number, c.recommendation) for c in report.commitments.all()] == [(1, 1)]
