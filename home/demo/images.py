"""Landscape-like demo pictures drawn with Pillow, so the demo needs no downloads.

Each picture is drawn from its title (the random generator is seeded with it), so the same title
always gives the same picture: sky gradient, sun, layered hills, a lake or a field, spruces and
perhaps a red cottage, with the place name in the corner.
"""

import io
import math
import random
import unicodedata

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1600, 900

# Colours per season: sky top and bottom, sun, hills far to near, ground, water, trees.
PALETTES = {
    "summer": {
        "sky": ((70, 130, 200), (200, 225, 245)),
        "sun": (255, 236, 170),
        "hills": [(120, 150, 170), (70, 120, 90), (45, 95, 60)],
        "ground": (95, 150, 70),
        "water": (60, 110, 160),
        "trees": (25, 70, 40),
    },
    "autumn": {
        "sky": ((110, 120, 150), (235, 200, 160)),
        "sun": (250, 200, 120),
        "hills": [(150, 130, 120), (180, 110, 50), (140, 70, 35)],
        "ground": (150, 120, 60),
        "water": (70, 90, 120),
        "trees": (45, 60, 35),
    },
    "winter": {
        "sky": ((120, 150, 190), (230, 235, 245)),
        "sun": (255, 245, 220),
        "hills": [(190, 200, 215), (215, 222, 232), (235, 240, 246)],
        "ground": (245, 248, 252),
        "water": (200, 215, 230),
        "trees": (40, 65, 55),
    },
    "spring": {
        "sky": ((100, 160, 215), (225, 240, 230)),
        "sun": (255, 250, 200),
        "hills": [(140, 165, 175), (120, 160, 100), (90, 140, 70)],
        "ground": (130, 175, 90),
        "water": (80, 135, 180),
        "trees": (30, 80, 45),
    },
}


def landscape_jpeg(title, label, season="summer", scene="lake"):
    """A 1600×900 JPEG (bytes) of a landscape with `label` written on it.

    `scene` is "lake" (water in front), "field" (open ground) or "village" (field and houses).
    """
    palette = PALETTES[season]
    rng = random.Random(title)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)

    top, bottom = palette["sky"]
    horizon = int(HEIGHT * rng.uniform(0.5, 0.6))
    for y in range(horizon + 60):
        draw.line([(0, y), (WIDTH, y)], fill=_mix(top, bottom, y / (horizon + 60)))

    sun_x, sun_y, radius = rng.randint(200, WIDTH - 200), rng.randint(110, horizon - 160), 70
    draw.ellipse([sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], palette["sun"])

    for layer, colour in enumerate(palette["hills"]):
        base = horizon - 150 + layer * 60
        _draw_hill(draw, rng, base, amplitude=110 - layer * 25, colour=colour)

    ground_top = horizon + 40
    draw.rectangle([0, ground_top, WIDTH, HEIGHT], fill=palette["ground"])
    if scene == "lake":
        _draw_lake(draw, rng, ground_top, palette)
    _draw_trees(draw, rng, ground_top, palette["trees"])
    if scene == "village":
        _draw_houses(draw, rng, ground_top + 60)

    _draw_label(image, label)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def get_or_create_image(title, label, description, collection, season="summer", scene="lake"):
    """The Wagtail image titled `title`, drawn and saved if missing. Returns (image, created)."""
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).first()
    if existing is not None:
        return existing, False
    data = landscape_jpeg(title, label, season=season, scene=scene)
    image = Image_(title=title, description=description, collection=collection)
    image.file = ImageFile(io.BytesIO(data), name=f"{slugify(title)}.jpg")
    image.save()
    return image, True


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _draw_hill(draw, rng, base, amplitude, colour):
    waves = [
        (rng.uniform(0.5, 3.0), rng.uniform(0, math.tau), rng.uniform(0.3, 1.0)) for _ in range(3)
    ]
    points = [(0, HEIGHT)]
    for x in range(0, WIDTH + 40, 40):
        height = sum(
            weight * math.sin(freq * x / WIDTH * math.tau + phase) for freq, phase, weight in waves
        )
        points.append((x, base - amplitude * height / 2))
    points.append((WIDTH, HEIGHT))
    draw.polygon(points, fill=colour)


def _draw_lake(draw, rng, top, palette):
    water = palette["water"]
    for y in range(top, HEIGHT):
        draw.line(
            [(0, y), (WIDTH, y)],
            fill=_mix(water, palette["sky"][1], 0.35 * (HEIGHT - y) / (HEIGHT - top)),
        )
    for _ in range(14):  # glints on the water
        x, y = rng.randint(0, WIDTH), rng.randint(top + 20, HEIGHT - 10)
        draw.line(
            [(x, y), (x + rng.randint(40, 160), y)], fill=_mix(water, (255, 255, 255), 0.5), width=3
        )


def _draw_trees(draw, rng, ground, colour):
    x = rng.randint(-40, 40)
    while x < WIDTH:
        if rng.random() < 0.75:
            height = rng.randint(70, 170)
            width = height // 3
            for tier in range(3):  # a spruce: three stacked triangles
                tier_top = ground - height + tier * height // 4
                tier_width = width * (tier + 2) // 4
                draw.polygon(
                    [
                        (x, tier_top),
                        (x - tier_width, tier_top + height // 2),
                        (x + tier_width, tier_top + height // 2),
                    ],
                    fill=colour,
                )
        x += rng.randint(30, 90)


def _draw_houses(draw, rng, ground):
    for _ in range(rng.randint(2, 4)):
        x = rng.randint(100, WIDTH - 300)
        w, h = rng.randint(160, 240), rng.randint(90, 130)
        red, white = (150, 40, 35), (240, 240, 235)  # punamulta and white corners
        draw.rectangle([x, ground - h, x + w, ground], fill=red)
        draw.rectangle([x, ground - h, x + 10, ground], fill=white)
        draw.rectangle([x + w - 10, ground - h, x + w, ground], fill=white)
        draw.polygon(
            [(x - 15, ground - h), (x + w / 2, ground - h - 70), (x + w + 15, ground - h)],
            fill=(60, 55, 55),
        )
        for wx in (x + 30, x + w - 70):
            draw.rectangle([wx, ground - h + 30, wx + 40, ground - h + 75], fill=white)


# Common fonts with Finnish and Swedish letters; Pillow looks them up in the system font folders.
FONT_NAMES = ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf"]


def _font(size):
    """A bold system font, or Pillow's built-in one (which lacks ä and ö) with an ASCII flag."""
    for name in FONT_NAMES:
        try:
            return ImageFont.truetype(name, size), False
        except OSError:
            continue
    return ImageFont.load_default(size=size), True


def _draw_label(image, label):
    font, ascii_only = _font(64)
    if ascii_only:
        label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
    pad = 28
    box = [48, HEIGHT - 48 - (bottom - top) - 2 * pad, 48 + (right - left) + 2 * pad, HEIGHT - 48]
    draw.rounded_rectangle(box, radius=16, fill=(0, 0, 0, 140))
    draw.text(
        (box[0] + pad - left, box[1] + pad - top), label, font=font, fill=(255, 255, 255, 255)
    )
    image.paste(Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB"))
