"""The WebVTT check on good and bad captions files: each fault is named with its line."""

import pytest
from django.utils import translation

from learning.webvtt import CaptionsInvalid, parse
from tests.learning.media_samples import vtt

GOOD = vtt(
    ("00:00.000", "00:01.500", "Bonjour."),
    ("00:01.500", "00:03.000", "Voici un système d'IA fictif."),
)


def errors_of(text, duration=None):
    with translation.override("en"), pytest.raises(CaptionsInvalid) as invalid:
        parse(text.encode("utf-8") if isinstance(text, str) else text, duration)
    return invalid.value.errors


def test_a_good_file_gives_its_cues_in_seconds():
    cues = parse(GOOD.encode(), duration=3.0)

    assert [(cue.start, cue.end, cue.text) for cue in cues] == [
        (0.0, 1.5, "Bonjour."),
        (1.5, 3.0, "Voici un système d'IA fictif."),
    ]


def test_header_text_identifiers_notes_hours_settings_bom_and_crlf_are_accepted():
    text = (
        "\ufeffWEBVTT - Capsule fictive\r\nKind: captions\r\n\r\n"
        "NOTE écrit pour les tests\r\n\r\n"
        "intro\r\n01:00:00.000 --> 01:00:02.000 align:start line:0\r\n<v Anne>Bonjour\r\n"
    )

    cues = parse(text.encode("utf-8"), duration=3700)

    assert [(cue.line, cue.start, cue.end) for cue in cues] == [(7, 3600.0, 3602.0)]


@pytest.mark.parametrize("header", ["WEBVTTX", "WEBVTT:", "webvtt", "1", "00:00.000 --> 00:01.000"], ids=repr)
def test_a_malformed_header_is_refused_on_line_1(header):
    text = vtt(("00:00.000", "00:01.000", "Bonjour."), header=header)

    assert errors_of(text) == ["line 1: the file must start with the line WEBVTT."]


@pytest.mark.parametrize(
    "timing",
    [
        "00:00.000 -> 00:01.000",
        "0:00.000 --> 00:01.000",
        "00:00:60.000 --> 00:01:00.000",
        "00:00.00 --> 00:01.000",
        "00:00.000-->00:01.000",
    ],
)
def test_a_bad_timestamp_names_its_line(timing):
    text = f"WEBVTT\n\n00:00.000 --> 00:01.000\nUn.\n\n{timing}\nDeux.\n"

    (error,) = errors_of(text)

    # The second cue's timing is on line 6 whether or not the parser takes it for an identifier.
    assert error.startswith(("line 6: ", "line 7: "))
    assert "00:00:01.000 --> 00:00:04.000" in error


def test_overlapping_cues_are_refused():
    text = vtt(("00:00.000", "00:02.000", "Un."), ("00:01.000", "00:03.000", "Deux."))

    assert errors_of(text) == [
        "line 6: this cue starts before the previous one (line 3) ends: cues may not overlap."
    ]


def test_decreasing_starts_are_refused():
    text = vtt(("00:02.000", "00:03.000", "Un."), ("00:00.000", "00:01.000", "Deux."))

    assert errors_of(text) == ["line 6: this cue starts before the previous one: put the cues in order."]


def test_a_cue_ending_before_it_starts_is_refused():
    text = vtt(("00:02.000", "00:01.000", "À l'envers."))

    assert errors_of(text) == ["line 3: the cue ends before it starts, or when it starts."]


def test_a_cue_past_the_end_of_the_media_is_refused():
    text = vtt(("00:00.000", "00:01.000", "Un."), ("00:01.000", "00:02.500", "Deux."))

    assert errors_of(text, duration=2.0) == [
        "line 6: the cue ends at 2.500 s, after the end of the media (2.000 s)."
    ]
    assert parse(text.encode(), duration=2.5)


@pytest.mark.parametrize("data", [b"", b"  \n\n", "\ufeff".encode()], ids=["empty", "blank", "bom only"])
def test_an_empty_file_is_refused(data):
    assert errors_of(data) == ["The file is empty: a captions file starts with the line WEBVTT."]


def test_a_header_without_cues_is_refused():
    assert errors_of("WEBVTT\n\nNOTE rien\n") == [
        "The file holds no caption: add cues after the WEBVTT line."
    ]


def test_a_file_that_is_not_utf8_is_refused():
    data = "WEBVTT\n\n00:00.000 --> 00:01.000\nÉté.\n".encode("latin-1")

    assert errors_of(data) == ["The file is not UTF-8 text: save it again as UTF-8."]


def test_every_fault_is_reported_at_once():
    text = vtt(("00:03.000", "00:02.000", "Un."), ("00:00.000", "00:09.000", "Deux."))

    errors = errors_of(text, duration=5)

    assert [error.split(":", 1)[0] for error in errors] == ["line 3", "line 6", "line 6"]


def test_the_errors_are_translated():
    text = vtt(("00:02.000", "00:01.000", "Un."))

    with translation.override("fr"), pytest.raises(CaptionsInvalid) as invalid:
        parse(text.encode())

    assert invalid.value.errors[0].startswith("ligne 3 : ")
