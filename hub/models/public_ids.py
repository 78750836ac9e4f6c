"""Stable public ids: assigned once, never reused, the same in every language."""

from django.db import models, transaction
from django.utils import timezone

from ..items import PUBLIC_ID_RE


class PublicIdSequence(models.Model):
    """The last number handed out per prefix and year, so an id is never given twice,
    even after its page is deleted."""

    prefix = models.CharField(max_length=2)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("prefix", "year")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"

    @classmethod
    def next_id(cls, prefix, year=None):
        year = year or timezone.localdate().year
        with transaction.atomic():
            cls.objects.get_or_create(prefix=prefix, year=year)
            sequence = cls.objects.select_for_update().get(prefix=prefix, year=year)
            sequence.last_number += 1
            sequence.save(update_fields=["last_number"])
        return f"{prefix}-{year}-{sequence.last_number:04d}"

    @classmethod
    def reserve(cls, public_id):
        """Record an id given from outside (an import) so the sequence never hands it out again."""
        match = PUBLIC_ID_RE.match(public_id)
        if not match:
            raise ValueError(f"not a public id: {public_id}")
        with transaction.atomic():
            sequence, _created = cls.objects.select_for_update().get_or_create(
                prefix=match["prefix"], year=int(match["year"])
            )
            if sequence.last_number < int(match["number"]):
                sequence.last_number = int(match["number"])
                sequence.save(update_fields=["last_number"])
