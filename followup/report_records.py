"""A consultation report's record in the items API (``/api/v1/items/<id>/``): what
``ItemPage.api_record`` adds to what every item has, section by section as on the page. Quotes
come from ``shown_themes`` (a testimony's words only while it is shown publicly); the dialogues
are only the public ones."""

from hub.items import public_pages


def report_record(page, api):
    return {
        "dates": {"next_review": api.date(page.next_review_date)},
        "dialogues": api.references(public_pages(list(page.dialogues.all()))),
        "outside_consultation": (
            {"name": page.outside_consultation, "url": page.outside_consultation_url or None}
            if page.outside_consultation
            else None
        ),
        "addressed_to": api.organization(page.addressed_to),
        "commissioned_by": api.organization(page.commissioned_by),
        "decided_by": page.decided_by or None,
        "could_change": page.could_change or None,
        "method": page.method or None,
        "participants": page.participants,
        "organizations_present": [api.organization(body) for body in page.organizations_present.all()],
        "missing": page.missing or None,
        "themes": [
            {
                "title": theme.title,
                "account": theme.account,
                "quotes": [
                    {"text": quote.text, "testimony_url": absolute(api, quote.testimony_url)}
                    for quote in theme.quotes
                ],
            }
            for theme in page.shown_themes
        ],
        "recommendations": [
            recommendation_record(recommendation, api) for recommendation in page.shown_recommendations()
        ],
        "commitments": [commitment.api_record(api) for commitment in page.shown_commitments()],
    }


def absolute(api, url):
    """A page's address as the API gives every address: whole, with its host."""
    return api.request.build_absolute_uri(url) if url else None


def recommendation_record(recommendation, api):
    return {
        "id": recommendation.public_id,
        "number": recommendation.number,
        "text": recommendation.text,
        "response": api.term(recommendation.response_key, recommendation.get_response_key_display()),
        "response_reasons": recommendation.response_reasons or None,
        "response_date": api.date(recommendation.response_date),
        "responding_body": api.organization(recommendation.answering_body)
        if recommendation.response
        else None,
        "commitments": [commitment.public_id for commitment in recommendation.follow],
    }
