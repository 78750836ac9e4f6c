"""The share images need their fonts: say so at ``manage.py check`` rather than at the first
shared link."""

from django.core import checks

from .fonts import missing_fonts


@checks.register()
def share_image_fonts(app_configs, **kwargs):
    return [
        checks.Warning(
            f"The share images' font {setting} is not a file: {path}.",
            hint="Install the fonts-dejavu-core package or set the setting to a TrueType font.",
            id="sharing.W001",
        )
        for setting, path in missing_fonts()
    ]
