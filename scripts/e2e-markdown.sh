#!/usr/bin/env bash
# Safe Markdown reports (issue 14, point 9): `compare --markdown` over articles whose titles, outlets
# and sentences carry HTML, links, images and table syntax, rendered by cmark-gfm (GFM tables and
# autolinks, raw HTML allowed: the most permissive renderer) and by cmark (CommonMark). No tag, link
# or image from an article may survive, and every table row must have as many cells as its header.
# Needs Debian's cmark and cmark-gfm (.ci/run installs them); skipped loudly without them.
set -uo pipefail
bin=$(cd "$(dirname "${1:-.build/debug/parallax}")" && pwd)/$(basename "${1:-.build/debug/parallax}")
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v cmark-gfm >/dev/null || ! command -v cmark >/dev/null; then
  echo "SKIP: e2e-markdown.sh needs cmark and cmark-gfm (apt-get install cmark cmark-gfm) — NOT CHECKED"
  exit 0
fi
tmp=$(mktemp -d /tmp/parallax-markdown.XXXXXX)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$tmp"' EXIT
pass=0; fail=0
check() { local name=$1; shift; if "$@"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $name"; fi; }

c=$tmp/corpus
cp -r "$root/Resources/corpus" "$c"
python3 - "$c" <<'PY'
import json, os, sys
c = sys.argv[1]
evil = ('<img src=x onerror=alert(1)> <script>alert(1)</script> <iframe src="//evil"></iframe> '
        '[x](javascript:alert(1)) ![b](http://beacon/x.png) a \\| b <https://evil> https://evil.example/p '
        'www.evil.example spy@evil.example `tick` *em* ~~del~~')
m = json.load(open(os.path.join(c, "parallax-manifest.json")))
m["000_f51ca1375d79c998.txt"] = {"outlet": "France 24 <img src=x onerror=alert(2)> \\|", "title": "Talks in Paris " + evil}
m["004_d9d63f49e46ab355.txt"] = {"outlet": "VOA [x](javascript:alert(3)) | <b>", "title": "Paris talks ![b](http://beacon/y.png)"}
json.dump(m, open(os.path.join(c, "parallax-manifest.json"), "w"))
for name in ["000_f51ca1375d79c998.txt", "004_d9d63f49e46ab355.txt"]:
    with open(os.path.join(c, name), "a") as f:
        f.write("\n\nThe advisers met in Paris on Wednesday, said Dmitry Kozak, " + evil + ".\n")
PY
"$bin" compare paris --markdown --no-index --quiet "$c" >"$tmp/report.md" 2>"$tmp/err"; rc=$?
check "compare --markdown over the hostile corpus: exit 0" test $rc -eq 0
check "the payloads are in the report (escaped), so the check means something" \
  bash -c "grep -q 'onerror' '$tmp/report.md' && grep -q 'javascript' '$tmp/report.md' && grep -q 'beacon' '$tmp/report.md'"
cmark-gfm --unsafe -e table -e autolink -e strikethrough "$tmp/report.md" >"$tmp/gfm.html"
cmark --unsafe "$tmp/report.md" >"$tmp/cm.html"
for html in gfm cm; do
  python3 - "$tmp/$html.html" >"$tmp/$html.check" <<'PY'
import sys
from html.parser import HTMLParser
allowed = {"h1", "h2", "h3", "p", "ul", "li", "strong", "code", "table", "thead", "tbody", "tr", "th", "td"}
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad, self.rows, self.cells = [], [], None
    def handle_starttag(self, tag, attrs):
        if tag not in allowed or attrs:
            self.bad.append((tag, attrs))
        if tag == "tr": self.cells = 0
        if tag in ("td", "th") and self.cells is not None: self.cells += 1
    def handle_endtag(self, tag):
        if tag == "tr": self.rows.append(self.cells); self.cells = None
        if tag == "table": self.rows.append("end")
p = P()
p.feed(open(sys.argv[1]).read())
for b in p.bad: print("TAG", b)
# Every row of a table has as many cells as the header row.
table = []
for r in p.rows:
    if r == "end":
        if table and len(set(table)) != 1: print("CELLS", table)
        table = []
    else: table.append(r)
print("tables", p.rows.count("end"))
PY
  check "$html: no tag, attribute, link or image from an article survives" bash -c "! grep -q '^TAG' '$tmp/$html.check'"
  grep '^TAG' "$tmp/$html.check" | head -5
done
check "gfm: the tables render, every row with the header's number of cells" \
  bash -c "! grep -q '^CELLS' '$tmp/gfm.check' && grep -q '^tables [1-9]' '$tmp/gfm.check'"
grep '^CELLS' "$tmp/gfm.check" | head -3
check "gfm: the escaped pipe shows as text" grep -qF 'a \| b' "$tmp/gfm.html"
check "gfm: the HTML shows as text" grep -qF '&lt;img src=x onerror=alert(1)&gt;' "$tmp/gfm.html"
check "no href or src anywhere in the HTML" bash -c "! grep -qiE 'href=|src=\"' '$tmp/gfm.html' '$tmp/cm.html'"
echo "$pass passed, $fail failed"
test $fail -eq 0
