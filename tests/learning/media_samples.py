"""Tiny real audio and video made in the tests with PyAV (no download, no fixture file): a WebM
video of coloured frames with a silent Opus track, and a WAV tone."""

import io
import math
import struct

import av
from django.core.files.base import ContentFile
from PIL import Image


def audio_frame(pcm, samples, rate):
    """A mono frame of signed 16-bit samples."""
    frame = av.AudioFrame(format="s16", layout="mono", samples=samples)
    frame.planes[0].update(pcm)
    frame.sample_rate = rate
    return frame


def webm_video(seconds=2, width=64, height=48, fps=10):
    """A VP8 WebM video of ``seconds`` seconds, with a silent Opus audio track."""
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="webm") as container:
        video = container.add_stream("libvpx", rate=fps)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        audio = container.add_stream("libopus", rate=48000, layout="mono")
        audio.format = "s16"
        for index in range(seconds * fps):
            shade = (index * 20) % 256
            frame = av.VideoFrame.from_image(Image.new("RGB", (width, height), (shade, 80, 160)))
            container.mux(video.encode(frame))
        samples_per_frame = 960
        for index in range(seconds * 48000 // samples_per_frame):
            frame = audio_frame(bytes(2 * samples_per_frame), samples_per_frame, 48000)
            frame.pts = index * samples_per_frame
            container.mux(audio.encode(frame))
        container.mux(video.encode())
        container.mux(audio.encode())
    return buffer.getvalue()


def wav_audio(seconds=2, rate=8000):
    """A WAV file of a 440 Hz tone lasting ``seconds`` seconds."""
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="wav") as container:
        stream = container.add_stream("pcm_s16le", rate=rate, layout="mono")
        count = seconds * rate
        tone = struct.pack(
            f"<{count}h", *(int(8000 * math.sin(2 * math.pi * 440 * n / rate)) for n in range(count))
        )
        frame = audio_frame(tone, count, rate)
        container.mux(stream.encode(frame))
        container.mux(stream.encode())
    return buffer.getvalue()


def video_file(name="capsule-fictive.webm", seconds=2):
    return ContentFile(webm_video(seconds), name=name)


def audio_file(name="balado-fictif.wav", seconds=2):
    return ContentFile(wav_audio(seconds), name=name)


def vtt(*cues, header="WEBVTT"):
    """A WebVTT text with ``cues`` given as ``(start, end, text)`` with timestamps as strings."""
    body = "\n\n".join(f"{start} --> {end}\n{text}" for start, end, text in cues)
    return f"{header}\n\n{body}\n"
