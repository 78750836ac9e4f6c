"""What the demo's items say: their titles, summaries and StreamField values in each language,
and the text of their PDFs, written from the data. Organizations and images are named by key in
the data and looked up in what the loader has already loaded."""

from datetime import date

from django.utils.html import format_html
from django.utils.text import slugify

from followup.models import Commitment
from hub.items import type_of

from .data.wording import CASEFILE_HEADINGS, FICTION_NOTE, IMAGE_CREDIT, PLAIN_FICTION_NOTE


class ItemTexts:
    """Writes an item's text in one language onto its page."""

    def __init__(self, organization, images):
        self.organization = organization  # (key, language="fr") → the loaded Organization
        self.images = images  # key → the loaded image

    def casefile(self, page, spec, language):
        text = spec[language]
        write_summaries(page, text, language)
        page.decision_role = text["decision_role"]
        page.body = self.casefile_body(spec, language)

    def casefile_body(self, spec, language):
        headings = CASEFILE_HEADINGS[language]
        body = [heading(headings["story"])]
        body += [paragraph(text) for text in spec[language]["story"]]
        if "image" in spec:
            described = spec["image"][language]
            body.append(
                {
                    "type": "image",
                    "value": {
                        "image": self.images[spec["image"]["key"]].pk,
                        "alt_text": described["alt"],
                        "caption": described["caption"],
                        "credit": IMAGE_CREDIT[language],
                    },
                }
            )
        body.append(heading(headings["timeline"]))
        for event in spec["timeline"]:
            title, description = event[language]
            body.append(
                {
                    "type": "timeline_event",
                    "value": {"date": event["date"], "title": title, "description": description},
                }
            )
        body.append(heading(headings["evidence"]))
        for source in spec["evidence"]:
            body.append(
                {
                    "type": "evidence",
                    "value": {
                        "title": source[language],
                        "source_url": source["url"],
                        "publisher": source["publisher"],
                        "date": source["date"],
                        "archived_url": "",
                        "archived_document": None,
                    },
                }
            )
        response = spec["response"]
        body.append(heading(headings["response"]))
        body.append(
            {
                "type": "official_response",
                "value": {
                    "organization": self.organization(response["by"], language).pk,
                    "date": response["date"],
                    "response": response[language],
                    "source_url": response["url"],
                },
            }
        )
        return body

    def brief(self, page, spec, language):
        text = spec[language]
        write_summaries(page, text, language)
        page.body = [body_block(kind, value) for kind, value in text["body"]]
        page.recommendations = [
            {
                "type": "recommendation",
                "value": dict(zip(("recommendation", "addressee", "rationale"), item[language], strict=True)),
            }
            for item in spec["recommendations"]
        ]

    def brief_pdf(self, spec, public_id):
        """The title, file name, heading and paragraphs of its PDF (in French)."""
        text = spec["fr"]
        recommendations = [
            f"{number}. {item['fr'][0]} (Destinataire : {item['fr'][1]})"
            for number, item in enumerate(spec["recommendations"], start=1)
        ]
        return (
            f"{public_id} — {text['title']} (PDF de démonstration)",
            f"demo-{public_id.lower()}.pdf",
            text["title"],
            [f"{public_id}, version {spec['version']}", text["summary"], "Recommandations", *recommendations],
        )

    def agreement(self, page, spec, language):
        text = spec[language]
        write_summaries(page, text, language)
        page.scope = text["scope"]
        page.citizen_role = text["citizen_role"]
        # A translation holds its original's commitments (same numbers and keys): only their words change.
        commitments = list(page.commitments.all()) or [
            Commitment(
                owner=self.organization(commitment["owner"]), due_date=date.fromisoformat(commitment["due"])
            )
            for commitment in spec["commitments"]
        ]
        for sort_order, (commitment, words) in enumerate(zip(commitments, spec["commitments"], strict=True)):
            commitment.sort_order = sort_order
            commitment.text = words[language]
            commitment.owner_role = words.get("role", {}).get(language, "")
        page.commitments = commitments

    def agreement_pdf(self, spec, public_id):
        """The title, file name, heading and paragraphs of its PDF (in French)."""
        text = spec["fr"]
        signatures = [
            f"{s['name']}, {s['title']}, {self.organization(s['organization']).name} — signé le {s['signed_on']}"
            for s in spec["signatories"]
        ]
        commitments = [f"• {c['fr']} (échéance : {c['due']})" for c in spec["commitments"]]
        return (
            f"{public_id} — {text['title']} (entente signée, PDF de démonstration)",
            f"demo-{public_id.lower()}.pdf",
            text["title"],
            [
                text["scope"],
                "Rôle des citoyens",
                text["citizen_role"],
                "Engagements",
                *commitments,
                "Signatures",
                *signatures,
            ],
        )


def write_summaries(page, text, language):
    page.title = text["title"]
    page.slug = slugify(text["title"])[:80].strip("-")
    page.summary = f"{text['summary']} {FICTION_NOTE[type_of(page).key][language]}"
    page.plain_summary = f"{text['plain_summary']} {PLAIN_FICTION_NOTE[language]}"


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def paragraph(text):
    return {"type": "paragraph", "value": format_html("<p>{}</p>", text)}


def body_block(kind, value):
    if kind == "heading":
        return heading(value)
    if kind == "paragraph":
        return paragraph(value)
    quote, attribution = value
    return {"type": "quote", "value": {"quote": quote, "attribution": attribution}}
