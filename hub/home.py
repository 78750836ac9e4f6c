"""What the home page's first screen says besides its search box: headline figures and example
searches. The base does not know them: the apps that do (the search for its index's counts, a
feature app for its own records) add theirs through the ``construct_home_overview`` hook, which
receives a ``HomeOverview`` and appends to it. Hooks run in their ``order``."""

from dataclasses import dataclass, field

from wagtail import hooks

HOOK = "construct_home_overview"


@dataclass(frozen=True)
class HomeFigure:
    """A headline count: ``label`` says what is counted, in the words for that count."""

    count: int
    label: str
    url: str


@dataclass(frozen=True)
class HomeLink:
    """An example search: its words, where it leads and how many items it finds."""

    label: str
    url: str
    count: int


@dataclass
class HomeOverview:
    language: str
    figures: list = field(default_factory=list)
    examples: list = field(default_factory=list)


def home_overview(language):
    """The overview of the home page in ``language``, as every hook makes it."""
    overview = HomeOverview(language=language)
    for construct in hooks.get_hooks(HOOK):
        construct(overview)
    return overview
