"""Whether the fictional demo is loaded."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoMarker(models.Model):
    """Present once ``load_demo`` has run: every public page then says the content is fictional."""

    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("demo marker")

    def __str__(self):
        return f"Demo loaded {self.loaded_at:%Y-%m-%d %H:%M}"
