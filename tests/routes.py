"""Every URL pattern of the project, as the sweep and fuzz tests enumerate them."""

from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern


def all_routes():
    """(route, pattern) of every URL pattern, prefixes joined; a language prefix is "<lang>/"."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern.pattern, LocalePrefixPattern):
                route = prefix + "<lang>/"
            else:
                route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            else:
                yield route, pattern

    return list(walk(get_resolver().url_patterns, ""))
