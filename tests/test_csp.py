"""Content-Security-Policy headers: strict on public pages, with the admin's extras only there."""

import pytest
from django.contrib.auth import get_user_model


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: rest for name, _, rest in (part.strip().partition(" ") for part in policy.split(";"))
    }


@pytest.mark.parametrize("url", ["/fi/", "/fi/lankipohja/", "/robots.txt", "/fi/ei-ole/"])
def test_public_responses_allow_only_the_sites_own_files(client, region, url):
    policy = directives(client.get(url))
    assert policy["default-src"] == "'none'"
    for name in ("script-src", "style-src", "img-src", "font-src", "connect-src", "form-action"):
        assert policy[name] == "'self'", name
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert policy["script-src-attr"] == "'none'"
    assert "unsafe" not in " ".join(policy.values())


def test_admin_adds_inline_script_and_style_elements_and_own_frames_only(client, db):
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.fi", "x"))
    policy = directives(client.get("/admin/"))
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    # Inline event handlers and style attributes stay refused in the admin too.
    assert policy["script-src-attr"] == "'none'"
    assert policy["style-src"] == "'self'" and "style-src-attr" not in policy
    assert policy["style-src-elem"] == "'self' 'unsafe-inline'"
    assert policy["frame-src"] == "'self'" and policy["frame-ancestors"] == "'self'"
    assert policy["default-src"] == "'none'" and policy["object-src"] == "'none'"


def test_a_preview_is_the_public_policy_that_the_admin_may_frame(client, region):
    from home.models import NewsPage

    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.fi", "x"))
    news = NewsPage.objects.filter(locale__language_code="fi").first()
    revision = news.save_revision()
    # Rendered through Wagtail's dummy request for the page's public address, as the editor's
    # preview and checks panels are.
    response = client.get(f"/admin/pages/{news.pk}/revisions/{revision.pk}/view/")
    assert response.status_code == 200 and news.title in response.content.decode()
    policy = directives(response)
    assert policy["frame-ancestors"] == "'self'"
    assert policy["script-src"] == "'self'" and "unsafe" not in " ".join(policy.values())
