#!/usr/bin/env python3
"""Writes the site's Hangul font, static/fonts/hangul-400.woff2 (npm run fonts).

Why the site ships a font at all: a machine without a Korean font (a fresh Linux box, this project's CI) draws
every Hangul syllable as an empty box, and Chromium looks for a fallback font for each run of Korean text, which
made the first layout of a Korean chapter several times slower than an English one. The font is NanumGothic cut
down to the syllables the site uses (a few hundred; about 40 KB), without hinting or OpenType layout
features (precomposed syllables need none), and renamed "Socket Lab Hangul", since the SIL OFL reserves the
Nanum names for the original (static/fonts/OFL.txt).

Needs Debian's python3-fonttools, python3-brotli and fonts-nanum:
    apt-get install -y python3-fonttools python3-brotli fonts-nanum
    /usr/bin/python3 scripts/hangul-font.py [--source-dir /usr/share/fonts/truetype/nanum]
test/content/hangul-font.test.ts fails when a page gains a syllable the committed font lacks: run this again then.
"""
import argparse
import os
import sys

try:
    from fontTools import subset
    from fontTools.ttLib import TTFont
except ImportError:
    sys.exit('scripts/hangul-font.py needs fontTools: apt-get install -y python3-fonttools python3-brotli '
             'and run it with /usr/bin/python3')

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# where the site's text lives (the same places test/content/hangul-font.test.ts reads)
# examples/: the chapters show those programs with their Korean comments (src/remark/exampleFiles.ts)
SOURCES = ['docs', 'i18n', 'src', 'examples', 'docusaurus.config.ts', 'sidebars.ts']
EXTENSIONS = ('.md', '.mdx', '.ts', '.tsx', '.json', '.css', '.py', '.c')
FAMILY = 'Socket Lab Hangul'
# one weight: the browser draws bold from it (src/plugins/hangulFont.ts says why)
WEIGHTS = {400: ('NanumGothic.ttf', 'Regular')}


def is_hangul(ch):
    cp = ord(ch)
    # syllables, conjoining jamo, compatibility jamo (ㄱ, ㅏ …)
    return 0xAC00 <= cp <= 0xD7A3 or 0x1100 <= cp <= 0x11FF or 0x3131 <= cp <= 0x318E


def site_hangul():
    chars = set()
    for source in SOURCES:
        path = os.path.join(ROOT, source)
        files = [path] if os.path.isfile(path) else [
            os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs if f.endswith(EXTENSIONS)]
        for file in files:
            with open(file, encoding='utf-8') as fh:
                chars.update(ch for ch in fh.read() if is_hangul(ch))
    return ''.join(sorted(chars))


def rename(font, style):
    """The OFL's Reserved Font Names may not name a Modified Version: every name record says Socket Lab Hangul."""
    names = font['name']
    notice = names.getDebugName(0) or ''
    names.names = []
    for name_id, value in {
        0: notice,
        1: FAMILY,
        2: style,
        3: f'{FAMILY} {style}; subset of NanumGothic for Socket Lab',
        4: f'{FAMILY} {style}',
        5: 'Version 1.0',
        6: f'SocketLabHangul-{style}',
        10: 'A subset of NanumGothic (NAVER Corporation), renamed; SIL Open Font License 1.1.',
        13: 'This Font Software is licensed under the SIL Open Font License, Version 1.1.',
        14: 'https://openfontlicense.org',
    }.items():
        names.setName(value, name_id, 3, 1, 0x409)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--source-dir', default='/usr/share/fonts/truetype/nanum')
    parser.add_argument('--out-dir', default=os.path.join(ROOT, 'static', 'fonts'))
    args = parser.parse_args()
    text = site_hangul()
    for weight, (file, style) in WEIGHTS.items():
        options = subset.Options()
        options.flavor = 'woff2'
        options.layout_features = []
        options.hinting = False
        options.desubroutinize = True
        options.name_IDs = ['*']
        options.notdef_outline = True
        font = TTFont(os.path.join(args.source_dir, file))
        for tag in [t for t in font.keys() if t.startswith('TSI')]:  # VTT hinting sources: nothing to subset
            del font[tag]
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        rename(font, style)
        out = os.path.join(args.out_dir, f'hangul-{weight}.woff2')
        font.flavor = 'woff2'
        font.save(out)
        print(f'{os.path.relpath(out, ROOT)}: {len(text)} characters, {os.path.getsize(out)} bytes')


if __name__ == '__main__':
    main()
