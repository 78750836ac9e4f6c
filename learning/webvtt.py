"""A strict reading of a WebVTT captions file, for what publishing relies on: the ``WEBVTT``
header, well-formed cue timings, cues that follow one another without overlapping, and none past
the end of the media. Browsers skip what they cannot read without a word, so a file that "plays"
may still show no captions; this says why, line by line.

Written against the W3C WebVTT syntax (https://www.w3.org/TR/webvtt1/#file-structure) rather than
with a parser library: the ones on PyPI accept overlapping or decreasing cues and do not give the
line of a fault, which are the two things an editor needs here."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

# hh:mm:ss.ttt with hours optional (two or more digits), minutes and seconds 00-59.
TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING_LINE = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t].*)?$")
HEADER = re.compile(r"^WEBVTT(?:[ \t].*)?$")
BOM = "\ufeff"


@dataclass(frozen=True)
class Cue:
    line: int
    start: float
    end: float
    text: str


class CaptionsInvalid(ValueError):
    """The file is not WebVTT the hub can publish: ``errors`` are ``line N: message`` texts."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


def seconds(match_groups):
    hours, minutes, secs, millis = match_groups
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + int(millis) / 1000


def at(line, message):
    return _("line %(line)d: %(message)s") % {"line": line, "message": message}


def decode(data):
    """The text of a captions file's bytes; WebVTT is UTF-8 only."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CaptionsInvalid([_("The file is not UTF-8 text: save it again as UTF-8.")]) from error


def blocks(lines, first):
    """``(line number, lines)`` of each block of non-blank lines from index ``first`` on."""
    block, start = [], None
    for index in range(first, len(lines) + 1):
        text = lines[index] if index < len(lines) else ""
        if text.strip():
            if not block:
                start = index + 1
            block.append(text)
        elif block:
            yield start, block
            block = []


def read_cue(number, block):
    """The cue of a block (its timing on the first or, after an identifier, second line)."""
    timing_index = 0 if "-->" in block[0] else 1
    if timing_index >= len(block) or "-->" not in block[timing_index]:
        raise CaptionsInvalid(
            [at(number, _("a cue needs a timing line such as 00:00:01.000 --> 00:00:04.000."))]
        )
    line = number + timing_index
    match = TIMING_LINE.match(block[timing_index].strip(" \t"))
    if match is None:
        message = _("the timing “%(text)s” is not valid: write it as 00:00:01.000 --> 00:00:04.000.")
        raise CaptionsInvalid([at(line, message % {"text": block[timing_index].strip()})])
    start, end = seconds(match.groups()[:4]), seconds(match.groups()[4:])
    return Cue(line=line, start=start, end=end, text="\n".join(block[timing_index + 1 :]))


def cue_errors(cues, duration):
    """What is wrong with the cues' order and times."""
    errors, previous = [], None
    for cue in cues:
        if cue.end <= cue.start:
            errors.append(at(cue.line, _("the cue ends before it starts, or when it starts.")))
        if previous is not None and cue.start < previous.start:
            errors.append(at(cue.line, _("this cue starts before the previous one: put the cues in order.")))
        elif previous is not None and cue.start < previous.end:
            message = _("this cue starts before the previous one (line %(line)d) ends: cues may not overlap.")
            errors.append(at(cue.line, message % {"line": previous.line}))
        if duration and cue.end > duration + 0.001:
            message = _("the cue ends at %(end).3f s, after the end of the media (%(duration).3f s).")
            errors.append(at(cue.line, message % {"end": cue.end, "duration": duration}))
        previous = cue
    return errors


def parse(data, duration=None):
    """The cues of ``data`` (bytes or text), checked against ``duration`` in seconds when given;
    raises ``CaptionsInvalid`` with every fault found."""
    text = decode(data) if isinstance(data, bytes) else data
    text = text.removeprefix(BOM)
    if not text.strip():
        raise CaptionsInvalid([_("The file is empty: a captions file starts with the line WEBVTT.")])
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not HEADER.match(lines[0]):
        raise CaptionsInvalid([at(1, _("the file must start with the line WEBVTT."))])
    # The header's own lines run to the first blank line.
    first = next((index for index, line in enumerate(lines) if not line.strip()), len(lines))
    cues, errors = [], []
    for number, block in blocks(lines, first):
        if block[0].startswith(("NOTE", "STYLE", "REGION")) and "-->" not in block[0]:
            continue
        try:
            cues.append(read_cue(number, block))
        except CaptionsInvalid as invalid:
            errors.extend(invalid.errors)
    errors.extend(cue_errors(cues, duration))
    if not cues and not errors:
        errors.append(_("The file holds no caption: add cues after the WEBVTT line."))
    if errors:
        raise CaptionsInvalid(errors)
    return cues


def read_field_file(field_file):
    """The bytes of a stored captions file (a ``FieldFile``)."""
    field_file.open("rb")
    try:
        return field_file.read()
    finally:
        field_file.close()
