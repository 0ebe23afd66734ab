import re

from home.translated_addresses import search_addresses


def search(client, query="", language="fi", host="localhost", **params):
    """The search page's response for `query`, and the titles of its results in order."""
    address = search_addresses()[language]
    response = client.get(address, {"q": query, **params}, HTTP_HOST=host)
    assert response.status_code == 200
    html = response.content.decode()
    titles = [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'class="search-result__title"><a href="[^"]+">(.*?)</a>', html)
    ]
    return response, titles
