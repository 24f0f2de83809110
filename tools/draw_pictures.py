"""Draw the repository's own illustrations from shapes, with Pillow.

No photograph, nothing downloaded, no real person: a residency studio, a
festival stage and a storytellers' evening as flat illustrations, plus the
default sharing image of the sites. The results are committed; run this again
only to change them:

    python -m tools.draw_pictures
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 2000, 1333
Colour = tuple[int, int, int]


def gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    """A vertical gradient from ``top`` to ``bottom``."""
    column = Image.new("RGB", (1, 256))
    for y in range(256):
        mix = y / 255
        colour = (round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True))
        column.putpixel((0, y), tuple(colour))
    return column.resize(size, Image.Resampling.BILINEAR)


def glow(image: Image.Image, centre: tuple[int, int], radius: int, colour: Colour, alpha: int):
    """A soft round light over the picture."""
    layer = Image.new("RGBA", image.size, (*colour, 0))
    draw = ImageDraw.Draw(layer)
    x, y = centre
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, alpha))
    layer = layer.filter(ImageFilter.GaussianBlur(radius // 2))
    return Image.alpha_composite(image, layer)


def grain(image: Image.Image, seed: int, amount: int = 6) -> Image.Image:
    """A little paper grain, so flat colour looks printed rather than empty."""
    rng = random.Random(seed)
    noise = Image.new("L", (WIDTH // 4, HEIGHT // 4))
    noise.putdata([128 + rng.randint(-amount, amount) for _ in range(noise.width * noise.height)])
    noise = noise.resize(image.size, Image.Resampling.BICUBIC).convert("RGB")
    return Image.blend(image.convert("RGB"), noise, 0.06)


def residency_studio() -> Image.Image:
    """A craft studio with a big window on the mountains, a workbench, an easel, pots."""
    image = gradient((WIDTH, HEIGHT), (236, 226, 208), (214, 196, 170)).convert("RGBA")
    draw = ImageDraw.Draw(image)
    # window with mountains and evening sky
    window = (180, 140, 1120, 820)
    sky = gradient((window[2] - window[0], window[3] - window[1]), (150, 190, 214), (246, 214, 170))
    image.paste(sky, window[:2])
    draw.polygon(
        [(180, 700), (420, 420), (620, 640), (860, 360), (1120, 660), (1120, 820), (180, 820)],
        fill=(92, 118, 128),
    )
    draw.polygon(
        [(180, 760), (520, 560), (760, 720), (1000, 540), (1120, 620), (1120, 820), (180, 820)],
        fill=(62, 90, 94),
    )
    draw.polygon([(820, 420), (860, 360), (905, 415), (880, 430), (850, 410)], fill=(244, 244, 240))
    for x in (180, 493, 806, 1120):
        draw.rectangle((x - 12, 140, x + 12, 820), fill=(120, 84, 56))
    for y in (140, 480, 820):
        draw.rectangle((168, y - 12, 1132, y + 12), fill=(120, 84, 56))
    image = glow(image, (650, 480), 520, (255, 228, 170), 70)
    draw = ImageDraw.Draw(image)
    # floor boards
    draw.rectangle((0, 1010, WIDTH, HEIGHT), fill=(168, 122, 84))
    for x in range(-400, WIDTH + 400, 180):
        draw.line((x, HEIGHT, x + 260, 1010), fill=(146, 104, 70), width=6)
    # workbench with pots and tools
    draw.rectangle((120, 900, 1250, 950), fill=(110, 74, 48))
    for x in (170, 1160):
        draw.rectangle((x, 950, x + 40, 1230), fill=(96, 64, 42))
    pots = [
        (260, 170, 150, (176, 92, 62)),
        (470, 120, 210, (70, 110, 120)),
        (640, 150, 120, (214, 170, 92)),
    ]
    for x, w, h, colour in pots:
        draw.ellipse((x, 900 - h, x + w, 900 + 10), fill=colour)
        draw.rectangle((x + w * 0.3, 900 - h - 30, x + w * 0.7, 900 - h + 20), fill=colour)
    draw.rounded_rectangle((860, 840, 1100, 900), radius=14, fill=(232, 222, 200))
    draw.line((900, 860, 1060, 880), fill=(120, 84, 56), width=10)
    # easel with a canvas of colour fields
    draw.line((1440, 380, 1360, 1200), fill=(120, 84, 56), width=26)
    draw.line((1600, 380, 1690, 1200), fill=(120, 84, 56), width=26)
    draw.line((1520, 360, 1520, 1150), fill=(108, 76, 50), width=22)
    draw.rectangle((1320, 420, 1740, 900), fill=(250, 246, 236))
    draw.rectangle((1350, 450, 1710, 620), fill=(60, 108, 130))
    draw.ellipse((1420, 560, 1620, 760), fill=(214, 120, 70))
    draw.rectangle((1350, 780, 1710, 870), fill=(226, 190, 96))
    draw.rectangle((1300, 900, 1760, 930), fill=(108, 76, 50))
    # hanging lamp
    draw.line((1880, 0, 1880, 300), fill=(60, 52, 46), width=6)
    draw.pieslice((1780, 250, 1980, 420), 180, 360, fill=(40, 72, 80))
    return grain(glow(image, (1880, 380), 240, (255, 220, 150), 90), seed=1)


def festival_stage() -> Image.Image:
    """An open-air festival stage at dusk: truss, spotlights, bunting, an audience of shapes."""
    image = gradient((WIDTH, HEIGHT), (34, 38, 82), (214, 112, 84)).convert("RGBA")
    draw = ImageDraw.Draw(image)
    rng = random.Random(63)
    for _ in range(90):
        x, y = rng.randrange(WIDTH), rng.randrange(0, 420)
        r = rng.choice((2, 3, 4))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(250, 244, 220))
    # hills and trees behind the stage
    draw.polygon(
        [
            (0, 760),
            (380, 610),
            (760, 700),
            (1200, 580),
            (1620, 690),
            (2000, 600),
            (2000, 900),
            (0, 900),
        ],
        fill=(40, 52, 64),
    )
    for x in range(0, WIDTH, 70):
        h = rng.randint(60, 140)
        draw.polygon([(x, 780), (x + 35, 780 - h), (x + 70, 780)], fill=(30, 44, 52))
    # stage and roof
    draw.rectangle((420, 820, 1580, 960), fill=(58, 46, 48))
    draw.rectangle((400, 300, 1600, 340), fill=(70, 70, 78))
    for x in (420, 1540):
        draw.rectangle((x, 300, x + 40, 960), fill=(70, 70, 78))
        for y in range(340, 820, 60):
            draw.line((x, y, x + 40, y + 60), fill=(110, 110, 120), width=4)
    draw.rectangle((460, 340, 1540, 820), fill=(28, 24, 40))
    # light cones
    lights = Image.new("RGBA", image.size, (0, 0, 0, 0))
    cones = ImageDraw.Draw(lights)
    for x, colour in ((600, (255, 214, 120)), (1000, (255, 150, 190)), (1400, (140, 210, 255))):
        cones.polygon(
            [(x - 18, 350), (x + 18, 350), (x + 260, 830), (x - 260, 830)], fill=(*colour, 70)
        )
    image = Image.alpha_composite(image, lights.filter(ImageFilter.GaussianBlur(18)))
    draw = ImageDraw.Draw(image)
    for x in (600, 1000, 1400):
        draw.rectangle((x - 30, 330, x + 30, 370), fill=(30, 30, 34))
    # instruments on stage: a drum, a keyboard stand, a microphone
    draw.ellipse((900, 700, 1100, 800), fill=(190, 60, 52))
    draw.rectangle((1220, 720, 1420, 745), fill=(230, 230, 236))
    draw.line((1250, 745, 1230, 820), fill=(30, 30, 34), width=8)
    draw.line((1390, 745, 1410, 820), fill=(30, 30, 34), width=8)
    draw.line((700, 820, 700, 640), fill=(30, 30, 34), width=8)
    draw.ellipse((686, 618, 714, 652), fill=(60, 60, 66))
    # bunting
    for i in range(14):
        x = 420 + i * 82
        colour = [(232, 186, 72), (60, 120, 150), (200, 86, 66)][i % 3]
        draw.polygon([(x, 300), (x + 70, 300), (x + 35, 250)], fill=colour)
    # audience as rounded shapes
    for row, (y, shade) in enumerate(((1060, 34), (1160, 26), (1270, 18))):
        for x in range(-40, WIDTH + 80, 120):
            x += rng.randint(-30, 30) + (60 if row % 2 else 0)
            h = rng.randint(0, 40)
            draw.ellipse((x, y - 80 - h, x + 70, y - 10 - h), fill=(shade, shade + 6, shade + 18))
            draw.rounded_rectangle(
                (x - 20, y - 30 - h, x + 90, y + 200),
                radius=50,
                fill=(shade, shade + 6, shade + 18),
            )
    return grain(image, seed=2)


def storytellers_evening() -> Image.Image:
    """A storytelling evening: a lamp-lit corner, a circle of chairs, a story in the air."""
    image = gradient((WIDTH, HEIGHT), (68, 52, 70), (120, 70, 58)).convert("RGBA")
    draw = ImageDraw.Draw(image)
    # night window with stars and aurora
    draw.rounded_rectangle((1300, 120, 1860, 700), radius=24, fill=(24, 34, 62))
    aurora = Image.new("RGBA", image.size, (0, 0, 0, 0))
    band = ImageDraw.Draw(aurora)
    band.polygon(
        [
            (1300, 420),
            (1480, 260),
            (1660, 360),
            (1860, 220),
            (1860, 330),
            (1660, 470),
            (1480, 370),
            (1300, 520),
        ],
        fill=(110, 220, 170, 120),
    )
    image = Image.alpha_composite(image, aurora.filter(ImageFilter.GaussianBlur(20)))
    draw = ImageDraw.Draw(image)
    rng = random.Random(7)
    for _ in range(40):
        x, y = rng.randint(1320, 1840), rng.randint(140, 680)
        draw.ellipse((x - 3, y - 3, x + 3, y + 3), fill=(250, 244, 210))
    draw.rectangle((1572, 120, 1588, 700), fill=(92, 62, 48))
    draw.rectangle((1300, 402, 1860, 418), fill=(92, 62, 48))
    # warm lamp light in the middle of the room
    image = glow(image, (900, 760), 620, (255, 190, 110), 110)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 1000, WIDTH, HEIGHT), fill=(96, 56, 44))
    draw.ellipse((300, 1020, 1500, 1300), fill=(150, 58, 52))
    draw.ellipse((380, 1050, 1420, 1270), fill=(184, 92, 62))
    # standing lamp and a table with books and a candle
    draw.line((880, 420, 880, 1020), fill=(40, 32, 30), width=14)
    draw.polygon([(780, 420), (980, 420), (930, 300), (830, 300)], fill=(240, 200, 120))
    draw.rectangle((760, 880, 1000, 905), fill=(90, 58, 40))
    draw.rectangle((790, 905, 810, 1030), fill=(80, 50, 36))
    draw.rectangle((950, 905, 970, 1030), fill=(80, 50, 36))
    for i, colour in enumerate(((60, 110, 130), (200, 150, 70), (150, 60, 60))):
        draw.rectangle((790, 860 - i * 24, 900 - i * 12, 880 - i * 24), fill=colour)
    draw.rectangle((940, 820, 956, 880), fill=(246, 236, 210))
    draw.ellipse((936, 796, 960, 824), fill=(255, 200, 90))
    # a circle of empty chairs, waiting for the listeners
    chairs = [(230, 780), (470, 820), (1170, 820), (1410, 780), (600, 960), (1040, 960)]
    colours = [(70, 110, 120), (214, 170, 92), (176, 92, 62)]
    for i, (x, y) in enumerate(chairs):
        colour = colours[i % 3]
        draw.rounded_rectangle((x, y - 170, x + 150, y), radius=20, fill=colour)
        draw.rectangle((x - 10, y - 20, x + 160, y + 20), fill=tuple(c - 30 for c in colour))
        draw.rectangle((x, y + 20, x + 16, y + 130), fill=(50, 36, 30))
        draw.rectangle((x + 134, y + 20, x + 150, y + 130), fill=(50, 36, 30))
    # the story rising as speech bubbles
    bubbles = [
        (330, 240, 300, 150, (240, 228, 200)),
        (680, 130, 240, 120, (220, 236, 226)),
        (1000, 230, 200, 110, (246, 214, 190)),
    ]
    for x, y, w, h, colour in bubbles:
        draw.rounded_rectangle((x, y, x + w, y + h), radius=50, fill=colour)
        draw.polygon([(x + 60, y + h - 4), (x + 110, y + h - 4), (x + 50, y + h + 60)], fill=colour)
        for line in range(3):
            draw.line(
                (x + 40, y + 38 + line * 30, x + w - 40 - line * 30, y + 38 + line * 30),
                fill=(140, 110, 100),
                width=8,
            )
    return grain(image, seed=3)


def share_default() -> Image.Image:
    """The sites' sharing image: two overlapping circles (two countries) and the name."""
    width, height = 1200, 630
    image = gradient((width, height), (250, 244, 232), (236, 220, 196)).convert("RGBA")
    circles = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(circles)
    draw.ellipse((90, 135, 450, 495), fill=(60, 108, 130, 220))
    draw.ellipse((290, 135, 650, 495), fill=(196, 96, 54, 210))
    image = Image.alpha_composite(image, circles)
    draw = ImageDraw.Draw(image)
    draw.polygon(
        [
            (90, 560),
            (330, 420),
            (480, 510),
            (700, 380),
            (1200, 560),
            (1200, 630),
            (0, 630),
            (0, 560),
        ],
        fill=(92, 118, 110),
    )
    font_file = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    font = (
        ImageFont.truetype(str(font_file), 100)
        if font_file.is_file()
        else ImageFont.load_default(100)
    )
    draw.text((690, 170), "Samspel", font=font, fill=(31, 29, 26))
    draw.text((690, 290), "63", font=font, fill=(138, 59, 18))
    return image.convert("RGB")


OUTPUTS = {
    "content/bilder/residens-ateljen.jpg": residency_studio,
    "content/bilder/festivalscen.jpg": festival_stage,
    "content/bilder/berattarkvall.jpg": storytellers_evening,
}


def main() -> int:
    for relative, draw in OUTPUTS.items():
        target = ROOT / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        draw().save(target, "JPEG", quality=84, optimize=True, progressive=True)
        print(f"{relative}: {target.stat().st_size // 1024} KB")
    share = ROOT / "theme/static/images/samspel63-dela.png"
    share.parent.mkdir(parents=True, exist_ok=True)
    share_default().save(share, "PNG", optimize=True)
    print(f"{share.relative_to(ROOT)}: {share.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
