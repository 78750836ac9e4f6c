"""The demo's consultation reports, for a ``DemoLoader`` (its organizations, items, testimonies,
accounts and publication): each with its themes, recommendations and the public body's responses,
its commitments and their progress updates, dated from the day of the first load
(``data/reports.py``). Reports are recognised by the translation key derived from their fixed
public id, like every demo item: a second run adds nothing."""

from datetime import timedelta

from django.utils import timezone

from advocacy.models import CollaborationAgreementPage
from dialogues.models import DialoguePage
from followup.models import Commitment, CommitmentUpdate, Recommendation, ReportPage
from hub.models import Region, Service
from impacts.models import Testimony

from .data.reports import REPORTS
from .texts import write_summaries

REPORT_TEXT = ("decided_by", "could_change", "method", "missing")


class ReportLoader:
    def __init__(self, loader):
        self.loader = loader
        self.today = timezone.localdate()

    def day(self, days):
        return self.today + timedelta(days=days)

    def load(self):
        index = self.loader.index_of(ReportPage)
        for spec in REPORTS:
            page = self.loader.existing_item(ReportPage, spec["id"])
            self.loader.tally("consultation reports", page is None)
            published = self.day(spec["published"])
            if page is None:
                page = self.draft(spec)
                self.loader.add(index, page, spec["id"], published)
                self.write_updates(page, spec)
            self.loader.ensure_english(
                page, spec, self.write_text, "consultation report translations", published
            )

    def draft(self, spec):
        loader = self.loader
        page = loader.new_item(
            ReportPage,
            spec["id"],
            addressed_to=loader.organization(spec["addressed_to"]),
            commissioned_by=loader.organization(spec["commissioned_by"]),
            participants=spec["participants"],
            next_review_date=self.day(spec["next_review"]),
            outside_consultation_url=spec.get("outside", {}).get("url", ""),
        )
        page.services = loader.terms(Service, spec["services"])
        page.regions = loader.terms(Region, spec["regions"])
        page.organizations_present = [loader.organization(key) for key in spec["present"]]
        page.dialogues = [self.item(DialoguePage, public_id) for public_id in spec["dialogues"]]
        page.agreements = [
            self.item(CollaborationAgreementPage, public_id) for public_id in spec.get("agreements", [])
        ]
        page.casefiles = [loader.casefiles[public_id] for public_id in spec["casefiles"]]
        page.systems = [loader.systems[name] for name in spec["systems"]]
        page.recommendations = [
            Recommendation(
                sort_order=number,
                response=recommendation["response"],
                response_date=self.day(recommendation["response_days"])
                if recommendation["response"]
                else None,
            )
            for number, recommendation in enumerate(spec["recommendations"])
        ]
        page.commitments = [
            Commitment(
                sort_order=number,
                owner=loader.organization(commitment["owner"]),
                due_date=self.day(commitment["due"]) if commitment["due"] is not None else None,
                recommendation=commitment["recommendation"],
            )
            for number, commitment in enumerate(spec["commitments"])
        ]
        self.write_text(page, spec, "fr")
        return page

    def item(self, model, public_id):
        page = self.loader.existing_item(model, public_id)
        if page is None:
            raise ValueError(f"the demo reports name {public_id}, which the demo does not load")
        return page

    def write_text(self, page, spec, language):
        """The words of ``page`` in ``language``; a translation keeps its original's
        recommendations and commitments (their numbers and keys): only their words change."""
        write_summaries(page, spec[language], language)
        for name in REPORT_TEXT:
            setattr(page, name, spec[language].get(name, ""))
        page.outside_consultation = spec.get("outside", {}).get(language, "")
        page.themes = [self.theme(theme, language) for theme in spec["themes"]]
        recommendations = sorted(page.recommendations.all(), key=lambda item: item.sort_order)
        for recommendation, words in zip(recommendations, spec["recommendations"], strict=True):
            recommendation.text = words[language]
            recommendation.response_reasons = words["reasons"].get(language, "")
        page.recommendations = recommendations
        commitments = sorted(page.commitments.all(), key=lambda item: item.sort_order)
        for commitment, words in zip(commitments, spec["commitments"], strict=True):
            commitment.text = words[language]
        page.commitments = commitments

    def theme(self, theme, language):
        title, account = theme[language]
        quotes = []
        for quote in theme["quotes"]:
            testimony = None
            if "testimony" in quote:
                testimony = (
                    Testimony.objects.filter(text__startswith=quote["testimony"]).order_by("pk").first()
                )
            quotes.append({"quote": quote[language], "testimony": testimony.pk if testimony else None})
        return {"type": "theme", "value": {"title": title, "account": account, "quotes": quotes}}

    def write_updates(self, page, spec):
        """Each commitment's progress updates, oldest first, published by the demo's publisher."""
        commitments = {commitment.number: commitment for commitment in page.commitments.all()}
        for number, commitment_spec in enumerate(spec["commitments"], start=1):
            commitment = commitments[number]
            for days, status, progress, note in commitment_spec["updates"]:
                update = CommitmentUpdate.objects.create(
                    commitment_key=commitment.translation_key,
                    item_key=page.translation_key,
                    happened_on=self.day(days),
                    status=status,
                    progress=progress,
                    note=f"{note} (Mise à jour fictive de démonstration.)",
                    language="fr",
                )
                update.publish(user=self.loader.publisher)
