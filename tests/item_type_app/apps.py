from django.apps import AppConfig


class ItemTypeAppConfig(AppConfig):
    """Installed by the test settings only; its type is registered by the tests that use it."""

    name = "tests.item_type_app"
    label = "item_type_app"
