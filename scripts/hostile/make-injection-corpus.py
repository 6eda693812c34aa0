#!/usr/bin/env python3
"""Writes a corpus whose every user-visible string carries terminal control sequences.

Usage: make-injection-corpus.py SAMPLE_DIR OUT_DIR

The five sample articles are copied (so that actors, quotes, events and a comparison exist) and
poisoned: control sequences in the body, in front-matter titles, in HTML <title>, in outlets given by
the manifest and by JSON, in the FILE NAMES, and inside the names of people who are quoted.
"""
import json
import os
import sys

sample, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

ESC = "\x1b"
# Every kind of hostile sequence the issue lists, each labelled so a leak is easy to trace.
PAYLOADS = [
    ESC + "[31mRED" + ESC + "[0m",                                  # CSI colour
    ESC + "[2J" + ESC + "[H",                                       # clear screen, home
    ESC + "]8;;https://evil.example/" + ESC + "\\click" + ESC + "]8;;" + ESC + "\\",  # OSC 8 link
    ESC + "]52;c;cm0gLXJmIH4K\x07",                                 # OSC 52 clipboard write, BEL-terminated
    ESC + "]0;pwned title" + ESC + "\\",                            # OSC 0 window title
    ESC + "P1$r" + ESC + "\\",                                      # DCS
    "bell\x07\x07",                                                 # BEL
    "hidden\x08\x08\x08\x08\x08\x08shown",                          # backspace overwrite
    "innocent text\rEVIL",                                          # carriage-return overwrite
    "vt\x0bff\x0cnul-free",                                         # VT, FF
    "\u009b31mC1-CSI\u009b0m",                                      # 8-bit CSI
    "\u009d0;c1 title\u009c",                                       # 8-bit OSC … ST
    "next\u0085line",                                               # NEL
    "del\x7fete",                                                   # DEL
    "\u202eevil override\u202c",                                    # RLO … PDF
    "\u202aLRE\u202b RLE\u202d LRO\u202c",                          # embeddings, overrides
    "\u2066LRI\u2067RLI\u2068FSI\u2069",                            # isolates
    "pay\u200bpal zero\u200c\u200dwidth\u2060join\ufeffbom",        # zero-width characters
    "mark\u200e\u200f\u061c",                                       # directional marks
    # Issue 14: what the CLI used to print although the TUI replaced it.
    "Reuters" + "".join(chr(0xE0000 + ord(c)) for c in "hidden order"),  # tag characters ("ASCII smuggling")
    "line\u2028separator\u2029paragraph",                             # U+2028/2029
    "Z" + "\u0301" * 1000 + "algo",                                   # 1,000 combining marks on one letter
    "\U0001F600" + "".join(chr(0xE0100 + k) for k in range(16)),      # bytes smuggled in variation selectors
    "empty\u3164name\uffa0",                                         # Hangul fillers (look blank)
]
ALL = " ".join(PAYLOADS)
SHORT = ESC + "[31m\x07\u009b\u202e\u2066\u200b\U000E0041\u2028"  # compact, for titles and names


def poison_names(text):
    """Control characters inside the names of people who are quoted ("said" sentences)."""
    repl = {
        "Yermak": "Yer" + ESC + "[5mmak",
        "Zelensky": "Zelen\u202esky",
        "Putin": "Pu\u009btin",
        "Biden": "Bi\x07den",
        "Blinken": "Blin" + ESC + "]52;c;eA==\x07ken",
        "Lavrov": "Lav\u200brov",
        "Macron": "Mac\x7fron",
    }
    for k, v in repl.items():
        text = text.replace(k, v)
    return text


def poison_body(text):
    paras = text.split("\n\n")
    out = []
    for i, p in enumerate(paras):
        out.append(p)
        if i % 3 == 1:
            out.append("Breaking " + PAYLOADS[i % len(PAYLOADS)] + " more text follows here.")
    out.append("All payloads: " + ALL)
    out.append("“We will not be moved,” said Olaf" + ESC + "[8m Scholz" + ESC + "[0m, the German chancellor.")
    out.append("“Nothing was agreed,” Ivan Pe\u202etrov\u202c said on Friday.")
    return "\n\n".join(out)


files = sorted(f for f in os.listdir(sample) if f.endswith(".txt"))
names = [
    "01 evil" + ESC + "]0;title" + "\x07" + ESC + "[2J.txt",            # ESC, OSC, BEL in the name
    "02 bidi \u202etxt.exe\u202c name.txt",                             # RLO in the name
    "03 c1 \u009b31m name.txt",                                         # C1 in the name
    "04 zero\u200bwidth del\x7f name.txt",                              # ZW, DEL
    "05 new\nline\rcr\tname.html",                                      # newline, CR, tab; an HTML file
]
manifest = {}
outlets = [
    "Evil" + ESC + "[31m News" + ESC + "[0m",
    "\u202eswen lufhturt",
    "C1\u009b2J Times",
    None,
    "OSC" + ESC + "]8;;https://x.example/" + ESC + "\\ Link",
]
for i, f in enumerate(files[:5]):
    with open(os.path.join(sample, f), encoding="utf-8") as fh:
        text = fh.read()
    body = poison_body(poison_names(text))
    name = names[i]
    if name.endswith(".html"):
        paras = "".join("<p>" + p.replace("<", "&lt;") + "</p>\n" for p in body.split("\n\n"))
        content = ("<!DOCTYPE html><html><head><title>HTML title " + SHORT + " " + ESC + "]52;c;aGk=\x07</title>"
                   "<meta property=\"og:site_name\" content=\"Site" + ESC + "[1m Name\"></head><body><article>"
                   + paras + "</article></body></html>\n")
    else:
        content = "---\ntitle: Front-matter title " + SHORT + " " + ESC + "[2J" + "\n---\n" + body
    with open(os.path.join(out.encode(), name.encode("utf-8")), "wb") as fh:
        fh.write(content.encode("utf-8"))
    if outlets[i] is not None:
        manifest[name] = {"outlet": outlets[i]}
with open(os.path.join(out, "parallax-manifest.json"), "w", encoding="utf-8") as fh:
    json.dump(manifest, fh, ensure_ascii=True)

# JSON: outlet, title and text with escapes as JSON \u escapes (including NUL, which no text file can carry).
record = {
    "title": "JSON title " + SHORT + "\u0000nul",
    "source": {"name": "JSON" + ESC + "[31m Outlet\u0000"},
    "published": "2022-01-26",
    "text": "Russian and Ukrainian advisers met in Paris on Wednesday, January 26, 2022, for talks. "
            + ALL + "\u0000 after NUL.\n\n“The talks were useful,” said Dmitry " + ESC + "[1mKozak.",
}
with open(os.path.join(out, "06 json" + ESC + "[1m.json"), "w", encoding="utf-8") as fh:
    json.dump([record, dict(record, title="Second " + SHORT)], fh)
with open(os.path.join(out, "07 lines.jsonl"), "w", encoding="utf-8") as fh:
    fh.write(json.dumps(dict(record, source="JSONL" + ESC + "]52;c;eA==\x07 wire")) + "\n")
    fh.write(json.dumps(dict(record, title="JSONL \u202etwo", text="Short " + ALL)) + "\n")

# Latin-1 with raw 8-bit C1 bytes (0x9B is CSI on 8-bit terminals) among Latin-1 letters.
latin = ("Le président a rencontré les négociateurs à Genève; l'été, les élèves étaient là. " * 4).encode("latin-1")
with open(os.path.join(out, "08 latin1.txt"), "wb") as fh:
    fh.write(b"Titre \x9b31m rouge\n\n" + latin + b"\x9b2J\x9d0;x\x9c fin.\n")
# Invalid UTF-8 mixed with escapes.
with open(os.path.join(out, "09 invalid.txt"), "wb") as fh:
    fh.write(b"Broken \xff\xfe\xc3 bytes \x1b[31m here\n\nThe minister said \xc2\x9b talks \xed\xa0\x80 went well.\n")
