#!/usr/bin/env python3
"""Exit 1 if any FILE could drive a terminal: a byte below 0x20 other than newline, DEL, invalid UTF-8
(a raw 0x80–0x9F byte is a C1 control to an 8-bit terminal), a C1 control character, a bidi
embedding/override/isolate/mark or a zero-width character; and (issue 14) a tag character, U+2028/2029,
a variation selector from the supplement, a Hangul filler, or more than 4 combining marks in a row.
Prints each offence with its context.

Usage: check-clean.py LABEL FILE...
"""
import sys
import unicodedata

FORBIDDEN = set(range(0x80, 0xA0)) | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) \
    | set(range(0x200B, 0x2010)) | set(range(0x2060, 0x2065)) | {0xFEFF, 0x061C, 0x180E, 0x7F} \
    | set(range(0xE0000, 0xE0080)) | set(range(0xE0100, 0xE01F0)) | {0x2028, 0x2029, 0x3164, 0xFFA0, 0x115F}
MAX_MARKS = 4

label, paths = sys.argv[1], sys.argv[2:]
bad = 0
for path in paths:
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"LEAK [{label}] {path}: invalid UTF-8 at byte {e.start}: {data[max(0, e.start - 30):e.start + 10]!r}")
        bad += 1
        text = data.decode("utf-8", "replace")
    marks = 0
    for i, ch in enumerate(text):
        c = ord(ch)
        marks = marks + 1 if unicodedata.category(ch) in ("Mn", "Me") else 0
        if marks == MAX_MARKS + 1:
            print(f"LEAK [{label}] {path}: more than {MAX_MARKS} combining marks in a row in {text[max(0, i - 40):i - 30]!r}")
            bad += 1
        if (c < 0x20 and c != 0x0A) or c in FORBIDDEN:
            print(f"LEAK [{label}] {path}: U+{c:04X} in {text[max(0, i - 40):i + 20]!r}")
            bad += 1
            if bad > 20:
                sys.exit(1)
sys.exit(1 if bad else 0)
