#!/usr/bin/env python3
"""Write the corpus records a gold file references as one JSON file per article.

    materialise.py GOLD.json OUTDIR [CORPUS.jsonl]

GOLD.json's articles name their file `<id>.json` (e.g. cal-00123.json). Each is looked up by id in the
corpus (default ../shared/corpora/calebong-news-2021-2023.jsonl, relative to the repository root, i.e. to
this script's ../..) and written as OUTDIR/<id>.json = {"title", "text", "outlet", "date", "url"}: the
keys parallax's JSON reader takes (Sources/ParallaxCore/Ingest/JSONArticles.swift). The texts stay
outside the repository; OUTDIR should be a temporary directory.

The corpus's sha256 is checked against the one its README records; a difference is only a warning
(labels were made on that version, so scores on another may not mean the same).
"""
import hashlib, json, os, sys

EXPECTED_SHA256 = "fdc9604daa89d8f96d72344f6963ed97fa4a061cc8a242c2163f90ec460ce8f3"
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_CORPUS = os.path.join(REPO, "..", "shared", "corpora", "calebong-news-2021-2023.jsonl")


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    gold_path, outdir = sys.argv[1], sys.argv[2]
    corpus = sys.argv[3] if len(sys.argv) == 4 else DEFAULT_CORPUS
    if not os.path.exists(corpus):
        sys.exit(f"materialise: corpus not found: {corpus} (give its path as the third argument)")
    h = hashlib.sha256()
    with open(corpus, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    if h.hexdigest() != EXPECTED_SHA256:
        print(f"materialise: warning: {corpus} sha256 {h.hexdigest()} differs from the README's {EXPECTED_SHA256}",
              file=sys.stderr)
    gold = json.load(open(gold_path, encoding="utf-8"))
    wanted = {}
    for a in gold["articles"]:
        name = a["file"]
        if not name.endswith(".json"):
            sys.exit(f"materialise: {name}: expected <id>.json")
        wanted[name[: -len(".json")]] = name
    os.makedirs(outdir, exist_ok=True)
    found = 0
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            name = wanted.get(r.get("id"))
            if name is None:
                continue
            doc = {"title": r["title"], "text": r["text"], "outlet": r["outlet"], "date": r["date"],
                   "url": r.get("source_url")}
            with open(os.path.join(outdir, name), "w", encoding="utf-8") as out:
                json.dump(doc, out, ensure_ascii=False, indent=1)
                out.write("\n")
            found += 1
    missing = sorted(set(wanted) - {n[:-5] for n in os.listdir(outdir) if n.endswith(".json")})
    if missing:
        sys.exit(f"materialise: not in the corpus: {', '.join(missing)}")
    print(f"materialise: {found} articles written to {outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
