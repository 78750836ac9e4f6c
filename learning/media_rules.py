"""What a resource's audio or video must carry before the resource goes live in a language."""


def media_problems(page):
    """The reasons ``page`` (a learning resource version) may not go live because of its media."""
    return []
