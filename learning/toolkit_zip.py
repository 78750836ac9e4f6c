"""A toolkit in one ZIP: each live, public resource in the toolkit's order (``01-<slug>/``) with
its files, its audio or video with captions and transcripts, and a table of contents in HTML
and PDF (``learning.toolkit_contents``).

The archive is built on the server and stored (default storage, under ``toolkits/``, which no
``/media/`` address serves: only the toolkit's page route does), named after a digest of the
toolkit's live revision and of each public member's live revision, files and recording. A new
publication of the toolkit or of a member, a member made private or withdrawn, or a file
replaced gives a new digest, hence a new archive; the old ones of that toolkit are deleted.
Members that are drafts or private are left out: the archive only holds what the public pages
show. Audio and video are included for facilitators who play them offline, each up to
``TOOLKIT_ZIP_MEDIA_MAX_BYTES``; a larger one stays on its page and the contents say so."""

import hashlib
import json
import os
import tempfile
import zipfile

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hub.demo import demo_is_loaded
from hub.media_views import file_response

from .models import LearningResourcePage
from .toolkit_contents import Entry, build_contents

FOLDER = "toolkits"
BUILD_VERSION = 1
DEFAULT_MEDIA_MAX_BYTES = 200 * 1024 * 1024


def media_max_bytes():
    return getattr(settings, "TOOLKIT_ZIP_MEDIA_MAX_BYTES", DEFAULT_MEDIA_MAX_BYTES)


def public_members(toolkit):
    """``(resource, note)`` of the toolkit's members that anyone may see, in the toolkit's order."""
    members = list(toolkit.members.all())
    public = LearningResourcePage.objects.filter(pk__in=[m.resource_id for m in members]).public()
    resources = {resource.pk: resource for resource in public}
    return [(resources[m.resource_id], m.note) for m in members if m.resource_id in resources]


def recording_state(recording):
    if recording is None:
        return None
    transcripts = hashlib.sha256(f"{recording.transcript_fr}\0{recording.transcript_en}".encode()).hexdigest()
    return [
        recording.pk,
        recording.file.name,
        recording.captions_fr.name,
        recording.captions_en.name,
        transcripts,
    ]


def digest(toolkit, members):
    """What the archive is made of: it changes when anything it holds changes."""
    state = {
        "version": BUILD_VERSION,
        "toolkit": [toolkit.pk, toolkit.live_revision_id, toolkit.locale.language_code],
        "fictional": demo_is_loaded(),
        "members": [
            [
                resource.pk,
                resource.live_revision_id,
                note,
                [
                    [f.document_id, f.document.file_hash, f.document.file.name, f.label]
                    for f in resource.files.all()
                ],
                recording_state(resource.recording),
            ]
            for resource, note in members
        ],
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:20]


def name_prefix(toolkit):
    return f"{FOLDER}/{toolkit.public_id or toolkit.pk}-{toolkit.locale.language_code}-"


def unique(name, taken):
    """``name``, or ``name`` with a number before its extension when the folder already has it."""
    stem, extension = os.path.splitext(name)
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{stem}-{number}{extension}", number + 1
    taken.add(candidate)
    return candidate


def entry_for(number, resource, note):
    """The resource's place in the ZIP and the stored files to copy there: ``(entry, copies)``,
    copies being ``(name in the ZIP, storage file or text)``."""
    folder = f"{number:02d}-{slugify(resource.slug or resource.title)[:60]}"
    entry = Entry(number=number, folder=folder, resource=resource, note=note, url=resource.full_url or "")
    copies, taken = [], set()

    def add(source, filename, label):
        name = f"{folder}/{unique(filename, taken)}"
        entry.files.append((name, label))
        copies.append((name, source))

    for resource_file in resource.files.all():
        add(resource_file.document.file, resource_file.document.filename, resource_file.label)
    if resource.recording is not None:
        add_recording(entry, resource.recording, add)
    return entry, copies


def add_recording(entry, recording, add):
    """The audio or video (unless too large), then its captions and transcripts per language."""
    if recording.file.size <= media_max_bytes():
        add(recording.file, os.path.basename(recording.file.name), recording.title)
    else:
        entry.left_out.append(recording.title)
    for code, language in settings.LANGUAGES:
        captions = recording.captions_in(code)
        if captions:
            add(captions, f"captions-{code}.vtt", _("Captions (%(language)s)") % {"language": language})
        transcript = recording.transcript_in(code)
        if transcript.strip():
            add(transcript, f"transcript-{code}.txt", _("Transcript (%(language)s)") % {"language": language})


def write_archive(handle, toolkit, members):
    entries, all_copies = [], []
    for number, (resource, note) in enumerate(members, start=1):
        entry, copies = entry_for(number, resource, note)
        entries.append(entry)
        all_copies.extend(copies)
    fictional = str(settings.DEMO_NOTICE) if demo_is_loaded() else ""
    html, pdf = build_contents(toolkit, entries, fictional)
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("contents.html", html)
        archive.writestr("contents.pdf", pdf)
        for name, source in all_copies:
            if isinstance(source, str):
                archive.writestr(name, source.encode("utf-8"))
                continue
            with source.open("rb") as stored, archive.open(name, "w") as target:
                for chunk in stored.chunks():
                    target.write(chunk)


def toolkit_archive(toolkit):
    """The storage name of the toolkit's current ZIP, built now if it is not stored yet."""
    members = public_members(toolkit)
    name = f"{name_prefix(toolkit)}{digest(toolkit, members)}.zip"
    if default_storage.exists(name):
        return name
    with translation.override(toolkit.locale.language_code), tempfile.TemporaryFile() as handle:
        write_archive(handle, toolkit, members)
        handle.seek(0)
        stored = default_storage.save(name, File(handle))
    remove_stale(toolkit, keep=stored)
    return stored


def remove_stale(toolkit, keep):
    """Delete the toolkit's older archives: they may hold a resource withdrawn since."""
    prefix = name_prefix(toolkit)
    try:
        _folders, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    for filename in names:
        name = f"{FOLDER}/{filename}"
        if name.startswith(prefix) and name != keep:
            default_storage.delete(name)


def download_filename(toolkit):
    return f"{toolkit.public_id or toolkit.pk}-{slugify(toolkit.title)[:60]}.zip"


def archive_size(toolkit):
    return default_storage.size(toolkit_archive(toolkit))


def serve_archive(toolkit):
    name = toolkit_archive(toolkit)
    disposition = content_disposition_header(as_attachment=True, filename=download_filename(toolkit))
    # Not kept by shared caches: a member withdrawn must leave the download at once.
    return file_response(name, "application/zip", public=False, disposition=disposition)
