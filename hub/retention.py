"""Personal data kept no longer than needed. Each feature app registers, from its
``AppConfig.ready()``, what it withdraws or deletes once its time is up (testimonies past their
retention date, registrations after their session); ``apply_retention`` (run daily) runs them
all. The base names no app: they come to it."""

_TASKS = []


def register_retention(task):
    """``task()`` applies one app's retention and returns a line saying what it did."""
    if task not in _TASKS:
        _TASKS.append(task)


def apply_retention():
    """Every app's retention, in the order the apps registered; the lines they report."""
    return [task() for task in _TASKS]
