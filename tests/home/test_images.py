"""Images cost the server only so much: bounded uploads, a fixed set of renditions in templates."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail_factories import ImageFactory

MB = 1024 * 1024

# The renditions public templates may ask for. A new size is a deliberate choice (each one is
# stored for every image it is used with), so add it here when a template needs it.
RENDITIONS = {
    "fill-320x180",
    "fill-640x360",
    "fill-1200x675",
    "max-240x160",
    "width-960",
    "width-1200",
}


def test_an_image_of_121_megapixels_is_refused_with_a_clear_message(client, db):
    client.force_login(get_user_model().objects.create_superuser("admin", password="x"))
    buffer = io.BytesIO()
    PILImage.new("1", (11_000, 11_000)).save(buffer, "PNG")  # about 15 kB
    upload = SimpleUploadedFile("pommi.png", buffer.getvalue(), content_type="image/png")
    response = client.post(
        "/admin/images/add/",
        {"title": "Pommi", "file": upload, "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200
    html = response.content.decode()
    # The admin is in Finnish: "too many pixels (121000000), at most 50000000".
    assert "Tässä tiedostossa on liian monta kuvapistettä (121000000)" in html
    assert "50000000" in html
    assert not get_image_model().objects.exists()


def padded_png(size):
    """A valid 1 × 1 PNG of `size` bytes: what follows its end is never decoded."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (1, 1)).save(buffer, "PNG")
    return buffer.getvalue().ljust(size, b"\0")


@pytest.fixture
def admin_client_(client, db):
    client.force_login(get_user_model().objects.create_superuser("admin", password="x"))
    return client


def upload(client, url, size):
    """POST a `size`-byte PNG to one of the admin's image uploads; the error text it shows."""
    data = SimpleUploadedFile("iso.png", padded_png(size), content_type="image/png")
    root = Collection.get_first_root_node().pk
    if url == "/admin/images/multiple/add/":  # what its page's script sends; answers JSON
        response = client.post(url, {"files[]": data, "collection": root})
        return response, response.status_code == 200 and response.json().get("error_message")
    response = client.post(url, {"title": "Iso", "file": data, "collection": root})
    return response, response.status_code == 200 and response.content.decode()


# Both of the admin's uploads: "add images" (several at once, what editors use) and the single
# image form.
@pytest.mark.parametrize("url", ["/admin/images/multiple/add/", "/admin/images/add/"])
def test_a_file_over_20_mb_is_refused_with_a_clear_message(admin_client_, url):
    # The real configured limit and a real file one byte over it: no setting patched down.
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 20 * MB
    _response, text = upload(admin_client_, url, 20 * MB + 1)
    # In the editor's Finnish: "The file is too big (20.0 MB). It can be at most 20.0 MB."
    assert "Tiedosto on liian suuri (20,0\xa0MB). Tiedoston koko voi olla enintään 20,0" in text
    assert not get_image_model().objects.exists()


def test_a_file_of_20_mb_is_accepted(admin_client_):
    response, _text = upload(admin_client_, "/admin/images/add/", 20 * MB)
    assert response.status_code == 302
    assert get_image_model().objects.get().file_size == 20 * MB


@pytest.fixture
def photo(db):
    return ImageFactory(title="Kyläjuhla", file__width=3000, file__height=2000)


def preview(client, image, spec):
    return client.get(f"/admin/images/{image.pk}/preview/{spec}/")


@pytest.mark.parametrize(
    ("spec", "size"),
    [("max-100x100", (100, 66)), ("width-2000", (2000, 1333)), ("fill-800x800", (800, 800))],
)
def test_the_admin_previews_an_image_up_to_2000_pixels_a_side(admin_client_, photo, spec, size):
    response = preview(admin_client_, photo, spec)
    assert response.status_code == 200
    assert PILImage.open(io.BytesIO(b"".join(response.streaming_content))).size == size


@pytest.mark.parametrize("spec", ["width-9999", "width-2001", "original", "min-2500x100"])
def test_a_larger_preview_is_refused_in_the_editors_language(admin_client_, photo, spec):
    response = preview(admin_client_, photo, spec)
    assert response.status_code == 400
    assert response.content.decode() == (
        "Esikatselukuva voi olla enintään 2000 kuvapistettä leveä ja 2000 kuvapistettä korkea. "
        "Valitse pienempi koko."
    )


@pytest.mark.parametrize("spec", ["fill-0x0", "width-1.5", "bogus"])
def test_a_preview_of_an_impossible_size_is_refused(admin_client_, photo, spec):
    # Wagtail's own view answered fill-0x0 with a server error (it divides by zero).
    response = preview(admin_client_, photo, spec)
    assert response.status_code == 400
    assert response.content.decode() == "Valitsemasi suodatinasetukset eivät kelpaa."


def test_the_focal_point_editor_still_shows_the_whole_image(admin_client_, photo):
    # It shows a stored rendition of at most 800 × 600, not the preview.
    response = admin_client_.get(f"/admin/images/{photo.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="focal-point-chooser"' in html and 'data-max-width="800px"' in html
    assert 'data-original-width="3000"' in html


def test_public_templates_use_only_the_named_renditions():
    specs = set()
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for tag in re.findall(r"{%\s*image\s+(.*?)%}", template.read_text(encoding="utf-8")):
            # {% image <expression> <spec> [attributes] [as name] %}
            specs.add(tag.split()[1])
    assert specs and specs <= RENDITIONS, specs - RENDITIONS
