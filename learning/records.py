"""A learning resource's and a toolkit's records in the items API (``/api/v1/items/<id>/``):
what ``ItemPage.api_record`` adds to what every item has. Related items are listed only when
public (``hub.items.public_pages``); nothing of an unpublished recording is named."""

from hub.items import public_pages

from .models.fields import Audience, ResourceLanguage
from .outlets import AccessFeature, access_features, person_names


def vocabulary_terms(api, keys, vocabulary):
    """Keys of one vocabulary as terms, in the vocabulary's order."""
    labels = dict(vocabulary)
    return [api.term(key, labels[key]) for key, _label in vocabulary if key in set(keys)]


def resource_record(page, api):
    return {
        "risks": api.terms(page.risks.all()),
        "resource_format": api.choice(page, "format"),
        "audiences": vocabulary_terms(api, page.audiences or [], Audience.choices),
        "learning_level": api.choice(page, "level"),
        "duration_minutes": page.duration_minutes,
        "resource_languages": vocabulary_terms(api, page.languages or [], ResourceLanguage.choices),
        "learning_outcomes": [line.strip() for line in page.learning_outcomes.splitlines() if line.strip()],
        "licence": api.choice(page, "licence"),
        "authors": [{"person": name, "organization": None} for name in person_names(page.authors)]
        + [{"person": "", "organization": api.organization(o)} for o in page.organizations.all()],
        "accessibility_features": vocabulary_terms(api, access_features(page), AccessFeature.choices),
        "casefiles": api.references(public_pages(list(page.casefiles.all()))),
        "systems": api.references(public_pages(list(page.systems.all()))),
        "dialogues": api.references(public_pages(list(page.dialogues.all()))),
    }


def toolkit_record(page, api):
    members = page.public_members()
    return {
        "purpose": page.purpose,
        "how_to_use": page.how_to_use or None,
        "duration_minutes": page.duration_minutes,
        "resources": [
            {**reference, "note": member.note}
            for member, reference in zip(members, api.references([m.resource for m in members]), strict=True)
        ],
    }
