from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the hub in production: its health check, backup and restore. It sits beside the
    outlets, above the shared base, so it may ask each of them how it is doing."""

    name = "operations"
