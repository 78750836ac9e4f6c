"""What a consultation report's themes show: each theme's title and account, and its quotes; a
quote taken from a testimony only while that testimony is shown publicly (impacts' own rule,
``impacts.showing.public_places``), linking to where it is shown. A withdrawal, a narrowed
consent or an unpublished case file hides the quote on every surface that reads this module
(the page, search, the items API, open data), since none reads the themes otherwise.

The themes are read from their stored form, so that a quote whose testimony was deleted (the
chooser then finds nothing) is hidden too, not shown as a quote without a source."""

from dataclasses import dataclass, field

from django.apps import apps

from hub.changes import announce


@dataclass
class ShownQuote:
    text: str
    testimony_url: str = ""  # where its testimony is shown, for a quote taken from one


@dataclass
class ShownTheme:
    title: str
    account: str
    quotes: list = field(default_factory=list)


def _items(value):
    """A ListBlock's stored items, in either of its stored forms."""
    for item in value or ():
        yield item["value"] if isinstance(item, dict) and item.get("type") == "item" else item


def stored_themes(stream):
    """``[(title, account, [(quote text, testimony id or None)])]`` of a themes StreamField."""
    themes = []
    for block in stream.raw_data:
        value = block["value"]
        quotes = [(quote.get("quote") or "", quote.get("testimony")) for quote in _items(value.get("quotes"))]
        themes.append((value.get("title") or "", value.get("account") or "", quotes))
    return themes


def testimony_places(testimony_ids, language):
    """``{testimony id: the address where it is shown}``: on a public case file showing it
    publicly, in ``language`` where one is, for the testimonies shown publicly among these."""
    if not testimony_ids:
        return {}
    from impacts.showing import public_places

    testimony_model = apps.get_model("impacts", "Testimony")
    found = {}
    for testimony, places in public_places(testimony_model.objects.filter(pk__in=testimony_ids)):
        if places:
            place = next((page for page in places if page.locale.language_code == language), places[0])
            found[testimony.pk] = f"{place.url}#testimony-{testimony.pk}"
    return found


def shown_themes(pages):
    """``{page pk: [ShownTheme]}`` of these report pages, the testimonies' places read at once
    for all of them (three queries)."""
    stored = {page.pk: stored_themes(page.themes) for page in pages}
    ids = {
        testimony
        for themes in stored.values()
        for _title, _account, quotes in themes
        for _text, testimony in quotes
        if testimony
    }
    languages = {page.locale.language_code for page in pages}
    places = {language: testimony_places(ids, language) for language in languages}
    shown = {}
    for page in pages:
        found = places[page.locale.language_code]
        shown[page.pk] = [
            ShownTheme(
                title,
                account,
                [
                    ShownQuote(text, found[testimony] if testimony else "")
                    for text, testimony in quotes
                    if text.strip() and (not testimony or testimony in found)
                ],
            )
            for title, account, quotes in stored[page.pk]
        ]
    return shown


def reports_quoting(testimony_pk):
    """The public ids of the reports whose stored versions (what the public sees) quote this
    testimony: a change of the testimony may change what they show."""
    report_model = apps.get_model("followup", "ReportPage")
    return {
        report.public_id
        for report in report_model.objects.only("public_id", "themes").iterator()
        if any(
            testimony == testimony_pk
            for _title, _account, quotes in stored_themes(report.themes)
            for _text, testimony in quotes
        )
    }


def on_testimony_change(sender, instance, **kwargs):
    """Its words, consent or withdrawal may take a quote back from the reports quoting it."""
    announce(reports_quoting(instance.pk), removal=True)


def on_items_changed(sender, change, **kwargs):
    """A case file taken back from the public (unpublished, made private, deleted) no longer shows
    its testimonies: the reports quoting them change too."""
    if not change.removal or not change.public_ids:
        return
    link_model = apps.get_model("impacts", "CaseFileTestimony")
    testimonies = set(
        link_model.objects.filter(page__public_id__in=change.public_ids).values_list(
            "testimony_id", flat=True
        )
    )
    quoting = set().union(*(reports_quoting(testimony) for testimony in testimonies)) - change.public_ids
    if quoting:
        announce(quoting, removal=True)
