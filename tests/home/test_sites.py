"""One installation, several regions: each hostname serves its own tree and nothing else."""


def test_each_host_serves_only_its_own_region(client, second_region):
    himos = client.get("/fi/", HTTP_HOST="localhost").content.decode()
    iitti = client.get("/fi/", HTTP_HOST="iitti.localhost").content.decode()
    assert "Himoksen seutu" in himos and "Länkipohja" in himos and "Kausala" not in himos
    assert "Iitin kylät" in iitti and "Kausala" in iitti and "Länkipohja" not in iitti


def test_a_village_of_another_region_is_not_found_on_this_host(client, second_region):
    assert client.get("/fi/kausala/", HTTP_HOST="iitti.localhost").status_code == 200
    assert client.get("/fi/kausala/", HTTP_HOST="localhost").status_code == 404
    assert client.get("/fi/lankipohja/", HTTP_HOST="iitti.localhost").status_code == 404


def test_region_news_aggregates_only_its_own_villages(client, second_region):
    html = client.get("/fi/uutiset/", HTTP_HOST="iitti.localhost").content.decode()
    assert "Kausala: uutinen 1" in html
    assert "Länkipohja: uutinen 1" not in html


def test_sitemap_is_per_host(client, second_region):
    xml = client.get("/sitemap.xml", HTTP_HOST="iitti.localhost").content.decode()
    assert "http://iitti.localhost/fi/kausala/" in xml
    assert "lankipohja" not in xml
