"""Two-step verification (TOTP) for staff, over HTTP: turning it on, signing in with it, and the
requirement for superusers."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "oikea-salasana-123"
SETUP = "/admin/2fa/setup/"
VERIFY = "/admin/2fa/"


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("paakayttaja", "p@example.fi", PASSWORD)


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("toimittaja", "t@example.fi", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def code(device, drift=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=drift):06d}"


def sign_in(client, user):
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def turn_on(client, user):
    assert client.get(SETUP).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SETUP, {"otp_token": code(device)})
    assert response.status_code == 302, response.context["form"].errors
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_account_page_offers_two_step_verification(client, editor):
    sign_in(client, editor)
    assert SETUP in client.get("/admin/account/").content.decode()
    page = client.get(SETUP).content.decode()
    assert "<svg" in page and "otp_token" in page  # the QR code and the code field


def test_turning_it_on_needs_a_right_code(client, editor):
    sign_in(client, editor)
    client.get(SETUP)
    response = client.post(SETUP, {"otp_token": "000000"})
    assert response.status_code == 200 and "otp_token" in response.context["form"].errors
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    TOTPDevice.objects.get(user=editor).throttle_reset()  # django-otp delays the next try
    turn_on(client, editor)


def test_sign_in_asks_for_the_code_once_it_is_on(client, editor):
    sign_in(client, editor)
    device = turn_on(client, editor)
    client.logout()

    sign_in(client, editor)
    # With the password alone, every admin page leads to the code page.
    for url in ("/admin/", "/admin/account/", SETUP):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(VERIFY), url
    response = client.post(VERIFY + "?next=/admin/account/", {"otp_token": "123456"})
    assert response.status_code == 200
    assert "Koodi on väärä tai vanhentunut." in response.content.decode()  # the admin's Finnish
    assert client.get("/admin/account/").status_code == 302

    device.refresh_from_db()
    device.throttle_reset()  # the wrong code above made django-otp delay the next try
    response = client.post(VERIFY + "?next=/admin/account/", {"otp_token": code(device, drift=1)})
    assert response.status_code == 302 and response.url == "/admin/account/"
    assert client.get("/admin/account/").status_code == 200


def test_code_page_does_not_redirect_elsewhere(client, editor):
    sign_in(client, editor)
    device = turn_on(client, editor)
    client.logout()
    sign_in(client, editor)
    response = client.post(
        VERIFY + "?next=https://evil.example/", {"otp_token": code(device, drift=1)}
    )
    assert response.url == "/admin/"


def test_it_is_optional_without_the_setting(client, superuser, editor, settings):
    settings.KYLATORI_REQUIRE_2FA_SUPERUSERS = False
    for user in (superuser, editor):
        sign_in(client, user)
        assert client.get("/admin/").status_code == 200
        client.logout()


def test_superusers_must_turn_it_on_when_the_setting_says_so(client, superuser, editor, settings):
    settings.KYLATORI_REQUIRE_2FA_SUPERUSERS = True
    sign_in(client, superuser)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response.url.startswith(SETUP)
    device = turn_on(client, superuser)
    assert client.get("/admin/pages/").status_code == 200
    # ... and cannot turn it off (Wagtail answers the refusal with its "no permission" redirect).
    client.post(SETUP)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    client.logout()

    sign_in(client, editor)  # editors still choose for themselves
    assert client.get("/admin/account/").status_code == 200


def test_turning_it_off(client, editor):
    sign_in(client, editor)
    turn_on(client, editor)
    assert client.post(SETUP).status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    client.logout()
    sign_in(client, editor)
    assert client.get("/admin/").status_code == 200
