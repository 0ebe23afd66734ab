"""Volunteer editors work in Finnish: the admin speaks it by default."""

from django.contrib.auth.models import User


def test_admin_login_page_is_in_finnish(client, db):
    html = client.get("/admin/login/").content.decode()
    assert 'lang="fi"' in html
    assert "Kirjaudu sisään" in html


def test_admin_dashboard_is_in_finnish_for_a_new_user(client, region):
    user = User.objects.create_superuser("paakayttaja", password="x")
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert 'lang="fi"' in html
    assert "Sivut" in html
