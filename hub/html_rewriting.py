"""Rewriting rendered HTML token by token with ``html.parser``, never with regular expressions
over markup: the glossary's links in case files and the kiosk's inert links both start here."""

from html import escape
from html.parser import HTMLParser

# Their content is not HTML text: it is copied as it is, never escaped.
RAW_TEXT_ELEMENTS = frozenset({"script", "style"})


class HTMLRewriter(HTMLParser):
    """Copies markup through unchanged: tags, comments and declarations as written, text escaped
    again after its character references were decoded (so subclasses read plain text).
    Subclasses change what they need and call ``super()`` for the rest; ``rewrite`` runs it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.output = []
        self.raw_text = None

    def rewrite(self, markup):
        self.feed(str(markup))
        self.close()
        return "".join(self.output)

    def handle_starttag(self, tag, attrs):
        self.output.append(self.get_starttag_text())
        if tag in RAW_TEXT_ELEMENTS:
            self.raw_text = tag

    def handle_startendtag(self, tag, attrs):
        self.output.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag == self.raw_text:
            self.raw_text = None
        self.output.append(f"</{tag}>")

    def handle_data(self, data):
        self.output.append(data if self.raw_text else escape(data, quote=False))

    def handle_comment(self, data):
        self.output.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.output.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.output.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.output.append(f"<![{data}]>")
