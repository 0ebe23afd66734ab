def test_pages_render(client, region):
    for url in ["/fi/", "/fi/lankipohja/", "/fi/uutiset/", "/fi/lankipohja/uutiset/"]:
        response = client.get(url)
        assert response.status_code == 200, url
