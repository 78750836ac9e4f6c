"""What the outlets (search, items API, citations, open data) ask of a register entry: the
overrides of ``hub.models.ItemPage``'s defaults."""


class SystemOutlets:
    pass
