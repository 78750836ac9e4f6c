"""Answers to HTTP Range requests for the files the application streams itself (development,
tests, and production without ``MEDIA_ACCEL_REDIRECT_PREFIX``): a browser seeking in a video asks
for part of the file and needs ``206 Partial Content``. Django's ``FileResponse`` always sends the
whole file. One range is served; a request for several gets the whole file, which RFC 9110
(section 14.2) allows; nginx answers ranges itself in production."""

import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse

BYTE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
BLOCK_SIZE = 64 * 1024


class Unsatisfiable(ValueError):
    """The range is malformed or lies outside the file: HTTP 416."""


def requested_range(header, size):
    """``(first, last)`` byte positions (inclusive) the ``Range`` header asks for, or None for the
    whole file (no header, another unit, several ranges)."""
    header = (header or "").strip()
    if not header.startswith("bytes=") or "," in header:
        return None
    match = BYTE_RANGE.match(header)
    if match is None or match.groups() == ("", ""):
        raise Unsatisfiable(header)
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0 or size == 0:
            raise Unsatisfiable(header)
        return max(0, size - length), size - 1
    first = int(first)
    last = min(int(last), size - 1) if last else size - 1
    if first >= size or last < first:
        raise Unsatisfiable(header)
    return first, last


def read_part(file, first, length):
    """The ``length`` bytes from ``first`` on, in blocks; the file is closed when done."""
    try:
        file.seek(first)
        while length > 0:
            block = file.read(min(BLOCK_SIZE, length))
            if not block:
                break
            length -= len(block)
            yield block
    finally:
        file.close()


def ranged_file_response(request, file, size, content_type):
    """The whole ``file`` (200), the part its ``Range`` header asks (206), or 416."""
    try:
        part = requested_range(request.headers.get("Range") if request else None, size)
    except Unsatisfiable:
        file.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    else:
        if part is None:
            response = FileResponse(file, content_type=content_type)
        else:
            first, last = part
            length = last - first + 1
            response = StreamingHttpResponse(
                read_part(file, first, length), status=206, content_type=content_type
            )
            response["Content-Range"] = f"bytes {first}-{last}/{size}"
            response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    return response
