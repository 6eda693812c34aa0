#!/usr/bin/env bash
# Benchmark: time of update + render after each key on a corpus of 10,000 articles (release build).
# Builds the corpus from the real-news JSONL under ../shared/corpora (never committed) by repeating
# its 5,660 records with distinct ids, then runs `parallax render --time` with a mix of keys.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${PARALLAX_BENCH_JSONL:-../shared/corpora/calebong-news-2021-2023.jsonl}
n=${PARALLAX_BENCH_ARTICLES:-10000}
bin=${1:-.build/release/parallax}
out=${TMPDIR:-/tmp}/parallax-bench-$n.jsonl
[[ -x $bin ]] || { echo "build first: swift build -c release --product parallax"; exit 1; }
python3 - "$src" "$n" "$out" <<'PY'
import json, sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
recs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        r = dict(recs[i % len(recs)])
        if i >= len(recs):
            r["id"] = f'{r["id"]}-copy{i // len(recs)}'
            r["text"] = f'(copy {i // len(recs)}) ' + r["text"]
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
keys="j j j j j k k <PgDn> <PgDn> <PgUp> G g <Enter> j j j <PgDn> <Esc> <Tab> <Tab> j j <Tab> <S-Tab> <S-Tab> <S-Tab>
/ Ukraine <Enter> n n N j j x o CNBC <Enter> j x d 2022-02-01..2022-02-28 <Enter> j x s j s t j <Esc> ? <Esc> r j r"
"$bin" render --quiet --time --size 120x40 --keys "$keys" "$out" 2>&1 >/dev/null | tail -n 80
