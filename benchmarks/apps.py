from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """The search benchmark (``bench_search``): a command, never loaded by a request."""

    name = "benchmarks"
