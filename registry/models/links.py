"""A register entry joined to everything else: its case files, their testimonies, the briefs
and agreements about it, as the entry's page lists them."""


class SystemLinks:
    pass
