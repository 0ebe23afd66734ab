"""Images cost the server only so much: bounded uploads, a fixed set of renditions in templates."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

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


def test_public_templates_use_only_the_named_renditions():
    specs = set()
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for tag in re.findall(r"{%\s*image\s+(.*?)%}", template.read_text(encoding="utf-8")):
            # {% image <expression> <spec> [attributes] [as name] %}
            specs.add(tag.split()[1])
    assert specs and specs <= RENDITIONS, specs - RENDITIONS
