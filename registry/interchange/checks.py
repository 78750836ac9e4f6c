"""What every record must satisfy, whichever file it came from: ``RecordChecker.check`` reports
each wrong value at its column and returns the record in its canonical form (keys sorted,
``not_disclosed`` in the fields' order), the form ``system_to_record`` writes."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from hub.items import PUBLIC_ID_RE
from hub.models import Organization, Region, Service

from ..models import CommunitySource, DeclaredRecord, SystemPage
from ..record import FIELD_KEYS, FIELDS
from .format import (
    ASSESSMENT_KIND_KEYS,
    DECLARED_COLUMNS,
    DESCRIPTION_LIMIT,
    ID_PREFIX,
    LOCALES,
    choice_values,
    column_kind,
    field_key,
    max_length,
)

MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TAXONOMIES = {"services": Service, "regions": Region}
REQUIRED_TEXT = ("name", "description", "plain_summary")
ASSESSMENT_NOTE_LIMIT = 300  # AssessmentBlock's note
SOURCE_TITLE_LIMIT = CommunitySource._meta.get_field("source_title").max_length


class RecordChecker:
    """Checks records one by one against the database as it is and the records seen before."""

    def __init__(self):
        self.known_keys = {
            column: sorted(set(model.objects.values_list("key", flat=True)))
            for column, model in TAXONOMIES.items()
        }
        self.organizations = sorted(set(Organization.objects.exclude(key="").values_list("key", flat=True)))
        self.url_validator = URLValidator(schemes=["http", "https"])
        self.translation_keys_by_id = {}
        for public_id, key in SystemPage.objects.values_list("public_id", "translation_key"):
            self.translation_keys_by_id.setdefault(public_id, set()).add(key)
        self.first_locations = {}
        casefiles = CommunitySource._meta.get_field("casefile").related_model
        self.casefile_ids = set(casefiles.objects.values_list("public_id", flat=True))
        self.declared = set(DeclaredRecord.objects.values_list("system__public_id", "locale__language_code"))

    def check(self, record, report, location):
        """The record in canonical form; every problem goes to ``report(column, message)``."""
        record = dict(record)
        record["id"] = self.check_id(record["id"], report)
        record["locale"] = self.check_choice(record["locale"].lower(), "locale", LOCALES, report)
        for column in REQUIRED_TEXT:
            if not record[column]:
                report(column, _("required; this is empty"))
        if len(record["description"]) > DESCRIPTION_LIMIT:
            report(
                "description",
                _("a register's short description holds at most %(limit)d characters; this one has %(count)d")
                % {"limit": DESCRIPTION_LIMIT, "count": len(record["description"])},
            )
        record["organization"] = record["organization"].lower()
        if not record["organization"]:
            report("organization", _("required: the key of the public body that uses the system"))
        else:
            self.check_keys([record["organization"]], "organization", self.organizations, report)
        for column, known in self.known_keys.items():
            record[column] = sorted(key.lower() for key in record[column])
            if not record[column]:
                report(column, _("at least one key is required; known keys: %s") % ", ".join(known))
            self.check_keys(record[column], column, known, report)
        for column in record:
            self.check_length(column, record[column], report)
        for register_field in FIELDS:
            for column in (f"declared_{register_field.key}", f"community_{register_field.key}"):
                record[column] = self.check_field(column, register_field.kind, record[column], report)
        for number, source in enumerate(record["community_sources"], start=1):
            self.check_source(source, number, report)
        self.check_declaration(record, report)
        self.check_unique(record["id"], record["locale"], location, report)
        return record

    def check_id(self, value, report):
        public_id = value.upper()
        if not public_id:
            return ""
        match = PUBLIC_ID_RE.match(public_id)
        if not match or match["prefix"] != ID_PREFIX:
            report(
                "id",
                _(
                    "“%(value)s” is not a register entry id: expected %(prefix)s-YYYY-NNNN, e.g. "
                    "%(prefix)s-2024-0007, or empty for a new entry"
                )
                % {"value": value, "prefix": ID_PREFIX},
            )
        elif int(match["number"]) == 0:
            report("id", _("“%s”: entry numbers start at 0001") % public_id)
        elif len(self.translation_keys_by_id.get(public_id, ())) > 1:
            report(
                "id",
                _("%s is used by several unrelated entries in the database; fix them in the admin first")
                % public_id,
            )
        return public_id

    def check_choice(self, value, column, allowed, report):
        if value and value not in allowed:
            report(
                column,
                _("“%(value)s” is not one of the allowed values: %(allowed)s")
                % {"value": value, "allowed": ", ".join(allowed)},
            )
        elif not value and column == "locale":
            report(column, _("required; allowed values: %s") % ", ".join(allowed))
        return value

    def check_keys(self, keys, column, known, report):
        unknown = [key for key in keys if key not in known]
        if unknown:
            report(
                column,
                _("unknown key(s): %(unknown)s; known keys: %(known)s")
                % {"unknown": ", ".join(unknown), "known": ", ".join(known)},
            )

    def check_length(self, column, value, report):
        limit = max_length(column) if column_kind(column) in ("text", "url") else None
        if limit and len(value) > limit:
            report(
                column,
                _("too long: %(length)d characters, at most %(max)d") % {"length": len(value), "max": limit},
            )

    def check_url(self, value, column, report, item=""):
        if not value:
            return
        try:
            self.url_validator(value)
        except ValidationError:
            report(column, item + _("“%s” is not an http:// or https:// address") % value)

    def check_field(self, column, kind, value, report):
        """One register field's value, canonical; lists of keys sorted."""
        if kind == "url":
            self.check_url(value, column, report)
        elif kind == "choice":
            value = self.check_choice(value.lower(), column, choice_values(field_key(column)), report)
        elif kind == "month" and value and not MONTH_RE.match(value):
            report(column, _("“%s” is not a month: expected YYYY-MM, e.g. 2024-03") % value)
        elif kind == "organizations":
            value = sorted({key.lower() for key in value})
            self.check_keys(value, column, self.organizations, report)
        elif kind == "assessments":
            for number, item in enumerate(value, start=1):
                self.check_assessment(item, column, number, report)
        elif kind == "risks":
            for number, item in enumerate(value, start=1):
                if not item["risk"]:
                    report(column, _("item %d: the risk is required") % number)
        return value

    def check_assessment(self, item, column, number, report):
        prefix = _("item %d: ") % number
        item["kind"] = item["kind"].lower()
        if item["kind"] not in ASSESSMENT_KIND_KEYS:
            report(
                column,
                prefix
                + _("“%(value)s” is not a kind of assessment: %(allowed)s")
                % {"value": item["kind"], "allowed": ", ".join(ASSESSMENT_KIND_KEYS)},
            )
        self.check_date(item["date"], column, report, prefix)
        self.check_url(item["url"], column, report, prefix)
        if len(item["note"]) > ASSESSMENT_NOTE_LIMIT:
            report(column, prefix + _("the note holds at most %d characters") % ASSESSMENT_NOTE_LIMIT)

    def check_source(self, source, number, report):
        """Where the community learned a field: one of the hub's case files or a public address."""
        prefix = _("item %d: ") % number
        source["casefile"] = source["casefile"].upper()
        if source["field"] and source["field"] not in FIELD_KEYS:
            report("community_sources", prefix + _("unknown field “%s”") % source["field"])
        if source["casefile"] and source["casefile"] not in self.casefile_ids:
            report("community_sources", prefix + _("no case file has the id “%s”") % source["casefile"])
        if not (source["casefile"] or source["url"]):
            report("community_sources", prefix + _("give the case file's id or the source's address"))
        self.check_url(source["url"], "community_sources", report, prefix)
        if len(source["title"]) > SOURCE_TITLE_LIMIT:
            report(
                "community_sources", prefix + _("the title holds at most %d characters") % SOURCE_TITLE_LIMIT
            )

    def check_date(self, value, column, report, prefix=""):
        if not value:
            return
        if DATE_RE.match(value):
            try:
                date.fromisoformat(value)
                return
            except ValueError:
                pass
        report(column, prefix + _("“%s” is not a date: expected YYYY-MM-DD, e.g. 2024-03-15") % value)

    def check_declaration(self, record, report):
        """A declared record needs its source document and its state; a field it withholds
        cannot also have a value."""
        withheld = [key.lower() for key in record["not_disclosed"]]
        unknown = [key for key in withheld if key not in FIELD_KEYS]
        if unknown:
            report(
                "not_disclosed",
                _("unknown field(s): %(unknown)s; fields: %(known)s")
                % {"unknown": ", ".join(unknown), "known": ", ".join(FIELD_KEYS)},
            )
        record["not_disclosed"] = [key for key in FIELD_KEYS if key in withheld]
        for key in record["not_disclosed"]:
            if record[f"declared_{key}"]:
                report(
                    f"declared_{key}",
                    _("“%s” is marked not disclosed (not_disclosed) but given a value") % key,
                )
        self.check_url(record["declared_source_url"], "declared_source_url", report)
        self.check_date(record["declared_source_date"], "declared_source_date", report)
        declares = record["not_disclosed"] or any(
            record[column] for column in (*DECLARED_COLUMNS, "declared_source_title", "declared_source_url")
        )
        given = record["declared_published"] is not None or record["declared_source_date"]
        if not (declares or given):
            if (record["id"], record["locale"]) in self.declared:
                report(
                    "declared_published",
                    _(
                        "this entry has a declared record in this language; a file cannot remove it (delete it in the admin)"
                    ),
                )
            return
        for column in ("declared_source_title", "declared_source_date"):
            if not record[column]:
                report(column, _("required when the row has a declared record"))
        if record["declared_published"] is None:
            report(
                "declared_published", _("“true” or “false” is required when the row has a declared record")
            )

    def check_unique(self, public_id, locale, location, report):
        if not public_id or not locale:
            return
        first = self.first_locations.setdefault((public_id, locale), location)
        if first != location:
            report(
                "id",
                _("%(id)s in “%(locale)s” already appears at %(first)s")
                % {"id": public_id, "locale": locale, "first": first},
            )
