"""What this database knows of the open data it built."""

from django.db import models


class OpenDataGeneration(models.Model):
    """The last generation this database built into a folder. The files themselves may have been
    written by another database sharing the folder (two hubs on one media folder, a copy of the
    site): only while the folder holds this database's last generation do its changes rebuild it."""

    root = models.CharField(max_length=1000, unique=True)  # the folder's absolute path
    generation = models.CharField(max_length=32)  # the manifest's "generation"
    built_at = models.DateTimeField()

    def __str__(self):
        return f"{self.root} ({self.generation})"
