from . import document_hooks  # noqa: F401 (registers the document rule's admin hooks)
