"""The submitted image: checked by content, size and pixels, stored without its metadata, and
on confirmation a Wagtail image of the village's collection on the draft event."""

import datetime
import re
from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from PIL import Image

from events.models import EventPage
from home.models import VillageEditors
from submissions.models import Submission
from tests.submissions.conftest import form_data, submit_url

SECRET = "KYLATORI-SECRET-CAMERA"


def coming():
    day = timezone.localdate() + datetime.timedelta(days=20)
    return f"{day.day}.{day.month}.{day.year}"


def photo(kind="JPEG", size=(400, 300), name="kuva.jpg"):
    """A photo with the camera's make and a GPS position in its EXIF."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = SECRET  # Make
    exif[0x8825] = {1: "N", 2: (61.0, 44.0, 17.0), 3: "E", 4: (24.0, 48.0, 51.0)}  # GPSInfo
    out = BytesIO()
    image.save(out, kind, exif=exif)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def post(client, calendar, upload, **fields):
    data = form_data(**{"start_date": coming(), "image_alt": "Punainen kyltti", **fields})
    data["image"] = upload
    return client.post(submit_url(calendar), data)


@pytest.fixture
def calendar(calendars):
    return calendars.village_calendars[0]


def image_error(response):
    html = response.content.decode()
    assert response.status_code == 200 and 'href="#id_image"' in html
    return html.split('id="id_image_error"', 1)[1].split("</p>", 1)[0]


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_the_image_is_kept_without_exif_and_becomes_the_events_image(client, calendars, kind):
    calendar = calendars.village_calendars[0]
    upload = photo(kind, name=f"kuva.{kind.lower()}")
    assert SECRET.encode() in upload.read()
    upload.seek(0)
    assert post(client, calendar, upload).status_code == 302
    stored = Submission.objects.get().image
    data = stored.read()
    stored.close()
    assert SECRET.encode() not in data and b"GPS" not in data
    with Image.open(BytesIO(data)) as image:
        assert image.format == kind and image.size == (400, 300)
        assert not image.getexif()

    link = re.search(r"https?://[^/]+(/\S+)\?token=(\S+)", mail.outbox[0].body).groups()
    client.post(link[0], {"token": link[1]})
    page = EventPage.objects.get(title="Joulumyyjäiset")
    assert page.image_alt == "Punainen kyltti"
    collection = VillageEditors.objects.get(
        village_key=calendars.villages[0].translation_key
    ).collection
    assert page.image.collection == collection
    with page.image.file.open("rb") as file:
        assert SECRET.encode() not in file.read()
    assert not Submission.objects.get().image  # the one copy is the village's image


def test_a_palette_image_keeps_its_colours(client, calendar):
    out = BytesIO()
    Image.new("RGB", (300, 300), (200, 30, 30)).quantize(8).save(out, "PNG")
    upload = SimpleUploadedFile("kuva.png", out.getvalue(), content_type="image/png")
    assert post(client, calendar, upload).status_code == 302
    stored = Submission.objects.get().image
    with Image.open(stored) as image:
        assert image.convert("RGB").getpixel((10, 10)) == (200, 30, 30)
    stored.close()


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("kuva.jpg", b"<?php echo 1; ?>", "image/jpeg"), "ei ole kuva"),
        (SimpleUploadedFile("kuva.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50), "ei ole kuva"),
        ("truncated", "ei ole kuva"),
        ("gif", "ei ole kuva"),
        ("small", "vähintään 200"),
    ],
)
def test_what_is_no_acceptable_image_is_refused_with_the_reason(client, calendar, upload, message):
    if upload == "truncated":
        data = photo().read()
        upload = SimpleUploadedFile("kuva.jpg", data[: len(data) // 2], "image/jpeg")
    elif upload == "gif":
        out = BytesIO()
        Image.new("RGB", (400, 300)).save(out, "GIF")
        upload = SimpleUploadedFile("kuva.gif", out.getvalue(), "image/gif")
    elif upload == "small":
        upload = photo(size=(150, 150))
    response = post(client, calendar, upload)
    assert message in image_error(response)
    assert 'value="Joulumyyjäiset"' in response.content.decode()
    assert not Submission.objects.exists()


@override_settings(KYLATORI_SUBMISSION_IMAGE_MAX_PIXELS=100_000)
def test_an_image_with_too_many_pixels_is_refused(client, calendar):
    assert "400 × 300" in image_error(post(client, calendar, photo()))


@override_settings(KYLATORI_SUBMISSION_IMAGE_MAX_BYTES=1000)
def test_a_too_large_file_is_refused(client, calendar):
    assert "liian suuri" in image_error(post(client, calendar, photo()))


def test_an_image_needs_its_alt_text(client, calendar):
    response = post(client, calendar, photo(), image_alt="")
    assert 'href="#id_image_alt"' in response.content.decode()
    assert not Submission.objects.exists()


def test_an_expired_submission_takes_its_image_file_with_it(client, calendar):
    import time_machine

    assert post(client, calendar, photo()).status_code == 302
    stored = Submission.objects.get().image
    storage, name = stored.storage, stored.name
    assert storage.exists(name)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=49), tick=False):
        call_command("expire_submissions")
    assert not Submission.objects.exists() and not storage.exists(name)
