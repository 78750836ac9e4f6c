"""An XSS corpus saved into every text field, rich text and StreamField block of the three page
types, their inline children, testimonies and organizations, then rendered on every public, data
and admin surface: nothing may come out as live markup.

Every payload carries ``MARKER`` followed by a tag naming the field that holds it
(``alert(1337)/*x012*/``): a finding names its field and surface, and Wagtail's own admin scripts
are never mistaken for an injection.

The fields are found by introspection, so a field or block added later is covered without
editing this module. Skipped, because they refuse arbitrary text:

- fields with choices (``status``, ``automation``, ``Organization.kind``, ``AgreementParty.role``,
  ``Testimony.language``, ``identification``, ``consent_language``): forms accept only a choice;
- ``SlugField`` (``slug``, ``Organization.key``): letters, digits, ``-`` and ``_`` only;
- fields whose validator accepts only a pattern (the register's months, ``YYYY-MM``);
- ``public_id``: assigned by the hub, read-only in the admin and validated as ``XX-YYYY-NNNN``;
- Wagtail's bookkeeping: ``path``, ``url_path`` and ``draft_title`` (a copy of ``title``, which
  is in the corpus).

URL fields and ``URLBlock``\\s hold a valid address carrying an attribute break-out.

Links a reader cannot safely follow (``javascript:`` and the like) are refused rather than
stored: ``URLField``\\s and ``URLBlock``\\s by their own validators, and, for the item
pages, ``ItemPage.clean_streams()`` (``full_clean()``: ``save_revision()``, the admin form, the
publication of a wagtail-localize translation) refuses any ``href``/``src`` attribute in a
StreamField's raw strings that is not http, https, mailto, tel or relative. The corpus therefore
splits in two:

- text payloads (``<script>``, attribute break-outs, ``"><svg onload=…>``) are saved everywhere
  and must render inert on every surface;
- unsafe link payloads are asserted to be refused, naming the field: through the model layer
  (``test_unsafe_links_are_refused_by_the_model_layer``), the admin forms
  (``test_admin_forms_*``) and wagtail-localize's translation overrides
  (``test_translation_overrides_*``).

Two roads the corpus once found open are pinned too: link spellings browsers accept without a
blank before the attribute (``test_link_spellings_browsers_follow_are_caught``), and translation
overrides whose refused links must never reach the page
(``test_refused_translation_overrides_do_not_reach_the_page``).

Rich text: Wagtail treats its stored HTML as trusted and renders it as is; what makes it safe is
the editor's server-side conversion of what the editor posts (Draftail's JSON), which drops
``javascript:`` link entities (the link's text stays, without an address) and escapes text. The
corpus posts hostile JSON (the issue's HTML typed as text, a ``javascript:`` link, a link whose
address breaks out of its attribute): through the real admin forms, and through the same widget
conversion for the model-layer corpus. Text that merely quotes a ``javascript:`` link
(``<a href="javascript:…">`` typed in a paragraph, stored escaped and inert) is refused too: the
check reads attributes in the raw strings, escaped or not.

Raw HTML written straight to the database bypasses both the conversion and the validation. The
templates neutralise unsafe link addresses in rendered blocks as a backstop, checked in
``test_unsafe_links_written_past_validation_render_inert``; the backstop covers links only, not
raw ``<script>`` (no code path of the hub writes raw rich text HTML).
"""

import csv
import datetime
import html
import io
import json
import re
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urlencode
from xml.etree import ElementTree

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Revision
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import OverridableSegment, Translation

from advocacy.models import (
    AdvocacyBriefPage,
    AgreementParty,
    AgreementSignatory,
    BriefAuthor,
    BriefCitation,
    CollaborationAgreementPage,
)
from followup.following import follower_urls
from followup.models import Commitment, CommitmentStatus, CommitmentUpdate, Follower
from hub.models import Organization, Region, Risk, Service, StandardPage
from hub.subscriptions import subscription_urls
from impacts import models as impacts_models  # importing Testimony here would make pytest collect it
from impacts.interchange import COLUMNS, clean_text
from impacts.models import CaseFilePage
from impacts.testimonies import withdraw_testimony
from search.backends import get_backend
from search.index import rebuild_index
from search.models import SearchAlert
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DocumentFactory,
    ImageFactory,
    SystemPageFactory,
    TestimonyFactory,
    locale,
    paragraph,
    show_testimony,
    terms,
    translate_page,
)

# Wagtail's admin parses titles with BeautifulSoup, which warns when one looks like an address.
pytestmark = pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")

MARKER = "alert(1337)"
TAG_RE = re.compile(re.escape(MARKER) + r"/\*(x\d{3})\*/")
JAVASCRIPT_URL = f"javascript:{MARKER}"

# --- The checker ------------------------------------------------------------------------------

DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "importmap"}
TEMPLATE_SCRIPT_TYPES = {"text/template", "text/html", "text/x-template"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
# Browsers ignore control characters and blanks in a URL's scheme ("java\tscript:").
IGNORED_IN_SCHEME_RE = re.compile(r"[\x00-\x20]")


def is_script_url(value):
    return IGNORED_IN_SCHEME_RE.sub("", value).lower().startswith(("javascript:", "vbscript:"))


class LiveMarkupFinder(HTMLParser):
    """Reads HTML as a browser would and lists what would run: a ``<script>`` or ``<style>`` holding
    the marker, an ``<svg onload>``, an event-handler attribute holding the marker, a ``javascript:``
    address. Escaped text and attribute values are data and pass."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.raw_element = None
        self.raw_text = []

    def handle_starttag(self, tag, attrs):
        self.check_element(tag, attrs)
        if tag in ("script", "style"):
            self.raw_element, self.raw_text = (tag, dict(attrs)), []

    def handle_startendtag(self, tag, attrs):
        self.check_element(tag, attrs)

    def handle_data(self, data):
        if self.raw_element:
            self.raw_text.append(data)

    def handle_endtag(self, tag):
        if self.raw_element and tag == self.raw_element[0]:
            self.check_raw_text(*self.raw_element, "".join(self.raw_text))
            self.raw_element = None

    def close(self):
        super().close()
        if self.raw_element:  # an unclosed <script> runs too; the parser keeps its text unread
            self.check_raw_text(*self.raw_element, "".join(self.raw_text) + self.rawdata)

    def check_element(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if tag == "svg" and name == "onload":
                self.problems.append(f"<svg onload={value!r}>")
            elif (name.startswith("on") and MARKER in value) or (
                name in URL_ATTRIBUTES and is_script_url(value)
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
            elif name == "srcdoc":
                self.problems.extend(f"<{tag} srcdoc> {problem}" for problem in find_live_markup(value))

    def check_raw_text(self, tag, attrs, content):
        if MARKER not in content:
            return
        kind = (attrs.get("type") or "").strip().lower()
        if tag == "script" and kind in DATA_SCRIPT_TYPES:
            try:
                json.loads(content)
            except ValueError:
                self.problems.append(f"<script type={kind!r}> is not valid JSON: {content[:200]!r}")
        elif tag == "script" and kind in TEMPLATE_SCRIPT_TYPES:
            self.problems.extend(f"<script type={kind!r}> {problem}" for problem in find_live_markup(content))
        else:
            self.problems.append(f"<{tag}> holds {content[:200]!r}")


def find_live_markup(text):
    """What in ``text`` (an HTML document or fragment) a browser would run."""
    finder = LiveMarkupFinder()
    finder.feed(text)
    finder.close()
    return finder.problems


UNSAFE_SNIPPETS = [
    f"<p><script>{MARKER}</script></p>",
    f"<script>{MARKER}",
    f'<input value=""><svg onload={MARKER}>">',
    "<svg onload=void(0)>",
    f"<svg/onload={MARKER}>",
    f"<a title='' onmouseover='{MARKER}'>x</a>",
    f'<img src=x onerror="{MARKER}">',
    f'<a href="javascript:{MARKER}">x</a>',
    f'<a href="  JavaScript:{MARKER}">x</a>',
    f'<a href="java&#9;script&#58;{MARKER}">x</a>',
    f'<a/href="javascript:{MARKER}">x</a>',
    f'<a title=""href="javascript:{MARKER}">x</a>',
    f'<iframe src="javascript:{MARKER}"></iframe>',
    f'<form><button formaction="javascript:{MARKER}">x</button></form>',
    f'<style>body {{ background: url("{MARKER}") }}</style>',
    f'<script type="application/json">{{"a": "</script><script>{MARKER}</script>',
    f'<script type="text/template"><img src=x onerror="{MARKER}"></script>',
    f'<iframe srcdoc="<script>{MARKER}</script>"></iframe>',
    f"<textarea></textarea><script>{MARKER}</script></textarea>",
]
SAFE_SNIPPETS = [
    f"<p>&lt;script&gt;{MARKER}&lt;/script&gt;</p>",
    f'<input value="&quot;&gt;&lt;svg onload={MARKER}&gt;">',
    f'<a title="&#x27; onmouseover=&#x27;{MARKER}">x</a>',
    f'<a href="https://example.org/?q=&quot;&gt;&lt;svg onload={MARKER}&gt;">x</a>',
    f'<div data-value="{{&quot;a&quot;: &quot;&lt;script&gt;{MARKER}&quot;}}"></div>',
    f'<script type="application/json">{{"a": "\\u003Cscript\\u003E{MARKER}"}}</script>',
    f"<textarea>&lt;script&gt;{MARKER}&lt;/script&gt;</textarea>",
    '<script>window.wagtailConfig = {"x": 1};</script>',
    '<a href="https://example.org/javascript:">x</a>',
    f'<p>&lt;a href="javascript:{MARKER}"&gt;x&lt;/a&gt;</p>',
    f'<a href="#">{MARKER}</a>',
]


@pytest.mark.parametrize("snippet", UNSAFE_SNIPPETS)
def test_the_checker_flags_live_markup(snippet):
    assert find_live_markup(snippet), snippet


@pytest.mark.parametrize("snippet", SAFE_SNIPPETS)
def test_the_checker_lets_escaped_payloads_pass(snippet):
    assert find_live_markup(snippet) == []


# --- The corpus -------------------------------------------------------------------------------


class Corpus:
    """Hands out payloads, each tagged with the field it is stored in."""

    def __init__(self):
        self.labels = {}  # tag -> "Model.field" or "Model.streamfield.block.child"

    def tag(self, label):
        assert label not in self.labels.values(), f"{label} is in the corpus twice"
        tag = f"x{len(self.labels) + 1:03d}"
        self.labels[tag] = label
        return tag

    def marked(self, label):
        """The marker tagged with a new tag for ``label``."""
        return f"{MARKER}/*{self.tag(label)}*/"

    def text(self, label, max_length=None):
        """Plain text: a script element, an attribute break-out into an element, a single-quoted
        attribute break-out; as many as ``max_length`` allows, at least one."""
        marked = self.marked(label)
        pieces = [f"<script>{marked}</script>", f'"><svg onload={marked}>', f"' onmouseover='{marked}"]
        value = pieces[0]
        for piece in pieces[1:]:
            if max_length is None or len(value) + 1 + len(piece) <= max_length:
                value = f"{value} {piece}"
        assert max_length is None or len(value) <= max_length, label
        return value

    def url(self, label):
        """A valid address (URL validators accept it) that breaks out of a quoted attribute."""
        return break_out_url(self.marked(label))

    def rich_text(self, label):
        """What the rich text editor posts (Draftail's JSON): the issue's HTML typed as text, an
        attribute break-out as a heading, a ``javascript:`` link (the editor drops its address) and a
        link whose address breaks out of its attribute. The browser's editor filters pasted HTML; a
        hostile editor can post any JSON, which is what is sent here. The typed HTML holds no
        ``href``: text quoting a ``javascript:`` link is refused (see ``quoted_link_rich_text``)."""
        marked = self.marked(label)
        pasted = f"<p><img src=x onerror={marked}></p><script>{marked}</script>"
        links = f"javascript link, break-out link {marked}"
        return draftail(
            [
                draftail_block("a", "unstyled", pasted),
                draftail_block("b", "header-two", f"\"><svg onload={marked}> ' onmouseover='{marked}"),
                draftail_block("c", "unstyled", links, [(0, 0, 15), (1, 17, 14)]),
            ],
            [f"javascript:{marked}", f'https://example.org/?q="><svg onload={marked}>'],
        )

    def quoted_link_rich_text(self, label):
        """Draftail's JSON for a paragraph quoting a ``javascript:`` link as text: the editor stores
        it escaped (inert), and the hub refuses it all the same."""
        marked = self.marked(label)
        return draftail([draftail_block("a", "unstyled", f'<a href="javascript:{marked}">{marked}</a>')])

    def labels_in(self, text):
        return {self.labels[tag] for tag in TAG_RE.findall(text) if tag in self.labels}

    def describe(self, text):
        labels = sorted(self.labels_in(text))
        return f" [{', '.join(labels)}]" if labels else ""


def break_out_url(marked):
    """A valid address (URL validators accept it: no blank) that breaks out of a quoted attribute."""
    return f"https://example.org/x?q=\"><svg/onload={marked}>&r='onmouseover='{marked}"


def draftail_block(key, kind, text, entities=()):
    """A Draftail block; ``entities`` are ``(entity key, offset, length)``."""
    ranges = [{"offset": offset, "length": length, "key": key} for key, offset, length in entities]
    return {
        "key": key,
        "type": kind,
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": ranges,
        "data": {},
    }


def draftail(draftail_blocks, link_urls=()):
    """Draftail's JSON with these blocks and a LINK entity per address (keys "0", "1", …)."""
    entities = {
        str(key): {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
        for key, url in enumerate(link_urls)
    }
    return json.dumps({"blocks": draftail_blocks, "entityMap": entities})


def free_text_fields(model):
    """The model's fields an editor fills with free text (see the module docstring)."""
    return [
        model_field
        for model_field in model._meta.concrete_fields
        if isinstance(model_field, models.CharField | models.TextField)
        and model_field.editable
        and not model_field.choices
        and not isinstance(model_field, models.SlugField)
        and not holds_a_pattern(model_field)
        and model_field.name not in {"path", "url_path", "draft_title", "public_id"}
    ]


def holds_a_pattern(model_field):
    """A text field whose validator accepts only a pattern (the register's ``YYYY-MM`` months)
    refuses arbitrary text, as a slug does; a URL's validator is a pattern too, but URLs are
    in the corpus (``Corpus.url``)."""
    return not isinstance(model_field, models.URLField) and any(
        isinstance(validator, RegexValidator) for validator in model_field.validators
    )


def fill(model, corpus, label=None, limits=None):
    """``{field name: payload}`` for every free-text field of ``model``; ``limits`` gives the
    length of a field whose limit the model checks in ``clean()`` rather than in its column."""
    label = label or model.__name__
    values = {}
    for model_field in free_text_fields(model):
        name = f"{label}.{model_field.name}"
        if isinstance(model_field, models.URLField):
            values[model_field.name] = corpus.url(name)
        else:
            limit = (limits or {}).get(model_field.name, model_field.max_length)
            values[model_field.name] = corpus.text(name, limit)
    return values


def stream_fields(model):
    return [
        model_field for model_field in model._meta.concrete_fields if isinstance(model_field, StreamField)
    ]


def inline_models(page_model):
    """The models of the page's inline panels (its ParentalKey children), by relation name: the
    formsets of its edit form (a relation every page has, such as commitments', is an inline only
    where a panel edits it), Wagtail's own comments aside."""
    formsets = page_model.get_edit_handler().get_form_class().formsets
    return {
        name: formset.model
        for name, formset in formsets.items()
        if formset.model._meta.app_label != "wagtailcore"
    }


def editor_stored(block, posted):
    """What the admin stores when the rich text editor posts ``posted``: the block's own widget
    converts it, as in a form POST."""
    return block.field.widget.value_from_datadict({"value": posted}, {}, "value")


@dataclass
class Shared:
    """Objects the blocks' choosers point to."""

    organization: Organization
    image: object
    document: object


def block_value(block, corpus, label, shared, form=False, replace=None):
    """A value for ``block`` with a payload in every text it holds: stream data as the model layer
    takes it, or, with ``form=True``, what the admin form posts. ``replace`` maps labels to the
    value to use instead for those blocks."""
    replace = replace or {}
    if label in replace:
        return replace[label]
    if isinstance(block, blocks.StreamBlock):
        items = [
            (name, block_value(child, corpus, f"{label}.{name}", shared, form, replace))
            for name, child in block.child_blocks.items()
        ]
        return streamfield(items) if form else [{"type": name, "value": value} for name, value in items]
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_value(child, corpus, f"{label}.{name}", shared, form, replace)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        if form:
            raise NotImplementedError(f"{label}: post a ListBlock's items (count, id, order, deleted)")
        return [block_value(block.child_block, corpus, f"{label}.item", shared, replace=replace)]
    if isinstance(block, blocks.RichTextBlock):
        posted = corpus.rich_text(label)
        return posted if form else editor_stored(block, posted)
    if isinstance(block, blocks.URLBlock):
        return corpus.url(label)
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return corpus.text(label, block.field.max_length)
    if isinstance(block, blocks.ChoiceBlock):
        return next(value for value, _label in block.field.choices if value)
    if isinstance(block, blocks.DateBlock):
        return "2024-05-01"
    if isinstance(block, ImageChooserBlock):
        return str(shared.image.pk) if form else shared.image.pk
    if isinstance(block, DocumentChooserBlock):
        return str(shared.document.pk) if form else shared.document.pk
    if isinstance(block, SnippetChooserBlock) and block.target_model is Organization:
        return str(shared.organization.pk) if form else shared.organization.pk
    raise TypeError(f"{label}: no corpus value for a {type(block).__name__}; teach block_value about it")


def descendants(block, label):
    """``(label, block)`` for ``block`` and every block under it."""
    yield label, block
    for name, child in (getattr(block, "child_blocks", None) or {}).items():
        yield from descendants(child, f"{label}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield from descendants(block.child_block, f"{label}.item")


def blocks_of(model, kind):
    """``(label, block)`` for every block of type ``kind`` in the model's StreamFields."""
    for stream_field in stream_fields(model):
        for label, block in descendants(stream_field.stream_block, f"{model.__name__}.{stream_field.name}"):
            if isinstance(block, kind):
                yield label, block


def has_addresses(model):
    """Whether the model's StreamFields hold addresses: URL blocks, links in rich text."""
    return any(blocks_of(model, blocks.URLBlock | blocks.RichTextBlock))


PAGE_MODELS = (CaseFilePage, AdvocacyBriefPage, CollaborationAgreementPage)
PAGE_MODELS_WITH_ADDRESSES = [model for model in PAGE_MODELS if has_addresses(model)]
# The names under which rich text appears in API answers.
RICH_TEXT_NAMES = {
    label.rsplit(".", 1)[1]
    for model in PAGE_MODELS
    for label, _block in blocks_of(model, blocks.RichTextBlock)
}


# --- Checking surfaces ------------------------------------------------------------------------


@dataclass
class Surfaces:
    """Requests surfaces, records what would run on each and which fields reached each."""

    corpus: Corpus
    problems: list = field(default_factory=list)
    reached: dict = field(default_factory=dict)  # surface -> labels found there

    def get(self, client, surface, url, data=None):
        response = client.get(url, data)
        assert response.status_code == 200, f"{surface}: HTTP {response.status_code} for {url}"
        return response

    def html(self, surface, text):
        for problem in find_live_markup(text):
            self.problems.append(f"{surface}: {problem}{self.corpus.describe(problem)}")
        self.reached.setdefault(surface, set()).update(self.corpus.labels_in(html.unescape(text)))

    def page(self, client, surface, url, data=None):
        response = self.get(client, surface, url, data)
        assert response["Content-Type"].startswith("text/html"), surface
        self.html(surface, response.content.decode())
        return response

    def json(self, client, surface, url, data=None):
        """JSON is data: it must parse, be served as JSON that no browser sniffs into HTML, and give
        back the payloads as they were stored. Rich text in it is HTML a client will insert."""
        response = self.get(client, surface, url, data)
        assert response["Content-Type"].startswith("application/json"), surface
        assert response.get("X-Content-Type-Options") == "nosniff", surface
        body = json.loads(response.content)
        for text in strings_in(body):
            self.reached.setdefault(surface, set()).update(self.corpus.labels_in(text))
        return body

    def assert_inert(self):
        assert not self.problems, "Live markup came out:\n" + "\n".join(self.problems)

    def labels_reached(self, prefix=""):
        return set().union(
            *(labels for surface, labels in self.reached.items() if surface.startswith(prefix))
        )


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def rich_text_in_api(value):
    """The rich text values of an API answer (HTML a client inserts as such)."""
    if isinstance(value, dict):
        if value.get("type") in RICH_TEXT_NAMES and isinstance(value.get("value"), str):
            yield value["value"]
        for item in value.values():
            yield from rich_text_in_api(item)
    elif isinstance(value, list):
        for item in value:
            yield from rich_text_in_api(item)


# --- The corpus in the database ---------------------------------------------------------------


@dataclass
class World:
    corpus: Corpus
    shared: Shared
    casefile: CaseFilePage
    casefile_en: CaseFilePage
    brief: AdvocacyBriefPage
    agreement: CollaborationAgreementPage
    testimonies: list
    withdrawn: impacts_models.Testimony
    update: CommitmentUpdate

    @property
    def pages(self):
        return [self.casefile, self.casefile_en, self.brief, self.agreement]


def publish_hostile_version(page, corpus, shared, user, **relations):
    """A second published revision with the corpus in every free-text field and StreamField (the
    first, harmless one makes the revision comparison show every field)."""
    page = type(page).objects.get(pk=page.pk)
    model_name = type(page).__name__
    for name, value in fill(type(page), corpus).items():
        setattr(page, name, value)
    for stream_field in stream_fields(type(page)):
        value = block_value(stream_field.stream_block, corpus, f"{model_name}.{stream_field.name}", shared)
        setattr(page, stream_field.name, value)
    for name, value in relations.items():
        setattr(page, name, value)
    page.save_revision(user=user).publish(user=user)
    return type(page).objects.get(pk=page.pk)


FACTORIES = {
    CaseFilePage: CaseFilePageFactory,
    AdvocacyBriefPage: AdvocacyBriefPageFactory,
    CollaborationAgreementPage: CollaborationAgreementPageFactory,
}


def new_page(model, site_pages, slug):
    """A published page of ``model`` with harmless content, in French."""
    if model is StandardPage:
        page = StandardPage(
            title="Page fictive", slug=slug, intro="Texte fictif.", body=[paragraph("Texte fictif.")]
        )
        site_pages["fr"]["home"].add_child(instance=page)
        page.save_revision().publish()
        return StandardPage.objects.get(pk=page.pk)
    return FACTORIES[model](slug=slug)


def new_shared():
    return Shared(
        organization=Organization.objects.create(name="Organisme fictif", locale=locale("fr")),
        image=ImageFactory(),
        document=DocumentFactory(),
    )


def stream_data(model, corpus, shared, replace=None):
    """``{StreamField name: raw stream data}``: the corpus in every block, ``replace`` aside."""
    return {
        stream_field.name: block_value(
            stream_field.stream_block,
            corpus,
            f"{model.__name__}.{stream_field.name}",
            shared,
            replace=replace,
        )
        for stream_field in stream_fields(model)
    }


def stored_streams(page):
    """The page's StreamFields as stored (JSON), to compare before and after."""
    return json.dumps(
        {
            stream_field.name: list(getattr(page, stream_field.name).raw_data)
            for stream_field in stream_fields(type(page))
        }
    )


@pytest.fixture
def world(site_pages, superuser):
    corpus = Corpus()
    organization = Organization.objects.create(
        locale=locale("fr"), kind=Organization.Kind.PUBLIC_BODY, **fill(Organization, corpus)
    )
    shared = Shared(
        organization=organization,
        image=ImageFactory(),
        document=DocumentFactory(title=corpus.text("Document.title", 255)),
    )
    casefile = publish_hostile_version(
        CaseFilePageFactory(slug="dossier-xss"),
        corpus,
        shared,
        superuser,
        agency=organization,
        vendor=organization,
    )
    brief = publish_hostile_version(
        AdvocacyBriefPageFactory(slug="memoire-xss"),
        corpus,
        shared,
        superuser,
        pdf=shared.document,
        authors=[BriefAuthor(organization=organization, **fill(BriefAuthor, corpus))],
        citations=[BriefCitation(casefile=casefile, **fill(BriefCitation, corpus))],
    )
    agreement = publish_hostile_version(
        CollaborationAgreementPageFactory(slug="entente-xss"),
        corpus,
        shared,
        superuser,
        signed_document=shared.document,
        parties=[
            AgreementParty(organization=organization, role=AgreementParty.Role.MUNICIPALITY),
            AgreementParty(organization=organization, role=AgreementParty.Role.NON_PROFIT),
        ],
        signatories=[AgreementSignatory(organization=organization, **fill(AgreementSignatory, corpus))],
        commitments=[
            Commitment(owner=organization, due_date=datetime.date(2025, 6, 30), **fill(Commitment, corpus))
        ],
    )
    # A published progress update of its commitment, written in English.
    row = agreement.commitments.get()
    update = CommitmentUpdate.objects.create(
        commitment_key=row.translation_key,
        item_key=agreement.translation_key,
        happened_on=datetime.date(2025, 6, 1),
        status=CommitmentStatus.IN_PROGRESS,
        language="en",
        **fill(CommitmentUpdate, corpus),
    )
    update.full_clean()  # what the admin form accepts
    update.publish(user=superuser)
    assert set(inline_models(CaseFilePage)) == {"testimony_links"}  # no free text of its own
    assert set(inline_models(AdvocacyBriefPage)) == {"authors", "citations"}
    assert set(inline_models(CollaborationAgreementPage)) == {"parties", "signatories", "commitments"}

    pseudonymous = TestimonyFactory(
        casefiles=[casefile],
        image=shared.image,
        document=shared.document,
        **fill(impacts_models.Testimony, corpus),
    )
    named = TestimonyFactory(
        casefiles=[casefile],
        identification=impacts_models.Testimony.Identification.NAMED,
        display_name=corpus.text("Testimony[named].display_name", 120),
    )
    withdrawn = TestimonyFactory(casefiles=[casefile])
    for testimony in (pseudonymous, named, withdrawn):
        casefile = show_testimony(casefile, testimony)
    withdraw_testimony(withdrawn, corpus.text("Testimony.withdrawal_reason"), user=superuser)

    casefile_en = translate_page(casefile, "en", slug="case-file-xss")
    rebuild_index(get_backend())
    return World(
        corpus=corpus,
        shared=shared,
        casefile=CaseFilePage.objects.get(pk=casefile.pk),
        casefile_en=casefile_en,
        brief=brief,
        agreement=agreement,
        testimonies=[pseudonymous, named],
        withdrawn=withdrawn,
        update=update,
    )


# Every field shows somewhere in the admin. The withdrawal reason shows in the log message of the
# withdrawal (impacts/wagtail_hooks.py), on the withdrawn testimony's history page: checked there.
NOT_SHOWN_IN_ADMIN = set()


def search_url(language):
    with translation.override(language):
        return reverse("search")


# Fields no public surface shows, by design: the consent record and the withdrawal stay in the admin.
NOT_PUBLIC = {
    "Testimony.consent_collected_by",
    "Testimony.consent_text_version",
    "Testimony.withdrawal_contact",
    "Testimony.withdrawal_reason",
}


@pytest.mark.django_db
def test_the_corpus_is_content_an_editor_can_save(world):
    """The corpus passes the validation the admin forms apply: the surfaces below render what an
    editor could really have saved."""
    for page in world.pages:
        for stream_field in stream_fields(type(page)):
            stream_field.stream_block.clean(getattr(page, stream_field.name))
    for page in world.pages:
        page.full_clean()  # the item pages' own stream and link checks (ItemPage.clean_streams)
    for testimony in world.testimonies:
        testimony.full_clean()
    world.shared.organization.full_clean()


@pytest.mark.django_db
def test_javascript_addresses_are_refused(site_pages):
    organization = Organization(name="Organisme fictif", website=JAVASCRIPT_URL, locale=locale("fr"))
    with pytest.raises(ValidationError) as caught:
        organization.full_clean()
    assert "website" in caught.value.message_dict

    checked = []
    for model in PAGE_MODELS:
        for label, block in blocks_of(model, blocks.URLBlock):
            for address in (JAVASCRIPT_URL, f" JavaScript:{MARKER}", f"jAvAsCrIpT:{MARKER}//x"):
                with pytest.raises(ValidationError):
                    block.clean(address)
            checked.append(label)
    assert checked, "no URL block found: the introspection is broken"


# --- Unsafe links are refused -----------------------------------------------------------------

# A javascript: address as a URL block holds it, spelt as browsers still follow it.
ADDRESS_SPELLINGS = {
    "plain": "javascript:{marked}",
    "blank and capitals": " JavaScript:{marked}",
    "mixed case": "jAvAsCrIpT:{marked}//x",
    "tab in the scheme": "java\tscript:{marked}",
}
# A javascript: link in rich text as an import or a script would store it (the editor's conversion
# never writes one), spelt as browsers still follow it. The link's text shows the link was rendered.
LINK_SPELLINGS = {
    "double quotes": '<a href="javascript:{marked}">{marked}</a>',
    "single quotes, blank and capitals": "<a href=' JavaScript:{marked}'>{marked}</a>",
    "character references": '<a href="java&#9;script&#58;{marked}">{marked}</a>',
    "no quotes": "<a href=javascript:{marked}>{marked}</a>",
    "second attribute, capitals": '<a title="t" HREF="javascript:{marked}">{marked}</a>',
}
# Spellings browsers follow (the HTML parser takes ``/`` or a closing quote as the end of the previous
# attribute) that hub/safe_urls.py does not read: its pattern wants a blank before the attribute.
MISSED_LINK_SPELLINGS = {
    "slash before the attribute": '<a/href="javascript:{marked}">{marked}</a>',
    "no blank after a quoted attribute": '<a title=""href="javascript:{marked}">{marked}</a>',
}


def unsafe_link_cases(model, corpus, link_spellings):
    """``(label, block, what, value)``: an unsafe link for each URL block (every address spelling)
    and rich text block (every link spelling, and the editor's own output for text quoting a link)."""
    cases = []
    for label, block in blocks_of(model, blocks.URLBlock | blocks.RichTextBlock):
        if isinstance(block, blocks.URLBlock):
            for what, spelling in ADDRESS_SPELLINGS.items():
                marked = corpus.marked(f"{label} (address, {what})")
                cases.append((label, block, f"address, {what}", spelling.format(marked=marked)))
            continue
        for what, spelling in link_spellings.items():
            marked = corpus.marked(f"{label} (stored link, {what})")
            cases.append((label, block, f"stored link, {what}", f"<p>{spelling.format(marked=marked)}</p>"))
        posted = corpus.quoted_link_rich_text(f"{label} (text quoting a link)")
        cases.append((label, block, "text quoting a link", editor_stored(block, posted)))
    return cases


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_MODELS_WITH_ADDRESSES, ids=lambda model: model.__name__)
def test_unsafe_links_are_refused_by_the_model_layer(model, site_pages, superuser):
    """Saving an item page (``save_revision()``, ``save()``: what an import, a script or
    wagtail-localize calls) validates its StreamFields: an unsafe link is refused with an error on its
    field, naming the link when it is in rich text, and nothing is saved. Text that quotes a link is
    refused too (the check reads attributes in escaped text as well): stricter than needed."""
    shared = new_shared()
    page = publish_hostile_version(new_page(model, site_pages, "refus-xss"), Corpus(), shared, superuser)
    revisions = Revision.page_revisions.filter(object_id=str(page.pk))
    revision_count, stored = revisions.count(), stored_streams(page)
    corpus = Corpus()
    cases = unsafe_link_cases(model, corpus, LINK_SPELLINGS)
    assert cases, "no URL or rich text block found: the introspection is broken"

    accepted, misreported = [], []
    for label, block, what, value in cases:
        field_name = label.split(".")[1]
        for road in ("save_revision", "save"):
            candidate = model.objects.get(pk=page.pk)
            for name, data in stream_data(model, Corpus(), shared, {label: value}).items():
                setattr(candidate, name, data)
            try:
                candidate.save_revision(user=superuser) if road == "save_revision" else candidate.save()
            except ValidationError as error:
                if set(error.message_dict) != {field_name}:
                    misreported.append(f"{road}: {label} ({what}): errors on {sorted(error.message_dict)}")
                elif isinstance(block, blocks.RichTextBlock) and not (
                    corpus.labels_in(" ".join(error.message_dict[field_name]))
                ):
                    misreported.append(f"{road}: {label} ({what}): the error does not name the link")
            else:
                accepted.append(f"{road}: {label} ({what})")
    assert not accepted, "unsafe links were saved:\n" + "\n".join(accepted)
    assert not misreported, "\n".join(misreported)
    assert revisions.count() == revision_count, "a refused save left a revision"
    assert stored_streams(model.objects.get(pk=page.pk)) == stored, "a refused save changed the page"


def write_past_validation(page, streams):
    """Store ``streams`` as the page's content and as its latest revision's, as a raw SQL import or
    a bug would, without any validation."""
    streams = {name: [{**item, "id": str(uuid.uuid4())} for item in data] for name, data in streams.items()}
    type(page).objects.filter(pk=page.pk).update(**streams)
    revision = page.latest_revision
    content = {**revision.content, **{name: json.dumps(data) for name, data in streams.items()}}
    Revision.objects.filter(pk=revision.pk).update(content=content)
    return type(page).objects.get(pk=page.pk)


def unsafe_stream_values(model, corpus, link_spellings):
    """``(replace, shown)``: an unsafe value for every URL block (the address spellings in turn) and
    rich text block (a paragraph with every link spelling), and the labels of those links' texts."""
    replace, shown = {}, set()
    address_spellings = list(ADDRESS_SPELLINGS.items())
    for index, (label, block) in enumerate(blocks_of(model, blocks.URLBlock | blocks.RichTextBlock)):
        if isinstance(block, blocks.URLBlock):
            what, spelling = address_spellings[index % len(address_spellings)]
            replace[label] = spelling.format(marked=corpus.marked(f"{label} (address, {what})"))
            continue
        links = []
        for what, spelling in link_spellings.items():
            shown.add(f"{label} (stored link, {what})")
            links.append(spelling.format(marked=corpus.marked(f"{label} (stored link, {what})")))
        replace[label] = f"<p>{' · '.join(links)}</p>"
    return replace, shown


def surfaces_past_validation(page, surfaces, admin):
    """The HTML surfaces that render a page's stored content: the public page and the admin's
    previews of its draft and revisions."""
    surfaces.page(Client(), "public page", page.url)
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk")
    for view, args in [
        ("wagtailadmin_pages:view_draft", [page.pk]),
        ("wagtailadmin_pages:revisions_view", [page.pk, revisions.last().pk]),
        ("wagtailadmin_pages:revisions_compare", [page.pk, revisions.first().pk, revisions.last().pk]),
        ("wagtailadmin_pages:edit", [page.pk]),
    ]:
        surfaces.page(admin, f"admin {view}", reverse(view, args=args))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", [*PAGE_MODELS_WITH_ADDRESSES, StandardPage], ids=lambda model: model.__name__
)
def test_unsafe_links_written_past_validation_render_inert(model, site_pages, superuser, superuser_client):
    """The templates' backstop (``inert_links`` around rendered blocks, ``safe_url`` on addresses):
    unsafe links stored without validation reach no page, preview or admin view as live links.

    The pages API answers with the stored content as data, today ``javascript:`` addresses included
    (inside its rich text HTML): what is checked is that it parses, served as JSON that no browser
    sniffs into HTML. A client inserting that rich text as HTML would have to clean it itself."""
    shared = new_shared()
    page = publish_hostile_version(
        new_page(model, site_pages, "contournement-xss"), Corpus(), shared, superuser
    )
    corpus = Corpus()
    replace, shown = unsafe_stream_values(model, corpus, LINK_SPELLINGS)
    page = write_past_validation(page, stream_data(model, corpus, shared, replace))

    # The unsafe links really are in the database, and validation would have refused them.
    sources = [
        source
        for stream_field in stream_fields(model)
        for source in rich_text_sources(getattr(page, stream_field.name))
    ]
    live = [problem for source in sources for problem in find_live_markup(source)]
    assert len(live) >= len(shown), f"the links did not reach the database as stored: {live}"
    if model in PAGE_MODELS:
        with pytest.raises(ValidationError) as caught:
            page.full_clean()
        assert {label.split(".")[1] for label in replace} <= set(caught.value.message_dict)

    surfaces = Surfaces(corpus)
    surfaces_past_validation(page, surfaces, superuser_client)
    if model in PAGE_MODELS:  # a standard page's body is not an API field
        for rich_text_format in ("db_html", "html"):
            surfaces.json(
                Client(),
                f"pages API {rich_text_format}",
                f"/api/v2/pages/{page.pk}/",
                {"rich_text_format": rich_text_format},
            )
    surfaces.assert_inert()
    missing = shown - surfaces.reached["public page"]
    assert not missing, f"links not rendered at all (the check proves nothing for them): {sorted(missing)}"


@pytest.mark.django_db
@pytest.mark.parametrize("road", ["model layer", "rendering"])
@pytest.mark.parametrize("what", list(MISSED_LINK_SPELLINGS))
def test_link_spellings_browsers_follow_are_caught(what, road, site_pages, superuser, superuser_client):
    """Browsers follow these links though no blank precedes the attribute: the model refuses them
    and the rendering filter neutralises them. Only raw HTML can hold them (the editor and
    wagtail-localize write attributes themselves)."""
    shared = new_shared()
    page = publish_hostile_version(
        new_page(CaseFilePage, site_pages, "lien-manque-xss"), Corpus(), shared, superuser
    )
    corpus = Corpus()
    label = next(label for label, _block in blocks_of(CaseFilePage, blocks.RichTextBlock))
    link = MISSED_LINK_SPELLINGS[what].format(marked=corpus.marked(f"{label} (stored link, {what})"))
    streams = stream_data(CaseFilePage, corpus, shared, {label: f"<p>{link}</p>"})
    if road == "model layer":
        for name, data in streams.items():
            setattr(page, name, data)
        with pytest.raises(ValidationError):
            page.save_revision(user=superuser)
    else:
        page = write_past_validation(page, streams)
        surfaces = Surfaces(corpus)
        surfaces_past_validation(page, surfaces, superuser_client)
        surfaces.assert_inert()


@pytest.mark.django_db
def test_public_pages_render_the_corpus_inert(world):
    surfaces = Surfaces(world.corpus)
    visitor = Client()
    for page in world.pages:
        for language in ("fr", "en"):
            surfaces.page(
                visitor,
                f"public {type(page).__name__} {page.locale.language_code} in {language}",
                page.url_in(language),
            )
            if getattr(page, "public_id", ""):  # its share image draws the corpus as text
                image = visitor.get(f"/{language}/share/{page.public_id}.png")
                assert (image.status_code, image["Content-Type"]) == (200, "image/png"), page
    for language in ("fr", "en"):
        address = world.agreement.commitments.get().url_in(language)
        surfaces.page(visitor, f"public commitment in {language}", address)
    # A follower's own pages name the commitment they follow.
    row = world.agreement.commitments.get()
    follower = Follower.objects.create(
        commitment_key=row.translation_key, email="x@example.org", language="en"
    )
    for name, url in zip(("confirmation", "unsubscription"), follower_urls(follower), strict=True):
        surfaces.page(visitor, f"follower's {name}", url)
    # A search alert's own pages say its search, words a visitor typed.
    alert = SearchAlert.objects.create(
        query_string=urlencode({"q": world.casefile.title[:200]}),
        frequency="daily",
        email="x@example.org",
        language="fr",
    )
    for name, url in zip(("confirmation", "unsubscription"), subscription_urls(alert), strict=True):
        surfaces.page(visitor, f"search alert's {name}", url)
    for language in ("fr", "en"):
        home = world.casefile.get_site().root_page.localized.specific
        with translation.override(language):
            home = home.localized
        surfaces.page(visitor, f"public home {language}", home.url)
        for page in (world.casefile, world.brief, world.agreement):
            index = page.index_for(language)
            surfaces.page(visitor, f"public {type(index).__name__} {language}", index.url)
        # Every word must match: "alert 1337" is in every payload.
        surfaces.page(visitor, f"public search {language}", search_url(language), {"q": "alert 1337"})
        # Its map and charts: labels of regions, services and risks written in SVG, the query echoed.
        with translation.override(language):
            surfaces.page(
                visitor, f"search charts {language}", reverse("search-visualize"), {"q": "alert 1337"}
            )
            surfaces.page(visitor, f"overview {language}", reverse("overview"))
    # The query itself is reflected in the page (title, search box).
    surfaces.page(
        visitor, "public search echoing a hostile query", search_url("fr"), {"q": world.casefile.title}
    )

    # A register entry shows its organization's access-to-information fields.
    system = SystemPageFactory(organization=world.shared.organization, slug="systeme-xss")
    for language in ("fr", "en"):
        surfaces.page(visitor, f"public SystemPage in {language}", system.url_in(language))

    surfaces.assert_inert()
    missing = set(world.corpus.labels.values()) - NOT_PUBLIC - surfaces.labels_reached("public")
    assert not missing, f"fields never shown publicly (the check proves nothing for them): {sorted(missing)}"


@pytest.mark.django_db
def test_the_commitment_tracker_renders_the_corpus_inert(world):
    """The tracker shows the commitment's text and owner's role; its feed, the update's note, as
    HTML a feed reader renders; its JSON downloads give them back as data."""
    surfaces = Surfaces(world.corpus)
    visitor = Client()
    for language in ("fr", "en"):
        with translation.override(language):
            tracker, feed = reverse("commitment-tracker"), reverse("commitment-tracker-feed")
            downloads = [reverse("commitment-tracker-json"), reverse("commitment-tracker-updates-json")]
        surfaces.page(visitor, f"tracker {language}", tracker)
        response = surfaces.get(visitor, f"tracker feed {language}", feed)
        entries = ElementTree.fromstring(response.content).iter("{http://www.w3.org/2005/Atom}summary")
        for entry in entries:
            surfaces.html(f"tracker feed {language}", entry.text)
        for address in downloads:
            surfaces.json(visitor, f"tracker download {address}", address)
    surfaces.assert_inert()
    for surface, label in (
        ("tracker fr", "Commitment.text"),
        ("tracker en", "Commitment.owner_role"),
        ("tracker feed fr", "CommitmentUpdate.note"),
        ("tracker feed en", "Commitment.text"),
    ):
        assert label in surfaces.reached[surface], (surface, label)


@pytest.mark.django_db
def test_data_surfaces_return_the_corpus_as_data(world):
    surfaces = Surfaces(world.corpus)
    visitor = Client()
    by_id_and_locale = {(page.public_id, page.locale.language_code): page for page in world.pages}

    for language in ("fr", "en"):
        body = surfaces.json(
            visitor, f"search API {language}", "/api/v1/search/", {"q": "alert 1337", "locale": language}
        )
        found = set()
        for hit in body["results"]:
            page = by_id_and_locale.get((hit["id"], hit["locale"]))
            if page is not None:
                assert (hit["title"], hit["summary"]) == (page.title, page.summary), "the text was altered"
                found.add(page.public_id)
        assert found == {world.casefile.public_id, world.brief.public_id, world.agreement.public_id}

    for page in world.pages:
        for rich_text_format in ("db_html", "html"):
            surface = f"pages API {type(page).__name__} {page.locale.language_code} {rich_text_format}"
            body = surfaces.json(
                visitor, surface, f"/api/v2/pages/{page.pk}/", {"rich_text_format": rich_text_format}
            )
            assert (body["title"], body["summary"]) == (page.title, page.summary)
            for source in rich_text_in_api(body):
                surfaces.html(surface, source)

    # The items API: an agreement's commitments and their progress updates as they were written.
    body = surfaces.json(visitor, "items API agreement", f"/api/v1/items/{world.agreement.public_id}/")
    (update,) = body["commitments"][0]["updates"]
    assert (update["note"], update["evidence"]) == (
        world.update.note,
        {"url": world.update.evidence_url, "title": world.update.evidence_title},
    )

    # CSV: text a spreadsheet reads back cell for cell, quotes doubled inside quoted cells, served as
    # a download that no browser displays as a page.
    for page in (world.casefile, world.casefile_en):
        language = page.locale.language_code
        response = surfaces.get(
            visitor, f"CSV {language}", "/api/v1/casefiles.csv", {"q": "alert 1337", "locale": language}
        )
        assert response["Content-Type"].startswith("text/csv")
        assert response["Content-Disposition"].startswith("attachment")
        assert response.get("X-Content-Type-Options") == "nosniff"
        text = b"".join(response.streaming_content).decode()
        assert '""><svg onload=' in text, "a double quote in a cell is not escaped by doubling"
        rows = list(csv.DictReader(io.StringIO(text)))
        assert list(rows[0]) == list(COLUMNS)
        (row,) = [row for row in rows if (row["id"], row["locale"]) == (page.public_id, language)]
        expected = {
            "title": page.title,
            "summary": page.summary,
            "plain_summary": page.plain_summary,
            "ai_system": page.ai_system,
            "agency": world.shared.organization.name,
            "sources": "|".join(page.evidence_sources()),
        }
        assert {column: row[column] for column in expected} == {
            column: clean_text(value) for column, value in expected.items()
        }
        surfaces.reached[f"CSV {language}"] = world.corpus.labels_in(text)

    surfaces.assert_inert()


def admin_surfaces(world, surfaces, admin):
    for page in world.pages:
        name = f"admin {type(page).__name__} {page.locale.language_code}"
        revisions = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk")
        for view, args in [
            ("wagtailadmin_pages:edit", [page.pk]),
            ("wagtailadmin_pages:view_draft", [page.pk]),
            ("wagtailadmin_pages:history", [page.pk]),
            ("wagtailadmin_pages:revisions_view", [page.pk, revisions.last().pk]),
            ("wagtailadmin_pages:delete", [page.pk]),
            ("wagtailadmin_pages:copy", [page.pk]),
            ("wagtailadmin_pages:unpublish", [page.pk]),
            ("wagtailadmin_pages:usage", [page.pk]),
            ("wagtailadmin_explore", [page.get_parent().pk]),
        ]:
            surfaces.page(admin, f"{name} {view}", reverse(view, args=args))
        compare = reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, revisions.first().pk, revisions.last().pk]
        )
        surfaces.page(admin, f"{name} revisions_compare", compare)
        chooser = surfaces.json(
            admin,
            f"{name} page chooser",
            reverse("wagtailadmin_choose_page_child", args=[page.get_parent().pk]),
        )
        surfaces.html(f"{name} page chooser", chooser["html"])
    surfaces.page(admin, "admin dashboard", reverse("wagtailadmin_home"))
    surfaces.page(admin, "admin site history", reverse("wagtailadmin_reports:site_history"))
    surfaces.page(admin, "admin page search", reverse("wagtailadmin_pages:search"), {"q": "alert 1337"})
    surfaces.page(
        admin, "admin translation", reverse("wagtail_localize:submit_page_translation", args=[world.brief.pk])
    )

    testimony_views = "wagtailsnippets_impacts_testimony"
    surfaces.page(admin, "admin testimony list", reverse(f"{testimony_views}:list"))
    for testimony in [*world.testimonies, world.withdrawn]:
        for view in ("edit", "history", "usage"):
            surfaces.page(
                admin,
                f"admin testimony {testimony.reference} {view}",
                reverse(f"{testimony_views}:{view}", args=[testimony.pk]),
            )
    surfaces.page(
        admin,
        "admin testimony withdraw",
        reverse(f"{testimony_views}:withdraw", args=[world.testimonies[0].pk]),
    )
    chooser = surfaces.json(
        admin, "admin testimony chooser", reverse("wagtailsnippetchoosers_impacts_testimony:choose")
    )
    surfaces.html("admin testimony chooser", chooser["html"])

    organization = world.shared.organization
    for view, args in [
        ("list", []),
        ("edit", [organization.pk]),
        ("usage", [organization.pk]),
        ("history", [organization.pk]),
    ]:
        surfaces.page(
            admin,
            f"admin organization {view}",
            reverse(f"wagtailsnippets_hub_organization:{view}", args=args),
        )
    chooser = surfaces.json(
        admin, "admin organization chooser", reverse("wagtailsnippetchoosers_hub_organization:choose")
    )
    surfaces.html("admin organization chooser", chooser["html"])
    surfaces.page(admin, "admin document edit", reverse("wagtaildocs:edit", args=[world.shared.document.pk]))

    # The dashboard's commitments to follow up: the corpus' commitment is overdue.
    surfaces.page(admin, "admin dashboard", reverse("wagtailadmin_home"))
    updates = "commitment_updates"
    surfaces.page(admin, "admin progress updates", reverse(f"{updates}:index"))
    for view in ("inspect", "history"):
        surfaces.page(
            admin, f"admin progress update {view}", reverse(f"{updates}:{view}", args=[world.update.pk])
        )
    # The correction's form, prefilled with what it corrects.
    surfaces.page(
        admin, "admin progress update correction", reverse(f"{updates}:add"), {"corrects": world.update.pk}
    )


@pytest.mark.django_db
def test_admin_views_render_the_corpus_inert(world, superuser_client):
    surfaces = Surfaces(world.corpus)
    admin_surfaces(world, surfaces, superuser_client)
    surfaces.assert_inert()
    missing = set(world.corpus.labels.values()) - NOT_SHOWN_IN_ADMIN - surfaces.labels_reached("admin")
    assert not missing, (
        f"fields the admin never showed (the check proves nothing for them): {sorted(missing)}"
    )
    assert "Commitment.text" in surfaces.reached["admin dashboard"], (
        "the dashboard did not list the overdue commitment"
    )
    withdrawal_history = surfaces.reached[f"admin testimony {world.withdrawn.reference} history"]
    assert "Testimony.withdrawal_reason" in withdrawal_history, "the withdrawal's log message lost its reason"


# --- Through the admin forms ------------------------------------------------------------------

INDEX_OF = {
    CaseFilePage: "impacts.CaseFileIndexPage",
    AdvocacyBriefPage: "advocacy.AdvocacyBriefIndexPage",
    CollaborationAgreementPage: "advocacy.CollaborationAgreementIndexPage",
}


def non_text_form_data(model, corpus, shared, casefile):
    """What the page form needs besides the corpus: choices, dates, choosers, and the inline
    children with the corpus in their own free-text fields."""
    organization, document = str(shared.organization.pk), str(shared.document.pk)
    if model is CaseFilePage:
        return {
            "impact_level": "3",
            "agency": organization,
            "vendor": organization,
            "automation": CaseFilePage.Automation.ADVISORY,
            "status": CaseFilePage.Status.PILOT,
            "first_reported": "2024-02-03",
            "testimony_links": inline_formset([]),
        }
    if model is AdvocacyBriefPage:
        return {
            "publication_date": "2024-05-01",
            "pdf": document,
            "authors": inline_formset(
                [{"organization": organization, **fill(BriefAuthor, corpus, "admin BriefAuthor")}], min=1
            ),
            "citations": inline_formset(
                [{"casefile": str(casefile.pk), **fill(BriefCitation, corpus, "admin BriefCitation")}]
            ),
        }
    signatory = fill(AgreementSignatory, corpus, "admin AgreementSignatory")
    commitment = fill(Commitment, corpus, "admin Commitment")
    return {
        "commitments": inline_formset([{"owner": organization, "due_date": "2025-06-30", **commitment}]),
        "parties": inline_formset(
            [
                {"organization": organization, "role": AgreementParty.Role.MUNICIPALITY},
                {"organization": organization, "role": AgreementParty.Role.NON_PROFIT},
            ],
            min=2,
        ),
        "signatories": inline_formset(
            [{"organization": organization, "signed_on": "2024-02-01", **signatory}]
        ),
        "status": CollaborationAgreementPage.Status.SIGNED,
        "start_date": "2024-01-01",
        "end_date": "2025-12-31",
        "signed_document": document,
    }


def page_form_data(model, corpus, shared, casefile):
    """``(typed, data)``: the page's free-text values and the whole POST of its admin form."""
    label = f"admin {model.__name__}"
    typed = fill(model, corpus, label)
    fields = {
        **typed,
        "slug": f"xss-{model._meta.model_name}",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
        **non_text_form_data(model, corpus, shared, casefile),
    }
    for stream_field in stream_fields(model):
        fields[stream_field.name] = block_value(
            stream_field.stream_block, corpus, f"{label}.{stream_field.name}", shared, form=True
        )
    data = nested_form_data(fields)
    data["services"] = [term.pk for term in terms(Service, ["sante"])]
    data["regions"] = [term.pk for term in terms(Region, ["laval"])]
    if "risks" in {model_field.name for model_field in model._meta.get_fields()}:
        data["risks"] = [term.pk for term in terms(Risk, ["opacite"])]
    return typed, data


def rich_text_sources(stream_value):
    """The stored HTML of every rich text block in a StreamField value, at any depth."""
    for child in stream_value:
        value = child.value
        if isinstance(child.block, blocks.RichTextBlock):
            yield value.source
        elif isinstance(child.block, blocks.StructBlock):
            for name, item in value.items():
                if isinstance(child.block.child_blocks[name], blocks.RichTextBlock):
                    yield item.source


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model.__name__)
def test_admin_forms_store_the_corpus_and_render_it_inert(model, site_pages, superuser_client):
    """The admin form stores the text payloads as typed and refuses unsafe links: an error on their
    field, the form shown again (inert), nothing saved. A ``javascript:`` link posted as a Draftail
    link entity is not refused but dropped by the editor's conversion: its text stays, without an
    address."""
    corpus = Corpus()
    shared = new_shared()
    casefile = CaseFilePageFactory()
    parent = site_pages["fr"][INDEX_OF[model]]
    add_url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    typed, data = page_form_data(model, corpus, shared, casefile)
    slug = data["slug"]
    surfaces = Surfaces(corpus)

    def refused(surface, changes):
        """Post the form with ``changes``: refused, with errors on the changed fields."""
        response = superuser_client.post(add_url, {**data, **changes})
        assert response.status_code == 200, f"{surface}: accepted (HTTP {response.status_code})"
        errors = response.context["form"].errors
        expected = {key.split("-")[0] for key in changes}  # "body-3-value-source_url": "body"
        assert expected <= set(errors), f"{surface}: errors on {sorted(errors)}, expected {sorted(expected)}"
        assert not model.objects.filter(slug=slug).exists(), f"{surface}: saved all the same"
        surfaces.html(f"admin refusal, {surface}", response.content.decode())

    addresses = [
        key
        for key, value in data.items()
        if isinstance(value, str) and value.startswith("https://example.org/x?")
    ]
    if addresses:
        refused("javascript: addresses", dict.fromkeys(addresses, JAVASCRIPT_URL))
    rich_texts = [
        key for key, value in data.items() if isinstance(value, str) and value.startswith('{"blocks"')
    ]
    assert bool(rich_texts) == any(blocks_of(model, blocks.RichTextBlock))
    # Refused, hence in no surface below but the refusal's, which has to name the links.
    not_saved = {f"admin {model.__name__} {key} (text quoting a link)" for key in rich_texts}
    if not_saved:
        refused(
            "text quoting a javascript: link",
            {
                key: corpus.quoted_link_rich_text(f"admin {model.__name__} {key} (text quoting a link)")
                for key in rich_texts
            },
        )
        missing = not_saved - surfaces.reached["admin refusal, text quoting a javascript: link"]
        assert not missing, f"the refusal does not name the links: {sorted(missing)}"

    response = superuser_client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = model.objects.get(slug=slug)
    assert {name: getattr(page, name) for name in typed} == typed, "plain text must be stored as typed"
    sources = [
        source
        for stream_field in stream_fields(model)
        for source in rich_text_sources(getattr(page, stream_field.name))
    ]
    for source in sources:
        assert find_live_markup(source) == [], f"the editor stored live markup: {source}"
        assert "javascript:" not in source, f"the editor kept a javascript: link: {source}"
        assert corpus.labels_in(source), "the rich text lost its visible text"
    assert bool(sources) == any(blocks_of(model, blocks.RichTextBlock))

    surfaces.page(Client(), "public page", page.url)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert superuser_client.post(preview_url, data).json()["is_valid"]
    surfaces.page(superuser_client, "admin preview", preview_url)
    for view in ("wagtailadmin_pages:edit", "wagtailadmin_pages:view_draft", "wagtailadmin_pages:history"):
        surfaces.page(superuser_client, f"admin {view}", reverse(view, args=[page.pk]))
    surfaces.page(superuser_client, "admin explorer", reverse("wagtailadmin_explore", args=[parent.pk]))
    surfaces.assert_inert()
    missing = (
        set(corpus.labels.values()) - not_saved - surfaces.labels_reached("admin wagtailadmin_pages:edit")
    )
    assert not missing, f"the edit form did not show: {sorted(missing)}"


@pytest.mark.django_db
def test_admin_snippet_forms_store_the_corpus_and_render_it_inert(site_pages, superuser_client):
    corpus = Corpus()
    organizations = "wagtailsnippets_hub_organization"
    typed_organization = fill(Organization, corpus, "admin Organization")
    data = {**typed_organization, "key": "", "kind": Organization.Kind.VENDOR, "region": ""}
    add_url = reverse(f"{organizations}:add") + "?locale=fr"
    response = superuser_client.post(add_url, {**data, "website": JAVASCRIPT_URL})
    assert response.status_code == 200, "a javascript: website was accepted"
    assert "website" in response.context["form"].errors
    response = superuser_client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    organization = Organization.objects.get(kind=Organization.Kind.VENDOR)
    assert {name: getattr(organization, name) for name in typed_organization} == typed_organization

    testimonies = "wagtailsnippets_impacts_testimony"
    typed_testimony = fill(impacts_models.Testimony, corpus, "admin Testimony")
    data = {
        **typed_testimony,
        "language": "fr",
        "identification": impacts_models.Testimony.Identification.PSEUDONYM,
        "image": "",
        "document": "",
        "consent_collected_on": "2026-03-02",
        "consent_language": "fr",
        "consent_web": "on",
        "consent_exports": "on",
        "retention_until": "2031-03-02",
    }
    response = superuser_client.post(reverse(f"{testimonies}:add"), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    testimony = impacts_models.Testimony.objects.get()
    assert {name: getattr(testimony, name) for name in typed_testimony} == typed_testimony

    surfaces = Surfaces(corpus)
    for name, url in [
        ("organization list", reverse(f"{organizations}:list")),
        ("organization edit", reverse(f"{organizations}:edit", args=[organization.pk])),
        ("organization history", reverse(f"{organizations}:history", args=[organization.pk])),
        ("testimony list", reverse(f"{testimonies}:list")),
        ("testimony edit", reverse(f"{testimonies}:edit", args=[testimony.pk])),
        ("testimony history", reverse(f"{testimonies}:history", args=[testimony.pk])),
    ]:
        surfaces.page(superuser_client, f"admin {name}", url)
    surfaces.assert_inert()
    assert surfaces.labels_reached("admin") == set(corpus.labels.values())


# --- Through the translation editor -----------------------------------------------------------


def is_address(value):
    return isinstance(value, str) and value.startswith(("http:", "https:"))


def override_label(page, path):
    """``Model.field.block_type.child`` for an overridable segment's path (``field.<block id>.child``,
    the child of a link in rich text being its quoted address)."""
    field_name, block_id, *rest = path.split(".", 2)
    block_types = {block.id: block.block_type for block in getattr(page, field_name)}
    child = "link" if not rest or rest[0].startswith("'") else rest[0]
    return f"{type(page).__name__}.{field_name}.{block_types.get(block_id, block_id)}.{child}"


# Publishing a translation runs when wagtail-localize's transaction commits, within the view's
# handling of validation errors: these tests commit for real, as production does (in a test
# transaction the publication would run after the view, out of its error handling).
TRANSLATION_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class TranslationEditor:
    """``page`` submitted for translation into English with wagtail-localize, and its translation
    editor, driven as a translator would."""

    def __init__(self, page, client, corpus, surfaces):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale("en").pk]},
        )
        assert response.status_code == 302
        self.page, self.client, self.corpus, self.surfaces = page, client, corpus, surfaces
        self.translation = Translation.objects.get(source__object_id=page.translation_key)
        stream_names = tuple(f"{stream_field.name}." for stream_field in stream_fields(type(page)))
        self.segments = [
            segment
            for segment in OverridableSegment.objects.filter(source=self.translation.source).select_related(
                "context"
            )
            if segment.context.path.startswith(stream_names) and is_address(json.loads(segment.data_json))
        ]
        assert self.segments, "no overridable address found: the test would check nothing"
        self.target_pk = self.translation.get_target_instance().pk
        self.url = reverse("wagtailadmin_pages:edit", args=[self.target_pk])

    @property
    def target(self):
        return type(self.page).objects.get(pk=self.target_pk)

    def override(self, kind, rich_text_only=False):
        """Override the addresses (only the links in rich text if ``rich_text_only``) with a
        ``kind`` address ("javascript" or "break-out"), then show the translation's preview. Returns
        the labels sent."""
        sent = set()
        for segment in self.segments:
            label = f"{override_label(self.page, segment.context.path)} (translation override, {kind})"
            if rich_text_only and not label.split(" ")[0].endswith(".link"):
                continue
            marked = self.corpus.marked(label)
            address = f"javascript:{marked}" if kind == "javascript" else break_out_url(marked)
            response = self.client.put(
                reverse("wagtail_localize:edit_override", args=[self.translation.pk, segment.pk]),
                data=f"value={quote(address)}",
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201), f"{label}: HTTP {response.status_code}"
            sent.add(label)
        preview = reverse("wagtail_localize:preview_translation", args=[self.translation.pk])
        self.surfaces.page(self.client, f"admin translation preview ({kind})", preview)
        return sent

    def publish(self, surface):
        """Publish as the editor's button does. Returns the errors shown to the editor; the editor
        page that shows them is checked as ``surface``."""
        response = self.client.post(self.url, {"action": "publish"})
        assert response.status_code == 302, f"{surface}: HTTP {response.status_code}"
        errors = [
            str(message) for message in get_messages(response.wsgi_request) if message.level == messages.ERROR
        ]
        self.surfaces.page(self.client, surface, self.url)
        return errors

    def state(self):
        """What the translated page holds: its live and latest revisions and its stored streams."""
        target = self.target
        return target.live_revision_id, target.latest_revision_id, stored_streams(target)


@TRANSLATION_DB
@pytest.mark.parametrize(
    "model", [*PAGE_MODELS_WITH_ADDRESSES, StandardPage], ids=lambda model: model.__name__
)
def test_translation_overrides_cannot_publish_javascript_links(
    model, site_pages, superuser, superuser_client
):
    """wagtail-localize's translation editor lets whoever may edit a translation replace, for that
    language, each address of the source page: URL blocks and links in rich text ("overridable
    segments"). Its API stores whatever it is sent, and its preview applies it unvalidated.

    Addresses that break out of their attribute are valid: published, and inert. ``javascript:``
    addresses: no live link in the preview, the editor, the draft or the page, no server error, and
    for the item pages an error telling the editor the translation was refused, again when publish
    is clicked a second time (as the error suggests, "to ignore these translations"). What the
    refused overrides leave in the page is checked by the next test."""
    corpus = Corpus()
    page = publish_hostile_version(
        new_page(model, site_pages, "traduction-xss"), corpus, new_shared(), superuser
    )
    surfaces = Surfaces(corpus)
    editor = TranslationEditor(page, superuser_client, corpus, surfaces)

    break_outs = editor.override("break-out")
    assert break_outs <= surfaces.reached["admin translation preview (break-out)"], "overrides not shown"
    assert editor.publish("admin translation editor (break-out published)") == [], "valid addresses refused"
    target = editor.target
    assert target.live
    surfaces.page(Client(), "public translation (break-out)", target.url)
    assert break_outs <= surfaces.reached["public translation (break-out)"], "overrides not published"

    editor.override("javascript")
    errors = [
        editor.publish(f"admin translation editor (javascript: publish clicked {attempt})")
        for attempt in ("once", "twice")
    ]
    surfaces.page(
        superuser_client, "admin view_draft", reverse("wagtailadmin_pages:view_draft", args=[target.pk])
    )
    surfaces.page(Client(), "public translation (javascript)", target.url)
    if model in PAGE_MODELS:
        # Data: it parses (what its rich text holds is checked by the next test).
        surfaces.json(Client(), "pages API", f"/api/v2/pages/{target.pk}/", {"rich_text_format": "html"})
    surfaces.assert_inert()
    if model in PAGE_MODELS:
        assert all(errors), f"the editor was not told the translation was refused: {errors}"


@TRANSLATION_DB
@pytest.mark.parametrize(
    "model",
    [
        pytest.param(
            model,
            id=model.__name__,
        )
        for model in [*PAGE_MODELS_WITH_ADDRESSES, StandardPage]
        if any(blocks_of(model, blocks.RichTextBlock))
    ],
)
def test_refused_translation_overrides_do_not_reach_the_page(model, site_pages, superuser, superuser_client):
    """A translation whose publication is refused leaves the translated page as it was: its row,
    its revisions, its API answer. Only links in rich text are overridden here (a URL block's own
    validation refuses a ``javascript:`` address before anything is saved)."""
    corpus = Corpus()
    page = publish_hostile_version(
        new_page(model, site_pages, "traduction-xss"), corpus, new_shared(), superuser
    )
    surfaces = Surfaces(corpus)
    editor = TranslationEditor(page, superuser_client, corpus, surfaces)
    assert editor.publish("admin translation editor (published)") == []
    before = editor.state()

    assert editor.override("javascript", rich_text_only=True), "no link in rich text to override"
    errors = editor.publish("admin translation editor (javascript: publish clicked)")
    assert errors, "the editor was not told the translation was refused"
    live_revision, latest_revision, stored = editor.state()
    assert "javascript:" not in stored, (
        "the page's row (what visitors and the API get) holds the refused links"
    )
    assert (live_revision, latest_revision) == before[:2], "a revision holds the refused links"
    assert stored == before[2], "the refused translation changed the page"
    if model in PAGE_MODELS:
        body = surfaces.json(
            Client(), "pages API", f"/api/v2/pages/{editor.target_pk}/", {"rich_text_format": "html"}
        )
        for source in rich_text_in_api(body):
            surfaces.html("pages API", source)
    surfaces.assert_inert()
