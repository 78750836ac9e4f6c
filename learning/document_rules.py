"""What a resource's files must pass, or offer instead, before the resource goes live."""


def document_problems(page):
    """The reasons ``page`` (a learning resource version) may not go live because of its files."""
    return []
