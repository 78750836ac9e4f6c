"""A dialogue's record in the items API (``/api/v1/items/<id>/``): what ``ItemPage.api_record``
adds to what every item has. Sessions come from ``schedule()`` (the original version's facts,
the words of the version returned); the online address of a session with registration on the
hub is never in it (``public_online_url``)."""

from .outlets import held_at_venue, public_online_url


def dialogue_record(page, api):
    return {
        "risks": api.terms(page.risks.all()),
        "kind": api.choice(page, "kind"),
        "organizers": [api.organization(organization) for organization in page.organizers.all()],
        "receiving_body": api.organization(page.receiving_body),
        "question": page.question or None,
        "can_change": page.can_change or None,
        "cannot_change": page.cannot_change or None,
        "decided_by": page.decided_by or None,
        "sessions": [session_record(scheduled, api) for scheduled in page.shown_schedule],
        "attendance": page.attendance,
    }


def session_record(scheduled, api):
    facts, words = scheduled.facts, scheduled.words
    return {
        "key": str(scheduled.key),
        "title": words.title,
        "starts_at": api.date(scheduled.starts_at),
        "ends_at": api.date(scheduled.ends_at),
        "format": api.choice(facts, "format"),
        "status": api.choice(facts, "status"),
        "status_note": words.status_note,
        "venue": venue_record(scheduled.venue, api) if held_at_venue(facts) else None,
        "online_url": public_online_url(facts) or None,
        "languages": list(facts.languages),
        "accommodations": [api.term(field, label) for field, label in facts.accommodations()],
        "what_to_bring": words.what_to_bring,
        "registration": api.choice(facts, "registration"),
        "registration_url": facts.registration_url or None,
        "registration_phone": facts.registration_phone,
        "capacity": facts.capacity,
        "sequence": facts.sequence,
        "changed_at": api.date(facts.changed_at),
    }


def venue_record(venue, api):
    return {
        "key": venue.key,
        "name": venue.name,
        "kind": api.choice(venue, "kind"),
        "street_address": venue.street_address,
        "municipality": venue.municipality,
        "postal_code": venue.postal_code,
        "region": venue.region.key if venue.region_id else None,
        "phone": venue.phone,
        "accessibility": [api.term(field, label) for field, _name, label in venue.accessibility_features()],
        "keroul_rating": api.choice(venue, "keroul_rating"),
    }
