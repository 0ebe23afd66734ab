import io

from wagtail.models import Locale

from directory.demo import seed_directory
from directory.models import Association, DirectoryPage, Place, Service


def test_seed_directory_is_idempotent_and_translated(client, region):
    out = io.StringIO()
    seed_directory(region.home, region.villages, out)
    seed_directory(region.home, region.villages, out)

    default = Locale.get_default()
    assert Association.objects.filter(locale=default).count() == 6
    assert Service.objects.filter(locale=default).count() == 6
    assert Place.objects.filter(locale=default).count() == 4
    assert Service.objects.filter(locale__language_code="sv").count() == 6
    shop = Service.objects.get(slug="lankipohja-kylakauppa", locale=default)
    assert shop.live and shop.revisions.count() == 1  # the second run adds no revisions
    assert shop.weekly_hours.count() == 7 and shop.hours_exceptions.count() == 1

    sv_page = (
        DirectoryPage.objects.child_of(region.villages[0])
        .get()
        .get_translation(Locale.objects.get(language_code="sv"))
    )
    html = client.get(sv_page.url, HTTP_HOST="localhost").content.decode()
    assert "Byabutiken i Länkipohja" in html
    response = client.get(sv_page.url + "palvelu/lankipohja-kylakauppa/", HTTP_HOST="localhost")
    assert response.status_code == 200
