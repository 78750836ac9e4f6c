"""The QR code of the cite box: the same code for an address whoever asks, made once per address
in a process (choosing its mask was half of an item page's time)."""

from unittest import mock

import segno

from citations.templatetags import citation_tags


def test_an_address_s_qr_code_is_made_once_and_encodes_the_address():
    address = "https://vigie.example.org/cite/CF-2031-0042/"
    citation_tags.qr_svg.cache_clear()
    expected = segno.make(address, error="m").svg_inline(omitsize=True, svgclass="qr-code", lineclass=None)

    with mock.patch.object(citation_tags.segno, "make", wraps=segno.make) as make:
        first = citation_tags.qr_code(address)
        second = citation_tags.qr_code(address)

    assert make.call_count == 1
    assert first == second
    assert first == expected.replace("<svg", f'<svg role="img" aria-label="{address}"', 1)
