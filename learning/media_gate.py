"""The described and sign-language versions of a recording are public with it: a live, public
resource links them from its player, though no page chooses them itself (``hub.media_access``
counts only what a page's content chooses)."""

from hub.media_access import used_by_public_pages

from .models.media import LearningMedia


class AlternateVersionsGate:
    def governed(self, model):
        """Nothing is decided here alone: a version chosen by a page is public through the page."""
        return model.objects.none().values("pk") if issubclass(model, LearningMedia) else None

    def public_ids(self, model, ids=None):
        if not issubclass(model, LearningMedia):
            return set()
        recordings = LearningMedia.objects.filter(pk__in=used_by_public_pages(LearningMedia))
        versions = set()
        for described, signed in recordings.values_list("described_version_id", "sign_language_version_id"):
            versions.update(pk for pk in (described, signed) if pk is not None)
        return versions if ids is None else versions & set(ids)
