#!/usr/bin/env python3
"""Wall time and peak memory of one article of each adversarial shape at 1 MB and 4 MB (issue 14,
point 8), the shapes of Tests/ParallaxCoreTests/LinearWorkTests.swift made the same way.

    scripts/bench/adversarial-shapes.py [PARALLAX_BIN] [--shape NAME]

Runs `PARALLAX_BIN events --no-index FILE` on each (a fresh cache each time) and prints the two times
and their ratio: a linear stage gives about 4x for 4x the text, a quadratic one 16x."""
import os, resource, subprocess, sys, tempfile, time

SYL = ["ka", "ro", "mi", "ta", "ve", "lo", "san", "dor", "el", "ri", "no", "bar", "tes", "ul"]
MONTHS = "January February March April May June July August September October November December".split()


def word(i, capital=False):
    n = (i * 2654435761) & 0xFFFFFF
    w = ""
    for _ in range(3):
        w += SYL[n % len(SYL)]
        n //= len(SYL)
    return w[0].upper() + w[1:] if capital else w


def fill(b, unit):
    out, n, i = [], 0, 0
    while n < b:
        s = unit(i)
        out.append(s)
        n += len(s.encode())
        i += 1
    return "".join(out)


SHAPES = {
    "dense event words": ("txt", lambda b: fill(b, lambda i: f"talks meeting Geneva on Monday summit {'Paris' if i % 2 == 0 else 'Vienna'} call ")),
    "hard-wrapped paragraph": ("txt", lambda b: "Talks resume\n\n" + fill(b, lambda i: " ".join(word(i * 12 + k) for k in range(12)) + "\n")),
    "unclosed aside then nav": ("html", lambda b: "<html><body><article><p>Talks in Geneva went on.</p>" + "<aside>" * (b // 13) + "</nav>" * (b // 13) + "</article></body></html>"),
    "capitalised runs": ("txt", lambda b: fill(b, lambda i: word(i, True) + (".\n\n" if i % 5000 == 4999 else " "))),
    "many people": ("txt", lambda b: fill(b, lambda i: f"President {word(i, True)} {word(i + 7, True)} met {word(i + 3, True)} on Monday. ")),
    "many quotes": ("txt", lambda b: fill(b, lambda i: f"\u201cWe will {word(i)} the talks,\u201d {word(i % 300, True)} {word(i % 300 + 1, True)} said. ")),
    "event words and dates": ("txt", lambda b: fill(b, lambda i: f"talks on {MONTHS[i % 12]} {1 + i % 28} in {'Oslo' if i % 3 == 0 else 'Rome'} then a summit ")),
    "deep nesting": ("html", lambda b: "<html><body>" + "<div><span>" * (b // 11) + "Talks went on." + "</body></html>"),
}


def run(binary, ext, text):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "article." + ext)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        env = dict(os.environ, XDG_CACHE_HOME=os.path.join(d, "cache"))
        t = time.monotonic()
        p = subprocess.Popen([binary, "events", "--no-index", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        return time.monotonic() - t, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main():
    args = sys.argv[1:]
    only = None
    if "--shape" in args:
        i = args.index("--shape")
        only = args[i + 1]
        del args[i:i + 2]
    binary = args[0] if args else ".build/release/parallax"
    print(f"{'shape':26} {'1 MB s':>8} {'4 MB s':>8} {'ratio':>6} {'4 MB peak MB':>13}")
    for name, (ext, make) in SHAPES.items():
        if only and only not in name:
            continue
        t1, _, rc1 = run(binary, ext, make(1 << 20))
        t4, m4, rc4 = run(binary, ext, make((4 << 20) - 4096))
        flag = "" if rc1 == rc4 == 0 else f"  exit {rc1}/{rc4}"
        print(f"{name:26} {t1:8.2f} {t4:8.2f} {t4 / max(t1, 1e-3):6.1f} {m4:13.0f}{flag}")


if __name__ == "__main__":
    main()
