"""A map of a listing's entries as OpenStreetMap tiles chosen on the server: no script, no CDN.

The listing shows it only when the visitor asks (?map=1, pages.py); only that response allows
images from the tile server in its Content-Security-Policy, so no other page makes a request to
a third party. The tiles are a fixed grid of img elements (CSS lays them out), and the markers
are an SVG drawn over them whose circles are placed by attributes: the site's policy refuses
inline style attributes, so positions cannot be written into CSS.

The tile usage policy (https://operations.osmfoundation.org/policies/tiles/) asks for the
attribution on the map and for few requests: a map is four tiles, only on request.
"""

import math
from dataclasses import dataclass

TILE_SERVER = "https://tile.openstreetmap.org"
TILE_SIZE = 256
COLUMNS = ROWS = 2  # 512 × 512 px: sharp on a desktop, readable when scaled to a phone
MAX_ZOOM = 16  # a single place, or places a few metres apart, still show their streets
MARGIN = 20  # px kept free around the markers so that none is cut at the edge
MAX_LATITUDE = 85.0511  # the Web Mercator projection's limit


@dataclass(frozen=True)
class Marker:
    number: int
    x: float
    y: float
    entry: object


@dataclass(frozen=True)
class Tile:
    url: str


@dataclass(frozen=True)
class TileMap:
    zoom: int
    tiles: list  # row by row
    markers: list
    width: int = COLUMNS * TILE_SIZE
    height: int = ROWS * TILE_SIZE


def world_pixel(latitude, longitude, zoom):
    """The point's position in pixels on the whole world's map at `zoom` (Web Mercator)."""
    latitude = max(-MAX_LATITUDE, min(MAX_LATITUDE, float(latitude)))
    scale = TILE_SIZE * 2**zoom
    x = (float(longitude) + 180) / 360 * scale
    sin = math.sin(math.radians(latitude))
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * scale
    return x, y


def first_tile(low, high, count, zoom):
    """The first of `count` tiles that hold pixels low..high, centred as well as tiles allow,
    or None when they do not fit."""
    edge = TILE_SIZE * 2**zoom - 1  # the margin may reach past the world's edge
    first, last = int(max(low, 0) // TILE_SIZE), int(min(high, edge) // TILE_SIZE)
    if last - first + 1 > count:
        return None
    start = first - (count - (last - first + 1)) // 2
    return max(0, min(start, 2**zoom - count))


def tile_map(entries):
    """The map of `entries` that have coordinates, numbered in their order, or None."""
    located = [entry for entry in entries if entry.has_location]
    if not located:
        return None
    for zoom in range(MAX_ZOOM, 0, -1):
        points = [world_pixel(e.latitude, e.longitude, zoom) for e in located]
        xs, ys = [x for x, _ in points], [y for _, y in points]
        left = first_tile(min(xs) - MARGIN, max(xs) + MARGIN, COLUMNS, zoom)
        top = first_tile(min(ys) - MARGIN, max(ys) + MARGIN, ROWS, zoom)
        if left is not None and top is not None:
            break
    tiles = [
        Tile(f"{TILE_SERVER}/{zoom}/{left + column}/{top + row}.png")
        for row in range(ROWS)
        for column in range(COLUMNS)
    ]
    markers = [
        Marker(number, round(x - left * TILE_SIZE, 1), round(y - top * TILE_SIZE, 1), entry)
        for number, (entry, (x, y)) in enumerate(zip(located, points, strict=True), start=1)
    ]
    return TileMap(zoom, tiles, markers)
