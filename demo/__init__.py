"""The fictional demonstration content (``manage.py load_demo``): its data, the loader that turns
it into pages, snippets, media and accounts, and the drawing of its images and PDFs.

It sits above every other app (it names every page class); nothing imports it. Whether the demo
is loaded is base state and stays in ``hub`` (``hub.demo``, ``DemoMarker``)."""
