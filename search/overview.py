"""The map and charts of a search (``/fr/recherche/visualiser/?<filters>``) and of the whole hub
(``/fr/portrait/``, ``/en/overview/``): a tile map of Québec's regions, bars by public service,
risk and impact level, and two timelines: by quarter of each item's date (its first report,
publication or start) and by quarter of its first publication on the hub.

Every number is a facet count of the one ``HubSearch`` run the page makes (the quarters are
facets counted on request, ``search.vocabulary.COUNTED_ONLY``), so the charts say what the list
says.
Each chart is drawn by the server as SVG with its values written out, and given as a table and
as CSV: colour never carries meaning alone, and no script or outside service is needed."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from hub.models import Region

from .links import SearchLinks
from .vocabulary import PUBLISHED_QUARTER, QUARTER, facet_label, facet_vocabulary, quarter_label

CHARTS = ("region", "service", "risk", "level", QUARTER, PUBLISHED_QUARTER)
CHART_TITLES = {
    "region": _("Items by region"),
    "service": _("Items by public service"),
    "risk": _("Items by risk"),
    "level": _("Items by impact level"),
    QUARTER: _("Items by quarter"),
    PUBLISHED_QUARTER: _("Items by quarter of publication on the hub"),
}
CHART_DESCRIPTIONS = {
    "region": _(
        "A map of Québec's 17 administrative regions and of items about all of Québec, each "
        "region a tile placed roughly where it lies, with its number of items written on it."
    ),
    "service": _("Horizontal bars: the number of items about each public service."),
    "risk": _("Horizontal bars: the number of items that name each risk."),
    "level": _("Horizontal bars: the number of items at each impact level."),
    QUARTER: _(
        "Horizontal bars, oldest quarter first: the number of items dated in each quarter (the date "
        "a case file was first reported, a brief published, an agreement or a system started)."
    ),
    PUBLISHED_QUARTER: _(
        "Horizontal bars, oldest quarter first: the number of items first published on the hub in "
        "each quarter."
    ),
}
COUNT_HEADING = _("Items")
# Where each region's tile goes (column, row) on a grid of 7 × 5, by official code: north at the
# top, west on the left; « Tout le Québec » (no code) in the top right corner, two tiles wide.
TILE_PLACES = {
    "10": (2, 0),
    "08": (0, 1),
    "02": (3, 1),
    "09": (4, 1),
    "07": (0, 2),
    "15": (1, 2),
    "14": (2, 2),
    "04": (3, 2),
    "03": (4, 2),
    "01": (5, 2),
    "11": (6, 2),
    "13": (1, 3),
    "17": (3, 3),
    "12": (4, 3),
    "06": (1, 4),
    "16": (2, 4),
    "05": (3, 4),
}
WHOLE_PROVINCE_PLACE = (5, 0)
TILE_WIDTH, TILE_HEIGHT, TILE_GAP = 108, 76, 6
# A sequential scale, lightest for the fewest items, each with the text colour that keeps a
# contrast of at least 4.5:1 on it (tests/search/test_overview.py measures it).
SCALE = (
    ("#ffffff", "#1b1b1b"),  # no item
    ("#deebf7", "#1b1b1b"),
    ("#9ecae1", "#1b1b1b"),
    ("#4a87c0", "#000000"),
    ("#1f5a96", "#ffffff"),
    ("#0b2f57", "#ffffff"),
)
BAR_WIDTH, BAR_ROW, BAR_LABEL_WIDTH = 420, 31, 360
NAME_LINE = 16  # characters of a region's name per line on its tile


@dataclass
class Chart:
    key: str
    title: str
    description: str
    heading: str  # the first column of its table
    rows: list = field(default_factory=list)  # [{"key", "label", "count", ...}]
    drawing: dict = field(default_factory=dict)  # what its SVG template draws
    csv_url: str = ""  # its table as CSV, set by the view

    @property
    def table(self):
        """The chart's table as cells, header first: what the page shows and the CSV holds."""
        if self.key == "region":
            return [
                [self.heading, str(_("Code")), str(COUNT_HEADING)],
                *([row["label"], row["code"], row["count"]] for row in self.rows),
            ]
        return [[self.heading, str(COUNT_HEADING)], *([row["label"], row["count"]] for row in self.rows)]


def charts_of(request, results):
    """The charts of one search's results, in ``CHARTS`` order."""
    query = results.query
    return [
        region_chart(request, query, results.facets["region"]),
        *(
            bar_chart(key, counts_in_vocabulary(key, query.locale, results.facets[key]))
            for key in CHARTS[1:4]
        ),
        *(
            bar_chart(key, quarter_rows(results.facets[key], query.locale))
            for key in (QUARTER, PUBLISHED_QUARTER)
        ),
    ]


def counts_in_vocabulary(facet, language, values):
    """Every value of ``facet`` with its count in the results, none left out for having none."""
    counts = {value["key"]: value["count"] for value in values}
    return [
        {"key": key, "label": label, "count": counts.get(key, 0)}
        for key, label in facet_vocabulary(facet, language)
    ]


def quarter_rows(values, language):
    """The quarters from the first to the last with items (in time order), those between without
    any included: a timeline has no holes."""
    if not values:
        return []
    counts = {value["key"]: value["count"] for value in values}
    first, last = quarter_number(values[0]["key"]), quarter_number(values[-1]["key"])
    keys = [f"{number // 4}-T{number % 4 + 1}" for number in range(first, last + 1)]
    return [{"key": key, "label": quarter_label(key, language), "count": counts.get(key, 0)} for key in keys]


def quarter_number(key):
    year, number = key.split("-T")
    return int(year) * 4 + int(number) - 1


def region_chart(request, query, values):
    """The tile map: every region of the vocabulary, each with its count, colour step and the
    address of the same search narrowed to it."""
    codes = dict(Region.objects.filter(locale__language_code=query.locale).values_list("key", "code"))
    if not codes:
        codes = dict(Region.objects.values_list("key", "code"))
    rows = counts_in_vocabulary("region", query.locale, values)
    most = max((row["count"] for row in rows), default=0)
    links = SearchLinks(request, query)
    for row in rows:
        row["code"] = codes.get(row["key"], "")
        row["url"] = links.search_url(region=(row["key"],))
        fill, ink = SCALE[scale_step(row["count"], most)]
        place = TILE_PLACES.get(row["code"], WHOLE_PROVINCE_PLACE)
        wide = row["code"] not in TILE_PLACES
        row["tile"] = {
            "x": place[0] * (TILE_WIDTH + TILE_GAP),
            "y": place[1] * (TILE_HEIGHT + TILE_GAP),
            "width": TILE_WIDTH * (2 if wide else 1) + (TILE_GAP if wide else 0),
            "height": TILE_HEIGHT,
            "fill": fill,
            "ink": ink,
            "lines": name_lines(row["label"]),
        }
        row["tile"]["middle"] = row["tile"]["x"] + row["tile"]["width"] / 2
    chart = Chart("region", CHART_TITLES["region"], CHART_DESCRIPTIONS["region"], str(facet_label("region")))
    chart.rows = rows
    chart.drawing = {
        "width": 7 * (TILE_WIDTH + TILE_GAP) - TILE_GAP,
        "height": 5 * (TILE_HEIGHT + TILE_GAP) - TILE_GAP,
        "legend": legend(most),
    }
    return chart


def scale_step(count, most):
    """The colour step of ``count`` when the largest count is ``most``: 0 for none, else 1–5."""
    if not count or not most:
        return 0
    return min(len(SCALE) - 1, 1 + (count * (len(SCALE) - 1) - 1) // most)


def legend(most):
    """The scale's steps with the counts each stands for, in words: ``[{fill, ink, low, high}]``."""
    steps = [{"fill": SCALE[0][0], "ink": SCALE[0][1], "low": 0, "high": 0}]
    for step in range(1, len(SCALE)):
        counts = [count for count in range(1, most + 1) if scale_step(count, most) == step]
        if counts:
            steps.append(
                {"fill": SCALE[step][0], "ink": SCALE[step][1], "low": counts[0], "high": counts[-1]}
            )
    return steps


def name_lines(name):
    """A region's name in at most two lines of about NAME_LINE characters, cut after a space or
    a dash."""
    if len(name) <= NAME_LINE:
        return [name]
    cuts = [index + 1 for index, char in enumerate(name) if char in " -–" and index + 1 <= NAME_LINE + 2]
    cut = cuts[-1] if cuts else NAME_LINE
    return [name[:cut].strip(), name[cut:].strip()]


def bar_chart(key, rows):
    """Horizontal bars, one per row, each with its label above it and its count after it."""
    most = max((row["count"] for row in rows), default=0)
    for number, row in enumerate(rows):
        row["bar"] = {
            "y": number * BAR_ROW,
            "width": round(BAR_LABEL_WIDTH * row["count"] / most, 1) if most else 0,
        }
    chart = Chart(
        key,
        CHART_TITLES[key],
        CHART_DESCRIPTIONS[key],
        str(_("Quarter") if key in (QUARTER, PUBLISHED_QUARTER) else facet_label(key)),
    )
    chart.rows = rows
    chart.drawing = {"width": BAR_WIDTH, "height": max(1, len(rows)) * BAR_ROW}
    return chart
