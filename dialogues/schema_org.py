"""A dialogue's schema.org description: an ``Event`` (https://schema.org/Event) with its dates,
status, attendance mode, place and organizers, one ``subEvent`` per session when it has several.

It starts from the description every item has (``citations.json_ld``) and drops what only a
``CreativeWork`` has (an event has organizers, not authors, and is not published). The online
address of a session whose registration is on the hub is its registrants' only: the
``VirtualLocation`` then has no url. Every type and property used here is listed, from the
schema.org release it was checked against, in ``tests/dialogues/schema_org_terms.json``."""

from .outlets import held_at_venue, public_online_url, shown_format

SCHEMA = "https://schema.org/"
CREATIVE_WORK_ONLY = ("publisher", "author", "genre", "datePublished", "dateModified", "version")
EVENT_STATUSES = {
    "scheduled": "EventScheduled",
    "held": "EventScheduled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
    "moved-online": "EventMovedOnline",
    "cancelled": "EventCancelled",
}
ATTENDANCE_MODES = {
    "in-person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "hybrid": "MixedEventAttendanceMode",
}


def event_data(page, data):
    """``data`` (the generic description of ``page``) made into the dialogue's ``Event``."""
    data = {key: value for key, value in data.items() if key not in CREATIVE_WORK_ONLY}
    schedule = page.shown_schedule
    organizers = [
        {
            "@type": "Organization",
            "name": organization.name,
            **({"url": organization.website} if organization.website else {}),
        }
        for organization in page.organizers.all()
    ]
    if organizers:
        data["organizer"] = organizers
    if not schedule:
        return data
    sessions = [session_data(scheduled) for scheduled in schedule]
    if len(sessions) == 1:
        data.update(shown_locations(sessions[0]))
        return data
    data["startDate"] = sessions[0]["startDate"]
    data["endDate"] = max(scheduled.ends_at for scheduled in schedule).isoformat()
    modes = {session["eventAttendanceMode"] for session in sessions}
    data["eventAttendanceMode"] = modes.pop() if len(modes) == 1 else SCHEMA + "MixedEventAttendanceMode"
    statuses = {session["eventStatus"] for session in sessions}
    data["eventStatus"] = statuses.pop() if len(statuses) == 1 else SCHEMA + "EventScheduled"
    places = unique([place for session in sessions for place in session["location"]])
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    data["subEvent"] = [
        {"@type": "Event", "name": scheduled.words.title or page.title, **shown_locations(session)}
        for scheduled, session in zip(schedule, sessions, strict=True)
    ]
    return data


def session_data(scheduled):
    facts = scheduled.facts
    data = {
        "startDate": scheduled.starts_at.isoformat(),
        "endDate": scheduled.ends_at.isoformat(),
        "eventStatus": SCHEMA + EVENT_STATUSES[facts.status],
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODES[shown_format(facts)],
        "location": [],
        "inLanguage": list(facts.languages),
    }
    if held_at_venue(facts):
        data["location"].append(place_data(scheduled.venue))
    if facts.is_online:
        virtual = {"@type": "VirtualLocation"}
        if public_online_url(facts):
            virtual["url"] = public_online_url(facts)
        data["location"].append(virtual)
    if facts.capacity:
        data["maximumAttendeeCapacity"] = facts.capacity
    return data


def shown_locations(data):
    """A session's ``location``: one place as itself, several as a list, none left out."""
    places = data.pop("location")
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    return data


def place_data(venue):
    place = {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street_address,
            "addressLocality": venue.municipality,
            "addressRegion": "QC",
            "addressCountry": "CA",
        },
    }
    if venue.postal_code:
        place["address"]["postalCode"] = venue.postal_code
    if venue.phone:
        place["telephone"] = venue.phone
    features = [
        {"@type": "LocationFeatureSpecification", "name": name, "value": True}
        for _field, name, _label in venue.accessibility_features()
    ]
    if features:
        place["amenityFeature"] = features
    return place


def unique(items):
    found = []
    for item in items:
        if item not in found:
            found.append(item)
    return found
