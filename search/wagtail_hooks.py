"""The search's part of the home page (``hub.home``): its headline figures and example searches."""

from wagtail import hooks

from hub.home import HOOK

from .home import add_search_overview

hooks.register(HOOK, add_search_overview, order=0)
