"""Login lockout (django-axes) and password reset throttling, over HTTP as a visitor sees them."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

PASSWORD = "oikea-salasana-123"
LOCKED = {
    "fi": "Yrityksiä on ollut liikaa lyhyessä ajassa.",
    "sv": "Det har gjorts för många försök på kort tid.",
    "en": "There have been too many attempts in a short time.",
}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()  # the reset throttle counts in the cache, which outlives a test
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "toimittaja", "toimittaja@example.fi", PASSWORD
    )


def sign_in(client, username, password, address="192.0.2.10", language="fi", **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
        **headers,
    )


def fail(client, times, username="toimittaja", **kwargs):
    """Sign in with a wrong password `times` times; the fifth failure is answered by the lockout."""
    for number in range(times):
        response = sign_in(client, username, "väärä", **kwargs)
        assert response.status_code == (429 if number >= 4 else 200)


def signed_in(response):
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_five_failures_lock_out_even_the_right_password(client, editor, language):
    fail(client, 5)
    response = sign_in(client, "toimittaja", PASSWORD, language=language)
    assert response.status_code == 429
    assert LOCKED[language] in response.content.decode()
    assert "15" in response.content.decode()  # minutes to wait
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # not signed in


def test_four_failures_do_not_lock_out(client, editor):
    fail(client, 4)
    assert signed_in(sign_in(client, "toimittaja", PASSWORD))


def test_lockout_expires_after_the_cool_off(client, editor):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        fail(client, 5)
        traveller.shift(timedelta(minutes=14))
        # A failure during the lockout does not prolong it.
        assert sign_in(client, "toimittaja", "väärä").status_code == 429
        assert sign_in(client, "toimittaja", PASSWORD).status_code == 429
        traveller.shift(timedelta(minutes=2))
        assert signed_in(sign_in(client, "toimittaja", PASSWORD))


def test_username_is_locked_out_from_every_address(client, editor):
    fail(client, 5, address="192.0.2.10")
    assert sign_in(client, "toimittaja", PASSWORD, address="198.51.100.20").status_code == 429


def test_address_is_locked_out_for_every_username(client, editor):
    for number in range(5):
        sign_in(client, f"arvaus{number}", "väärä")
    assert sign_in(client, "toimittaja", PASSWORD).status_code == 429
    assert signed_in(sign_in(client, "toimittaja", PASSWORD, address="198.51.100.20"))


def fail_from_forwarded_addresses(client):
    """Five failures through one proxy (REMOTE_ADDR), each claiming another client address."""
    for number in range(5):
        response = sign_in(
            client,
            f"arvaus{number}",
            "väärä",
            address="10.0.0.1",
            HTTP_X_REAL_IP=f"203.0.113.{number + 1}",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number + 1}",
        )
        assert response.status_code in (200, 429)


def test_forwarded_address_headers_are_ignored_unless_configured(client, editor):
    fail_from_forwarded_addresses(client)
    # Spoofed headers cannot escape the lockout of the address the request really came from.
    response = sign_in(client, "toimittaja", PASSWORD, address="10.0.0.1", HTTP_X_REAL_IP="1.1.1.1")
    assert response.status_code == 429


def test_configured_proxy_header_is_the_client_address(client, editor, settings):
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_REAL_IP", "REMOTE_ADDR")
    fail_from_forwarded_addresses(client)
    # Each client behind the proxy is counted on its own: none reached five failures ...
    behind_proxy = {"address": "10.0.0.1", "HTTP_X_REAL_IP": "203.0.113.99"}
    assert signed_in(sign_in(client, "toimittaja", PASSWORD, **behind_proxy))
    client.logout()
    # ... and one that fails five times is locked out, whatever the proxy's own address.
    for number in range(5):
        sign_in(client, f"toinen{number}", "väärä", **behind_proxy)
    assert sign_in(client, "toimittaja", PASSWORD, **behind_proxy).status_code == 429


def request_reset(client, email="toimittaja@example.fi", address="192.0.2.10", language="fi"):
    return client.post(
        reverse("wagtailadmin_password_reset"),
        {"email": email},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_password_reset_is_throttled_per_address(client, editor, mailoutbox):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(5):
            assert request_reset(client).url == reverse("wagtailadmin_password_reset_done")
        assert len(mailoutbox) == 5
        response = request_reset(client, email="joku@example.fi", language="sv")
        assert response.status_code == 429
        assert LOCKED["sv"] in response.content.decode()
        assert len(mailoutbox) == 5
        traveller.shift(timedelta(minutes=61))
        assert request_reset(client).status_code == 302
        assert len(mailoutbox) == 6


def test_password_reset_is_throttled_per_email_address(client, editor, mailoutbox):
    for number in range(5):
        assert request_reset(client, address=f"198.51.100.{number + 1}").status_code == 302
    response = request_reset(client, email=" Toimittaja@Example.fi", address="198.51.100.50")
    assert response.status_code == 429
    assert len(mailoutbox) == 5
    # Another address from a fresh client is not held up by it.
    assert request_reset(client, email="muu@example.fi", address="198.51.100.51").status_code == 302
