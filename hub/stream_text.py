"""The text a reader sees in a StreamField, exactly as Wagtail's ``get_searchable_content`` gives
it, without parsing each rich text paragraph with ``HTMLParser``: a search rebuild reads every
paragraph of every item, and the parser was most of the time spent on them."""

import re
from html import unescape

from django.utils.encoding import force_str
from wagtail.blocks import ListBlock, RichTextBlock, StreamBlock, StructBlock
from wagtail.rich_text import get_text_for_indexing

# Tags the rich text editor writes (``hub.blocks.RICH_TEXT_FEATURES``, links and documents), with
# attributes whose values are quoted and hold no angle bracket: HTMLParser reads such a tag as one
# tag and nothing else, so removing it with a regular expression leaves the same text.
SIMPLE_TAG = re.compile(
    r"</?(?:p|h[1-6]|b|i|strong|em|a|ul|ol|li|br|hr|blockquote|embed|span|code|sub|sup)"
    r"""(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))?)*\s*/?>""",
    re.IGNORECASE,
)
# Where Wagtail leaves a space so that block elements do not run together.
BLOCK_END = re.compile(r"</(?:p|h\d|li|blockquote)>|<(?:br|hr)\s*/>", re.IGNORECASE)
# An "&" that HTMLParser passes on unchanged (a complete entity or character reference).
AMPERSAND = re.compile(r"&(?![a-zA-Z][-.a-zA-Z0-9]*;|#(?:[0-9]+|[xX][0-9a-fA-F]+);)")


def _tag_gap(match):
    return " " if BLOCK_END.fullmatch(match.group()) else ""


def rich_text_for_indexing(source):
    """``wagtail.rich_text.get_text_for_indexing(source)``; its own parser answers whenever the
    text holds anything but the simple tags above and complete references (a stray ``<`` or
    ``&``, a comment, another element)."""
    text = SIMPLE_TAG.sub(_tag_gap, source)
    if "<" in text or AMPERSAND.search(text):
        return get_text_for_indexing(source)
    return unescape(text.strip())


def _walks(block, wagtail_class):
    """Whether ``block`` is a ``wagtail_class`` that reads its searchable content as Wagtail does."""
    return (
        isinstance(block, wagtail_class)
        and type(block).get_searchable_content is wagtail_class.get_searchable_content
    )


def searchable_content(block, value):
    """``block.get_searchable_content(value)``, with rich text read by ``rich_text_for_indexing``;
    the containers are walked as Wagtail walks them (a block class with its own
    ``get_searchable_content`` keeps it)."""
    if _walks(block, RichTextBlock):
        return [rich_text_for_indexing(force_str(value.source))] if block.search_index else []
    if _walks(block, StreamBlock):
        if not block.search_index:
            return []
        return [text for child in value for text in searchable_content(child.block, child.value)]
    if _walks(block, StructBlock):
        if not block.search_index:
            return []
        return [
            text
            for name, child_block in block.child_blocks.items()
            for text in searchable_content(child_block, value.get(name, child_block.get_default()))
        ]
    if _walks(block, ListBlock):
        if not block.search_index:
            return []
        return [text for child_value in value for text in searchable_content(block.child_block, child_value)]
    return block.get_searchable_content(value)
