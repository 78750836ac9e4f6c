"""The demo's audio and video, with their captions, generated at load time with PyAV and Pillow:
no ffmpeg binary, no download, the same bytes on every machine that has the same libraries.

A video is a few slides of large text, each held for a few seconds, over a soft generated tone
that stands in for a narrator (the transcripts say so); an audio is a short sequence of tones.
Both are small (about 100 KB each) so that loading the demo stays fast."""

import array
import math
from dataclasses import dataclass
from io import BytesIO

import av
from PIL import Image as PillowImage
from PIL import ImageDraw

from .drawing import ACCENT, INK, MUTED, PAPER, wrap, write

FRAME_RATE = 10
FRAME_SIZE = (480, 270)
SAMPLE_RATE = 48000  # what Opus encodes
SAMPLES_PER_FRAME = 960  # 20 ms, Opus's usual frame
AMPLITUDE = 2500  # of 32767: a soft sound
FADE_SECONDS = 0.03


@dataclass(frozen=True)
class Recording:
    """Generated media bytes and what PyAV reads back from them."""

    data: bytes
    extension: str
    duration: float
    width: int | None = None
    height: int | None = None


def draw_slide(heading, text, notice):
    """One frame: the heading and text in large letters, the fiction notice at the bottom."""
    width, height = FRAME_SIZE
    image = PillowImage.new("RGB", FRAME_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    y = 24
    for line in wrap(draw, heading, 28, width - 48, bold=True):
        write(draw, (24, y), line, size=28, bold=True, fill=ACCENT)
        y += 36
    y += 12
    for line in wrap(draw, text, 22, width - 48):
        write(draw, (24, y), line, size=22, fill=INK)
        y += 30
    draw.line((24, height - 40, width - 24, height - 40), fill=ACCENT, width=2)
    write(draw, (24, height - 14), notice, size=14, fill=MUTED, anchor="ls")
    return image


def png(image):
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def slide_video(slides, seconds_per_slide, notice, tones=()):
    """A WebM video (VP8, and Opus when ``tones`` are given) showing each ``(heading, text)`` of
    ``slides`` for ``seconds_per_slide`` seconds."""
    buffer = BytesIO()
    with av.open(buffer, "w", format="webm") as container:
        video = container.add_stream("libvpx", rate=FRAME_RATE)
        video.width, video.height = FRAME_SIZE
        video.pix_fmt = "yuv420p"
        video.options = {"deadline": "good", "cpu-used": "8", "threads": "1"}
        sound = add_audio_stream(container) if tones else None
        frame_number = 0
        for heading, text in slides:
            picture = draw_slide(heading, text, notice)
            for _repeat in range(round(seconds_per_slide * FRAME_RATE)):
                frame = av.VideoFrame.from_image(picture)
                frame.pts = frame_number
                frame_number += 1
                container.mux(video.encode(frame))
        container.mux(video.encode())
        if sound is not None:
            encode_tones(container, sound, tones)
    return read_back(buffer.getvalue(), "webm")


def tone_audio(tones):
    """An Ogg/Opus audio of ``tones``, a sequence of ``(frequency in Hz, seconds)``; a frequency
    of 0 is silence."""
    buffer = BytesIO()
    with av.open(buffer, "w", format="ogg") as container:
        encode_tones(container, add_audio_stream(container), tones)
    return read_back(buffer.getvalue(), "ogg")


def add_audio_stream(container):
    stream = container.add_stream("libopus", rate=SAMPLE_RATE)
    stream.layout = "mono"
    return stream


def encode_tones(container, stream, tones):
    samples = tone_samples(tones)
    for start in range(0, len(samples), SAMPLES_PER_FRAME):
        chunk = samples[start : start + SAMPLES_PER_FRAME]
        chunk.extend([0] * (SAMPLES_PER_FRAME - len(chunk)))
        frame = av.AudioFrame(format="s16", layout="mono", samples=SAMPLES_PER_FRAME)
        frame.planes[0].update(chunk.tobytes())
        frame.sample_rate = SAMPLE_RATE
        frame.pts = start
        container.mux(stream.encode(frame))
    container.mux(stream.encode())


def tone_samples(tones):
    """16-bit samples of the tones, each faded in and out so that nothing clicks. A frequency
    dividing the sample rate has a whole number of samples per period: one period is computed,
    then repeated, which keeps the demo's load fast."""
    samples = array.array("h")
    fade = int(FADE_SECONDS * SAMPLE_RATE)
    for frequency, seconds in tones:
        count = int(seconds * SAMPLE_RATE)
        if not frequency:
            samples.extend([0] * count)
            continue
        period, remainder = divmod(SAMPLE_RATE, frequency)
        if remainder:
            raise ValueError(f"{frequency} Hz does not divide {SAMPLE_RATE} Hz")
        cycle = array.array("h", (int(AMPLITUDE * math.sin(2 * math.pi * n / period)) for n in range(period)))
        tone = cycle * (count // period) + cycle[: count % period]
        for n in range(min(fade, count // 2)):
            tone[n] = int(tone[n] * n / fade)
            tone[count - 1 - n] = int(tone[count - 1 - n] * n / fade)
        samples.extend(tone)
    return samples


def read_back(data, extension):
    """The duration and frame size as a player will find them in ``data``."""
    with av.open(BytesIO(data)) as container:
        duration = container.duration / av.time_base
        video = next(iter(container.streams.video), None)
        width, height = (video.width, video.height) if video is not None else (None, None)
    return Recording(data, extension, round(duration, 3), width, height)


def webvtt(cues):
    """A WebVTT file of ``cues``, ``(start seconds, end seconds, text)`` in order."""
    blocks = ["WEBVTT", ""]
    for number, (start, end, text) in enumerate(cues, start=1):
        blocks += [str(number), f"{timestamp(start)} --> {timestamp(end)}", text, ""]
    return "\n".join(blocks)


def timestamp(seconds):
    milliseconds = round(seconds * 1000)
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"
