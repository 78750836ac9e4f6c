"""What an audio or video file really is, read with PyAV (FFmpeg): its kind, duration and frame
size. The editor's figures are not trusted: captions are checked against this duration, and a
file FFmpeg cannot read would not play in a browser either."""

import logging
from dataclasses import dataclass

import av
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Probe:
    kind: str  # "audio" or "video", as wagtailmedia's ``MediaType``
    duration: float
    width: int | None = None
    height: int | None = None


class UnreadableMedia(ValueError):
    """The file is not audio or video that can be played."""


def picture_streams(container):
    """The video streams that are moving pictures, not an album cover attached to an audio file."""
    return [
        stream
        for stream in container.streams.video
        if not stream.disposition & av.stream.Disposition.attached_pic
    ]


def stream_duration(container):
    if container.duration:
        return container.duration / av.time_base
    durations = [
        float(stream.duration * stream.time_base)
        for stream in container.streams
        if stream.duration and stream.time_base
    ]
    return max(durations, default=0.0)


def probe(source):
    """The ``Probe`` of ``source`` (a path or a binary file object); raises ``UnreadableMedia``."""
    if hasattr(source, "seek"):
        source.seek(0)
    try:
        with av.open(source, mode="r") as container:
            pictures = picture_streams(container)
            if not pictures and not container.streams.audio:
                raise UnreadableMedia(_("The file holds neither sound nor pictures."))
            duration = stream_duration(container)
            if pictures:
                stream = pictures[0]
                return Probe("video", duration, stream.codec_context.width, stream.codec_context.height)
            return Probe("audio", duration)
    except av.FFmpegError as error:
        logger.info("Unreadable media upload: %s", error)
        raise UnreadableMedia(_("This file cannot be read as audio or video; it may be damaged.")) from error
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
