"""A register entry joined to everything else: its case files, their testimonies, the briefs
citing them and the agreements covering the system, as one dated timeline on the entry's page.

Items of any type that point at an entry (a foreign key or a many-to-many field to
``registry.SystemPage``) join the timeline by themselves: the register finds them through the
reverse relations, so it imports neither ``impacts`` nor ``advocacy``. Only public versions are
read, whatever language they are in; each item is shown once, in the reader's language where it
is translated. The number of queries does not grow with the number of linked items."""

from dataclasses import dataclass, field
from datetime import date

from hub.items import type_of
from hub.models import ItemPage, Organization
from hub.organization_names import localized

# The relation from a case file to the briefs citing it (``advocacy.BriefCitation.casefile``).
CITATIONS = "citations"
# The inline relations through which a brief or an agreement credits organizations.
CREDITS = ("authors", "parties")


@dataclass
class LinkedItem:
    """One item as a reader of the entry's page finds it."""

    item: ItemPage  # the version shown: the reader's language where it is translated
    url: str
    date: date | None
    kind: str  # the item type's label


@dataclass
class SystemLinkSet:
    casefiles: list = field(default_factory=list)
    testimonies: int = 0  # public testimonies of those case files, each counted once
    briefs: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    others: list = field(default_factory=list)  # items of any later type that link to the entry
    groups: list = field(default_factory=list)  # community groups credited on the briefs and agreements

    @property
    def timeline(self):
        """Every linked item, oldest first; undated ones last."""
        items = [*self.casefiles, *self.briefs, *self.agreements, *self.others]
        return sorted(
            items, key=lambda linked: (linked.date is None, linked.date or date.min, linked.item.title)
        )


class SystemLinks:
    @classmethod
    def linking_relations(cls):
        """The reverse relations by which items of a registered type point at register entries."""
        return [
            relation
            for relation in cls._meta.related_objects
            if issubclass(relation.related_model, ItemPage) and type_of(relation.related_model) is not None
        ]

    def links_for(self, language, request=None):
        """What links to this entry, for a reader of ``language``."""
        links = SystemLinkSet()
        public_casefiles = []
        for relation in self.linking_relations():
            model = relation.related_model
            # Any public version of an item may name any version of the entry: every public
            # version of the items found is read, so that each shows in the reader's language.
            linking = model.objects.public().filter(
                **{f"{relation.field.name}__translation_key": self.translation_key}
            )
            pages = model.objects.public().filter(translation_key__in=linking.values("translation_key"))
            versions = list(model.search_related(pages.select_related("locale")).order_by("pk"))
            model.prepare_listed(versions)
            if relation.get_accessor_name() == "casefiles":
                public_casefiles = versions
                links.casefiles = read_in(versions, language, request)
                links.testimonies = count_testimonies(item.item for item in links.casefiles)
            elif relation.get_accessor_name() == "agreements":
                links.agreements = read_in(versions, language, request)
            else:
                links.others += read_in(versions, language, request)
        if public_casefiles:
            links.briefs = read_in(citing(public_casefiles), language, request)
        links.groups = community_groups([linked.item for linked in links.briefs + links.agreements], language)
        return links


def read_in(versions, language, request):
    """``versions`` (public pages of one item model, any language) as one ``LinkedItem`` per item,
    its version in ``language`` where there is one, else its first; newest first."""
    if not versions:
        return []
    chosen = {}
    for page in versions:
        current = chosen.get(page.translation_key)
        if current is None or (
            page.locale.language_code == language and current.locale.language_code != language
        ):
            chosen[page.translation_key] = page
    item_type = type_of(versions[0])
    index = None
    if any(page.locale.language_code != language for page in chosen.values()):
        index = item_type.index.objects.live().filter(locale__language_code=language).first()
    linked = []
    for page in chosen.values():
        if page.locale.language_code == language or index is None:
            url = page.get_url(request)
        else:
            url = index.item_url(page)
        linked.append(LinkedItem(page, url, page.sort_date(), str(item_type.label)))
    return sorted(linked, key=lambda item: (item.date or date.min, item.item.pk), reverse=True)


def count_testimonies(casefiles):
    """The public testimonies of ``casefiles`` (loaded by their ``search_related``), each once."""
    return len({testimony.pk for casefile in casefiles for testimony in casefile.public_testimonies()})


def citing(casefiles):
    """Public briefs citing any version of ``casefiles``, every version of each."""
    citation_model = casefiles[0]._meta.get_field(CITATIONS).related_model
    brief_model = citation_model._meta.get_field("brief").related_model
    keys = {casefile.translation_key for casefile in casefiles}
    briefs = brief_model.objects.public().filter(**{f"{CITATIONS}__casefile__translation_key__in": keys})
    return list(brief_model.search_related(briefs.select_related("locale").distinct()).order_by("pk"))


def community_groups(items, language):
    """The non-profit organizations credited on ``items`` (authors, parties), once each, named in
    ``language`` where they have a translation, by name."""
    found = {}
    for item in items:
        for relation in CREDITS:
            for credit in getattr(item, relation).all() if hasattr(item, relation) else ():
                organization = credit.organization
                if organization is not None and organization.kind == Organization.Kind.NON_PROFIT:
                    found.setdefault(organization.translation_key, organization)
    return sorted(localized(found.values(), language), key=lambda organization: organization.name)
