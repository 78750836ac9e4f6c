"""``/.well-known/security.txt`` tells a researcher where to report a vulnerability (RFC 9116)."""

from datetime import UTC, datetime, timedelta

import pytest


def fields(text):
    return dict(line.split(": ", 1) for line in text.splitlines() if line and not line.startswith("#"))


@pytest.mark.django_db
def test_security_txt_names_a_contact_an_expiry_ahead_and_the_languages(client, settings):
    settings.SECURITY_CONTACT = "mailto:securite@vigie.example"
    settings.WAGTAILADMIN_BASE_URL = "https://vigie.example"
    answer = client.get("/.well-known/security.txt")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(answer.content.decode())
    assert found["Contact"] == "mailto:securite@vigie.example"
    assert found["Preferred-Languages"] == "fr, en"
    assert found["Canonical"] == "https://vigie.example/.well-known/security.txt"
    expires = datetime.strptime(found["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    now = datetime.now(UTC)
    assert now + timedelta(days=30) < expires < now + timedelta(days=365)


@pytest.mark.django_db
def test_without_a_contact_it_writes_to_security_at_the_public_host(client, settings):
    settings.SECURITY_CONTACT = ""
    settings.WAGTAILADMIN_BASE_URL = "https://vigie.example:8443"
    found = fields(client.get("/.well-known/security.txt").content.decode())
    assert found["Contact"] == "mailto:security@vigie.example"
