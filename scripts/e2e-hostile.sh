#!/usr/bin/env bash
# Hostile input, end to end (issue 7): every command over a corpus whose text, titles, outlets, file
# names and actor names carry terminal control sequences must print nothing that drives a terminal;
# broken, binary, huge and unreadable files give a clear warning while the rest loads; memory stays
# bounded; the corpus folder is never written; the CLI survives a closed pipe and concurrent indexing.
# Everything is generated under one temp folder, removed at the end. See docs/HOSTILE.md.
set -uo pipefail
bin=$(cd "$(dirname "${1:-.build/debug/parallax}")" && pwd)/$(basename "${1:-.build/debug/parallax}")
root=$(cd "$(dirname "$0")/.." && pwd)
here=$root/scripts/hostile
tmp=$(mktemp -d /tmp/parallax-hostile.XXXXXX)
cleanup() { chmod -R u+rwX "$tmp" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export XDG_CACHE_HOME=$tmp/cache   # the default index goes here, not into the user's cache
unset COLUMNS
pass=0; fail=0
check() { # name, condition-command...
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $name"; fi
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# A snapshot of a folder: every entry's path, size, mtime and mode (the corpus must never change).
snapshot() { find "$1" -printf '%P\t%s\t%T@\t%m\t%y\n' 2>/dev/null | LC_ALL=C sort; }

# run LABEL ARGS...: runs parallax, keeps stdout/stderr in $out/N.{out,err}; a status above 1 is a
# crash or a signal. Every byte of both streams is checked by check-clean.py.
out=$tmp/out; mkdir -p "$out"
n=0; crashed=0; leaked=0; runs=0
run() {
  local label=$1; shift
  n=$((n+1)); runs=$((runs+1))
  timeout 300 "$bin" "$@" >"$out/$n.out" 2>"$out/$n.err"
  local rc=$?
  if (( rc > 1 )); then crashed=$((crashed+1)); echo "CRASH ($rc): $label"; tail -3 "$out/$n.err"; fi
  python3 "$here/check-clean.py" "$label" "$out/$n.out" "$out/$n.err" || leaked=$((leaked+1))
  return $rc
}

# ─── 1. Terminal injection through every command ────────────────────────────────────────────────
t0=$(now)
inj=$tmp/inj
python3 "$here/make-injection-corpus.py" "$root/Resources/corpus" "$inj"
# Files that only produce warnings, with hostile names: the warnings print the names.
: >"$inj/10 empty"$'\e[31m'".txt"
printf 'PNG\0\0\0\rIHDR' >"$inj/11 binary"$'\a\e]52;c;eA==\a'".txt"
mkdir "$inj/12 sub"$'\e[2J'
printf '{"ghost\\u001b[31m.txt": {"outlet": "x"}, "bad": 3}' >"$inj/12 sub"$'\e[2J'"/parallax-manifest.json"
printf '[{"title": "cut \e[31m' >"$inj/12 sub"$'\e[2J'"/trunc"$'\u202e'".json"
before=$(snapshot "$inj")
idx=$tmp/inj.sqlite

run "articles" articles "$inj" --index "$idx"
check "injection corpus loads" grep -q "articles" "$out/$n.out"
check "warnings name the hostile files, made visible" grep -q "10 empty␛\[31m.txt: empty file" "$out/$n.err"
check "binary file with BEL/OSC in its name is skipped with a warning" grep -q "11 binary␇␛\]52;c;eA==␇.txt: binary file" "$out/$n.err"
check "manifest naming a missing file with ESC in its name: warning" grep -q "ghost␛\[31m.txt.*does not exist" "$out/$n.err"
check "manifest entry of the wrong shape: warning" grep -q 'entry "bad" is not an object' "$out/$n.err"
run "articles --json" articles --json "$inj" --index "$idx"
ids=$(python3 -c 'import json,sys; print(" ".join(a["id"] for a in json.load(open(sys.argv[1]))))' "$out/$n.out")
check "articles --json parses and lists the poisoned articles" test "$(wc -w <<<"$ids")" -ge 8
check "JSON escapes ESC as \\u001b" grep -q '\\u001b\[31m' "$out/$n.out"
run "articles --no-index" articles "$inj" --no-index
run "articles --search" articles --search "payloads" "$inj" --index "$idx"
run "articles --outlet" articles --outlet evil "$inj" --index "$idx"
COLUMNS=30 run "articles narrow" articles "$inj" --index "$idx"
for id in $ids; do
  run "show $id" show "$id" "$inj" --index "$idx"
  run "show --raw $id" show "$id" --raw "$inj" --index "$idx"
  run "show --json $id" show "$id" --json "$inj" --index "$idx"
  COLUMNS=20 run "show narrow $id" show "$id" "$inj" --index "$idx"
done
check "show --raw makes ESC visible" grep -rq "␛\[31mRED␛\[0m" "$out"
check "show --raw makes C1 CSI visible" grep -rqF "<U+9B>31mC1-CSI" "$out"
check "show: a file name with RLO is shown with placeholders" grep -rqF "02 bidi <U+202E>txt.exe<U+202C> name.txt" "$out"
check "show: a newline and CR in a file name cannot forge a line" grep -rqF "05 new␊line␍cr name.html" "$out"
check "show: no line starts with what followed a newline in a file name" bash -c "! grep -rq '^line␍cr' '$out'"
run "actors" actors "$inj" --index "$idx"
check "a person whose name carries ESC is listed harmlessly" grep -qE "Scholz|Yer␛" "$out/$n.out"
run "actors --json" actors --json "$inj" --index "$idx"
run "actors --kind person" actors --kind person "$inj" --index "$idx"
run "quotes" quotes "$inj" --index "$idx"
run "quotes --json" quotes --json "$inj" --index "$idx"
run "events" events "$inj" --index "$idx"
run "events --all" events --all "$inj" --index "$idx"
run "events --json --all" events --json --all "$inj" --index "$idx"
evs=$(python3 -c 'import json,sys; print(" ".join(e["id"] for e in json.load(open(sys.argv[1]))))' "$out/$n.out")
check "the poisoned corpus still has events" test -n "$evs"
run "timeline" timeline "$inj" --index "$idx"
run "timeline --json" timeline --json "$inj" --index "$idx"
for ev in $evs; do
  run "compare $ev" compare "$ev" "$inj" --index "$idx"
  run "compare --json $ev" compare "$ev" --json "$inj" --index "$idx"
  run "compare --markdown $ev" compare "$ev" --markdown "$inj" --index "$idx"
  run "compare --width 30 $ev" compare "$ev" --width 30 "$inj" --index "$idx"
done
run "index" index "$inj" --index "$idx"
run "index --stats" index --stats "$inj"
run "index --stats --no-index" index --stats "$inj" --no-index
for size in 120x40 80x24; do
  for keys in "" "j j j" "G" "<Enter>" "c" "r" "<Tab>" "<Tab> <Tab> j <Enter>" "t" "?" "/ RED <Enter>" "a Yer <Enter>" "o Evil <Enter>" "j c <Tab> j <Enter>"; do
    run "render $size [$keys]" render --size "$size" --keys "$keys" "$inj" --index "$idx"
  done
done
# Sizes from 1x1 to 400x200 (the Swift tests walk 285 of them); below 60x16 the too-small message.
for size in 1x1 2x2 12x3 40x12 59x15 59x16 60x15 60x16 61x17 200x60 400x200 1x200 400x1; do
  run "render $size" render --size "$size" --keys "j <Enter> c <Tab>" "$inj" --index "$idx"; rc=$?
  w=${size%x*}; h=${size#*x}
  check "render $size: exit 0, $h lines" bash -c "test $rc -eq 0 && test \$(wc -l <'$out/$n.out') -eq $h"
  if (( w < 60 || h < 16 )); then
    if (( w >= 30 && h >= 3 )); then check "render $size: too-small message" grep -q "too small" "$out/$n.out"; fi
    check "render $size: no panes" bash -c "! grep -q 'Articles (' '$out/$n.out'"
  else
    check "render $size: panes, not the too-small message" bash -c "! grep -q 'too small' '$out/$n.out'"
  fi
done
check "render shows ESC as a visible placeholder" grep -rq "␛" "$out"
check "no command crashed ($crashed of $runs)" test "$crashed" -eq 0
check "no command leaked a control character ($leaked of $runs)" test "$leaked" -eq 0
check "the corpus folder is unchanged after every command, index included" test "$before" == "$(snapshot "$inj")"
echo "injection: $runs runs in $(elapsed "$t0") s"

# ─── 2. Broken, binary, odd and unreadable files ───────────────────────────────────────────────
t0=$(now)
f=$tmp/files; mkdir -p "$f"
story() { # title → a short plausible article
  printf '%s\n\nThe foreign ministers of France and Germany met in Geneva on Monday, January 10, 2022, for talks on energy.\n\n"We made progress," said Anna Lindqvist, a spokeswoman, after the meeting ended.\n' "$1"
}
story "A good article that must load" >"$f/good.txt"
story "Name with spaces loads" >"$f/name with spaces.txt"
story "Name with a newline loads" >"$f/new"$'\n'"line.txt"
story "Name with invalid UTF-8" >"$f/bad"$'\xff'"name.txt"
printf 'Text with a NUL\0 byte in it, as binaries have.\n' >"$f/nul.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6' >"$f/image.txt"
python3 - "$f" <<'PY'
import sys, os
f = sys.argv[1]
def w(name, data):
    with open(os.path.join(f, name), "wb" if isinstance(data, bytes) else "w") as fh:
        fh.write(data)
t = "Überraschung in Genf{}\n\nDie Außenminister trafen sich am Montag in Genf zu Gesprächen über Energie.\n"
w("utf16le.txt", b"\xff\xfe" + t.format(" LE").encode("utf-16-le"))
w("utf16be.txt", b"\xfe\xff" + t.format(" BE").encode("utf-16-be"))
w("latin1.txt", "Le président à Genève\n\nLe ministre a rencontré son homologue à Genève lundi pour des négociations.\n".encode("latin-1"))
w("invalid.txt", b"Invalid bytes headline\n\nThe minister \xc3\x28 said \xff\xfe the talks \xed\xa0\x80 were useful.\n")
w("utf8bom.txt", "\ufeffBOM headline here\n\nThe delegates met in Vienna on Tuesday for talks.\n".encode("utf-8"))
# 100k nested unclosed divs, unclosed tags, an unterminated attribute quote, an endless comment, stray "<".
w("nested.html", "<html><title>Deeply nested</title><body>" + "<div>" * 100000 + "<p>Text at the bottom of a deep tree, where the delegates met.</p>")
w("unclosed.html", "<html><head><title>Unclosed tags<body><p>First <b>bold <i>italic <p>second <table><tr><td>cell <a href='x>never closed")
w("quote.html", "<html><body><p>Before the quote, the envoys met.</p><a title=\"" + "x" * 100000 + "\n\nLots of text and no closing quote.")
w("comment.html", "<html><body><p>Visible text before the comment, as reported.</p><!-- " + "never closed " * 10000)
w("lt.html", "<html><body><p>Stray brackets " + "<1'" * 30000 + "</p>")
# JSON: truncated, wrong shapes, deep nesting, records without text.
w("truncated.json", '[{"title": "Cut off", "text": "The talks in Geneva')
w("number.json", "42")
w("strings.json", '["a", "b", 3]')
w("wrongtypes.json", '{"title": 5, "text": ["not", "a", "string"], "source": {"name": 7}}')
w("deep.json", "[" * 100000 + "]" * 100000)
w("deepobj.json", '{"a":' * 50000 + "1" + "}" * 50000)
w("lines.jsonl", '{"title": "JSONL ok", "text": "The envoys met in Oslo on Monday for talks."}\n{broken\n[1,2]\n\n{"title": "no text"}\n' + "[" * 100000 + "\n")
# A manifest naming missing files, with one entry of the wrong shape.
w("parallax-manifest.json", '{"good.txt": {"outlet": "Good Outlet"}, "missing.txt": {"outlet": "Nobody"}, "latin1.txt": 5}')
os.makedirs(os.path.join(f, "badmanifest"))
w("badmanifest/parallax-manifest.json", "[1, 2")
w("badmanifest/ok.txt", "Beside a bad manifest\n\nThe envoys met in Oslo on Monday for talks.\n")
# Issue 14: lone UTF-16 surrogate escapes (a scraper cut an emoji's pair): U+FFFD, the file loads.
w("surrogate.json", r'[{"title": "Lone surrogate \ud83d loads", "text": "The envoys met in Oslo \ud83d on Monday for talks."},'
  r' {"title": "Escaped backslash \\ud83d kept", "text": "The envoys met in Riga on Monday for talks."}]')
w("surrogate.jsonl", r'{"title": "JSONL lone low \udc00 half", "text": "The envoys met in Riga \udc00 on Monday for talks."}' + "\n")
PY
: >"$f/empty.txt"
printf '   \n\t\n  \r\n' >"$f/blank.txt"
printf 'Word\n' >"$f/oneword.txt"
mkdir -p "$f/loop"; ln -s .. "$f/loop/up"; ln -s self.txt "$f/self.txt"; ln -s /nonexistent "$f/dangling.txt"
mkfifo "$f/fifo.txt"
# Issue 14: links to the kernel's endless or blocking files, to a FIFO, and out of the corpus.
ln -s /proc/self/pagemap "$f/pagemap.txt"; ln -s /proc/kmsg "$f/kmsg.txt"; ln -s /proc/self "$f/procself"
ln -s fifo.txt "$f/fifolink.txt"
mkdir -p "$tmp/elsewhere"; story "Outside the corpus" >"$tmp/elsewhere/outside.txt"
ln -s ../elsewhere/outside.txt "$f/outside.txt"
mkdir -p "$f/pipemanifest" "$f/hugemanifest"
mkfifo "$f/pipemanifest/parallax-manifest.json"; story "Beside a FIFO manifest" >"$f/pipemanifest/a.txt"
head -c 20M /dev/zero | tr '\0' ' ' >"$f/hugemanifest/parallax-manifest.json"; story "Beside a 20 MB manifest" >"$f/hugemanifest/a.txt"
mkdir -p "$f/locked"; story "Locked folder" >"$f/locked/inside.txt"
story "Unreadable file" >"$f/unreadable.txt"
# Huge files in a folder of their own: 200 MB of text, one line of 50 MB, a JSONL line of 50 MB
# (PARALLAX_E2E_HUGE_MB sets the first, a quarter of it the others: scripts/test uses 20, scripts/soak 200).
huge_mb=${PARALLAX_E2E_HUGE_MB:-200}; line_mb=$(( huge_mb / 4 ))
big=$tmp/big; mkdir -p "$big"
yes "The delegates met again in Geneva on Monday and said the talks were useful and would continue." | head -c "${huge_mb}M" >"$big/huge.txt"
head -c "${line_mb}M" /dev/zero | tr '\0' 'a' | sed 's/aaaaaaaa/word and /g' >"$big/longline.txt"
{ printf '{"title": "Long line", "text": "'; head -c "${line_mb}M" /dev/zero | tr '\0' 'b'; printf '"}\n{"title": "After the long line", "text": "The envoys met in Oslo on Monday for talks."}\n'; } >"$big/longline.jsonl"
story "Small article beside the huge ones" >"$big/small.txt"
echo "files generated in $(elapsed "$t0") s"

# titles FILE: "title|path|truncated" per article of an `articles --json` output.
titles() {
  python3 -c '
import json, sys
for a in json.load(open(sys.argv[1])):
    print("%s|%s|%s" % (a["title"], a["path"], a["truncated"]))' "$1"
}

t0=$(now)
python3 "$here/maxrss.py" "$tmp/mem" timeout 300 "$bin" articles --json --index "$tmp/big.sqlite" "$big" >"$out/big.json" 2>"$out/big.err"; rc=$?
read -r kb secs <"$tmp/mem"
echo "huge files (${huge_mb} MB, ${line_mb} MB lines): articles ${secs}s, max RSS $((kb / 1024)) MB"
check "huge files: exit 0" test $rc -eq 0
check "huge files: max RSS under 500 MB ($((kb / 1024)) MB)" test "$kb" -lt 512000
python3 "$here/check-clean.py" "big" "$out/big.json" "$out/big.err" || check "huge files: output is clean" false
titles "$out/big.json" >"$tmp/big-titles"
check "200 MB file: capped and marked truncated" grep -q "huge.txt|True" "$tmp/big-titles"
check "200 MB file: a warning" grep -q "huge.txt: larger than 4 MB, truncated" "$out/big.err"
check "50 MB line: capped and marked truncated" grep -q "longline.txt|True" "$tmp/big-titles"
check "JSONL: 50 MB line skipped with a warning" grep -q "longline.jsonl:1: line longer than" "$out/big.err"
check "JSONL: the line after the 50 MB line loads" grep -q "^After the long line|" "$tmp/big-titles"
check "the small article beside them loads" grep -q "^Small article beside the huge ones|" "$tmp/big-titles"

python3 "$here/maxrss.py" "$tmp/mem" timeout 300 "$bin" articles --json --no-index "$f" >"$out/files.json" 2>"$out/files.err"; rc=$?
read -r kb secs <"$tmp/mem"
echo "broken-files corpus: articles --no-index ${secs}s, max RSS $((kb / 1024)) MB"
check "broken-files corpus loads (exit 0, no hang on a FIFO)" test $rc -eq 0
python3 "$here/check-clean.py" "files" "$out/files.json" "$out/files.err" || check "broken-files output is clean" false
titles "$out/files.json" >"$tmp/titles"
err=$out/files.err
check "good file loads" grep -q "^A good article that must load|" "$tmp/titles"
check "name with spaces loads" grep -q "^Name with spaces loads|" "$tmp/titles"
check "name with a newline loads" grep -q "^Name with a newline loads|" "$tmp/titles"
check "name with a newline: JSON escapes it" grep -qF 'new\nline.txt' "$out/files.json"
check "name with invalid UTF-8: a clear warning" grep -q "bad.name.txt: file name is not valid UTF-8" "$err"
check "NUL bytes: skipped as binary" grep -q "nul.txt: binary file" "$err"
check "PNG named .txt: skipped as binary" grep -q "image.txt: binary file" "$err"
check "UTF-16 LE with BOM decoded" grep -q "^Überraschung in Genf LE|" "$tmp/titles"
check "UTF-16 BE with BOM decoded" grep -q "^Überraschung in Genf BE|" "$tmp/titles"
check "Latin-1 decoded" grep -q "^Le président à Genève|" "$tmp/titles"
check "Latin-1: a note" grep -q "latin1.txt: decoded as Latin-1" "$err"
check "invalid UTF-8 replaced, article loads" grep -q "^Invalid bytes headline|" "$tmp/titles"
check "invalid UTF-8: a note" grep -q "invalid.txt: invalid UTF-8 replaced" "$err"
check "UTF-8 BOM dropped" grep -q "^BOM headline here|" "$tmp/titles"
check "100k nested divs: loads" grep -q "nested.html|" "$tmp/titles"
check "unclosed tags: loads" grep -q "unclosed.html|" "$tmp/titles"
check "unterminated comment: text before it loads" grep -q "comment.html|" "$tmp/titles"
check "stray '<' by the thousand: loads" grep -q "lt.html|" "$tmp/titles"
check "truncated JSON: a clear warning" grep -q "truncated.json: not valid JSON" "$err"
check "JSON number: wrong shape" grep -q "number.json: JSON is neither an object nor an array" "$err"
check "JSON array of strings: a warning" grep -qF "strings.json: 3 array element(s) are not objects" "$err"
check "JSON with wrong field types: no text" grep -q "wrongtypes.json: record has no text field" "$err"
check "100k-deep JSON array: a clear warning" grep -q "deep.json: not valid JSON" "$err"
check "50k-deep JSON object: a clear warning" grep -q "deepobj.json: not valid JSON" "$err"
check "JSONL: good line loads" grep -q "^JSONL ok|" "$tmp/titles"
check "JSONL: bad line named" grep -q "lines.jsonl:2: not a JSON object" "$err"
check "JSONL: 100k-deep line named" grep -q "lines.jsonl:6: not a JSON object" "$err"
check "manifest names a missing file" grep -q 'names "missing.txt", which does not exist' "$err"
check "manifest entry of the wrong shape" grep -q 'entry "latin1.txt" is not an object' "$err"
check "manifest outlet applies" python3 -c 'import json,sys; sys.exit(0 if any(a["outlet"] == "Good Outlet" for a in json.load(open(sys.argv[1]))) else 1)' "$out/files.json"
check "malformed manifest: a warning" grep -q 'badmanifest/parallax-manifest.json: manifest is not a JSON object' "$err"
check "malformed manifest: the folder still loads" grep -q '^Beside a bad manifest|' "$tmp/titles"
check "manifest that is a FIFO: a warning, no hang" grep -q "pipemanifest/parallax-manifest.json: manifest is a named pipe, ignored" "$err"
check "manifest that is a FIFO: the folder loads" grep -q "^Beside a FIFO manifest|" "$tmp/titles"
check "20 MB manifest: a warning" grep -q "hugemanifest/parallax-manifest.json: manifest larger than 16 MB, ignored" "$err"
check "20 MB manifest: the folder loads" grep -q "^Beside a 20 MB manifest|" "$tmp/titles"
check "empty file: a warning" grep -q "empty.txt: empty file, skipped" "$err"
check "whitespace-only file: a warning" grep -q "blank.txt: only whitespace, skipped" "$err"
check "one-word article: loaded or named in a warning" bash -c "grep -q 'oneword.txt' '$tmp/titles' || grep -q 'oneword.txt' '$err'"
check "symlink loop reported" grep -q "loop/up: symbolic link loop" "$err"
check "self-referencing symlink: a warning" grep -q "self.txt" "$err"
check "dangling symlink: a warning" grep -q "dangling.txt: broken symbolic link" "$err"
check "named pipe: skipped with a warning, no hang" grep -q "fifo.txt: a named pipe, not a regular file, skipped" "$err"
check "link to /proc/self/pagemap: skipped, no hang" grep -q "pagemap.txt: symbolic link to a system file" "$err"
check "link to /proc/kmsg: skipped, no hang" grep -q "kmsg.txt: symbolic link to a system file" "$err"
check "link to /proc/self (a folder): not walked" grep -q "procself: symbolic link to a system file" "$err"
check "link to a FIFO: skipped" grep -q "fifolink.txt: a named pipe, not a regular file, skipped" "$err"
check "link out of the corpus: skipped, says how to read it" grep -q "outside.txt: symbolic link to .*outside the corpus, skipped (--follow-outside" "$err"
check "link out of the corpus: not read" bash -c "! grep -q '^Outside the corpus|' '$tmp/titles'"
check "lone surrogate in a .json export: U+FFFD, the file loads" grep -q "^Lone surrogate � loads|" "$tmp/titles"
check "lone surrogate in a .json export: an escaped backslash stays text" grep -qF 'Escaped backslash \ud83d kept|' "$tmp/titles"
check "lone surrogate in a .json export: a note" grep -q "surrogate.json: 2 unpaired UTF-16 surrogate escapes replaced" "$err"
check "lone low surrogate in a JSONL line: U+FFFD, the line loads" grep -q "^JSONL lone low � half|" "$tmp/titles"
t1=$(now)
timeout 60 "$bin" articles --no-index --follow-outside "$f" >"$out/follow.out" 2>"$out/follow.err"; rc=$?
check "--follow-outside: exit 0 in seconds ($(elapsed "$t1") s)" test $rc -eq 0
check "--follow-outside: the outside file loads" grep -q "Outside the corpus" "$out/follow.out"
check "--follow-outside: still never /proc" grep -q "pagemap.txt: symbolic link to a system file" "$out/follow.err"
timeout 60 "$bin" articles --no-index /proc/self/pagemap "$f/good.txt" >"$out/procarg.out" 2>"$out/procarg.err"; rc=$?
check "/proc/self/pagemap named on the command line: not read, the rest loads" \
  bash -c "test $rc -eq 0 && grep -q 'pagemap: a system file or folder' '$out/procarg.err' && grep -q 'A good article' '$out/procarg.out'"
check "no crash or stack trace" bash -c "! grep -qi 'fatal error\|stack dump\|backtrace\|segmentation' '$err'"

# Unreadable files and folders: root reads everything, so this part runs as an unprivileged user.
chmod 000 "$f/unreadable.txt" "$f/locked"
if [[ $(id -u) -ne 0 ]]; then as_user() { "$@"; }; have_user=1
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
  as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }; have_user=1
else have_user=0
fi
if [[ $have_user == 1 ]]; then
  chmod 755 "$tmp"; chmod -R a+rX "$f" 2>/dev/null; chmod 000 "$f/unreadable.txt" "$f/locked"
  as_user timeout 120 "$bin" articles --no-index "$f/locked" "$f/unreadable.txt" "$f/good.txt" >"$out/perm.out" 2>"$out/perm.err"; rc=$?
  check "unreadable file and folder: exit 0" test $rc -eq 0
  check "unreadable file and folder: the rest loads" grep -q 'A good article' "$out/perm.out"
  check "unreadable folder: a clear warning" grep -q "locked: folder cannot be read, skipped" "$out/perm.err"
  check "unreadable file: a clear warning" grep -q "unreadable.txt: cannot be read (permission denied), skipped" "$out/perm.err"
  python3 "$here/check-clean.py" "perm" "$out/perm.out" "$out/perm.err" || check "unprivileged output is clean" false
else
  echo "SKIP: unreadable files (running as root and cannot drop privileges with setpriv)"
fi

# Every command over the broken corpus, through an index; then the corpus must be unchanged.
before=$(snapshot "$f")
idx=$tmp/files.sqlite
crashed=0
for cmd in articles actors quotes "events --all" timeline "index --stats"; do
  # shellcheck disable=SC2086
  run "files: $cmd" $cmd "$f" --index "$idx"; rc=$?
  check "broken corpus: $cmd exits 0" test $rc -eq 0
done
run "files: render" render --size 100x30 --keys "j j <Enter> c" "$f" --index "$idx"; rc=$?
check "broken corpus: render exits 0" test $rc -eq 0
check "no crash on the broken corpus" test "$crashed" -eq 0
check "the broken corpus folder is unchanged after every command, index included" test "$before" == "$(snapshot "$f")"
echo "broken files: $(elapsed "$t0") s"

# ─── 3. A folder of 100,000 small files; an index interrupted half way ─────────────────────────
count=${PARALLAX_E2E_FILES:-100000}
t0=$(now)
many=$tmp/many
python3 - "$many" "$count" <<'PY'
import os, sys
d, count = sys.argv[1], int(sys.argv[2])
towns = ["Geneva", "Vienna", "Oslo", "Riga", "Paris", "Berlin", "Rome", "Madrid", "Lisbon", "Warsaw"]
for i in range(count):
    sub = os.path.join(d, f"{i // 1000:03d}")
    if i % 1000 == 0:
        os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f"{i:06d}.txt"), "w") as fh:
        fh.write(f"Report number {i} from {towns[i % 10]}\n\nOfficials met in {towns[i % 10]} on Monday to discuss item {i}.\n")
PY
echo "$count files generated in $(elapsed "$t0") s"
before=$(snapshot "$many")
# SIGINT part way through the first index: what was committed stays consistent, the next run completes it.
# (A background job of a script starts with SIGINT ignored; python restores the default before exec.)
python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
  "$bin" index --index "$tmp/many.sqlite" "$many" >/dev/null 2>"$out/int.err" & ipid=$!
sleep 3; kill -INT $ipid 2>/dev/null; wait $ipid; rc=$?
# (A small PARALLAX_E2E_FILES may finish within the 3 s: then only the status 0 is checked.)
if (( count >= 20000 )); then check "index interrupted by SIGINT part way: status 130 ($rc)" test $rc -eq 130
else check "index of $count files: status 0 or 130 ($rc)" bash -c "test $rc -eq 0 || test $rc -eq 130"; fi
python3 "$here/maxrss.py" "$tmp/mem" "$bin" articles --index "$tmp/many.sqlite" --quiet "$many" >"$out/many.out" 2>"$out/many.err"; rc=$?
read -r kb secs <"$tmp/mem"
echo "$count files: articles (finishing the interrupted index) ${secs}s, max RSS $((kb / 1024)) MB"
check "$count files: exit 0" test $rc -eq 0
check "$count files: all loaded after the interrupted index" grep -q "^$count of $count articles" "$out/many.out"
python3 "$here/maxrss.py" "$tmp/mem" "$bin" articles --index "$tmp/many.sqlite" --quiet "$many" >"$out/many2.out" 2>"$out/many2.err"; rc=$?
read -r kb secs <"$tmp/mem"
echo "$count files: articles again (index up to date) ${secs}s, max RSS $((kb / 1024)) MB"
check "$count files, up-to-date index: all loaded" grep -q "^$count of $count articles" "$out/many2.out"
check "$count files: the folder is unchanged" test "$before" == "$(snapshot "$many")"
echo "many files: $(elapsed "$t0") s"

# ─── 4. Process: a closed pipe, two indexers at once ────────────────────────────────────────────
"$bin" articles --index "$tmp/sample.sqlite" 2>"$out/pipe.err" | head -1 >/dev/null
rc=${PIPESTATUS[0]}
check "articles | head -1: conventional status ($rc: 0 or 141)" bash -c "test $rc -eq 0 || test $rc -eq 141"
check "articles | head -1: nothing on stderr" test ! -s "$out/pipe.err"
yes "The envoys met in Oslo on Monday and said the talks were useful." | head -c 300000 >"$tmp/pipe-big.txt"
pid1=$("$bin" articles --json --no-index "$tmp/pipe-big.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$bin" show "$pid1" --raw --no-index "$tmp/pipe-big.txt" 2>"$out/pipe2.err" | head -c 100 >/dev/null
rc=${PIPESTATUS[0]}
check "show --raw | head -c 100: conventional status ($rc)" bash -c "test $rc -eq 0 || test $rc -eq 141"
check "show --raw | head -c 100: nothing on stderr" test ! -s "$out/pipe2.err"
"$bin" articles --json --index "$tmp/sample.sqlite" 2>"$out/pipe3.err" | head -1 >/dev/null
rc=${PIPESTATUS[0]}
check "articles --json | head -1: conventional status ($rc)" bash -c "test $rc -eq 0 || test $rc -eq 141"
check "articles --json | head -1: nothing on stderr" test ! -s "$out/pipe3.err"

# A file of garbage named by --index is not Parallax's: refused (exit 64), left exactly as it was.
head -c 100000 /dev/urandom >"$tmp/junk.sqlite"
junk_sum=$(sha256sum <"$tmp/junk.sqlite")
"$bin" articles --index "$tmp/junk.sqlite" "$inj" >"$out/junk.out" 2>"$out/junk.err"; rc=$?
check "garbage at --index: refused with 64" test $rc -eq 64
check "garbage at --index: the file is unchanged" test "$junk_sum" = "$(sha256sum <"$tmp/junk.sqlite")"
check "garbage at --index: nothing moved aside" bash -c "! ls '$tmp' | grep -q 'junk.sqlite.broken'"
# Parallax's own index in its cache folder, turned to garbage: moved aside with a message, rebuilt.
"$bin" index --quiet "$inj" >/dev/null 2>&1
own=$(ls "$XDG_CACHE_HOME"/parallax/index-*.sqlite | head -1)
head -c 100000 /dev/urandom >"$own"; rm -f "$own-wal" "$own-shm"
"$bin" articles "$inj" >"$out/junk2.out" 2>"$out/junk2.err"; rc=$?
check "garbage own index: exit 0 and the articles" bash -c "test $rc -eq 0 && grep -q 'of 11 articles' '$out/junk2.out'"
check "garbage own index: a message, moved aside" grep -q "not an SQLite database: moved aside" "$out/junk2.err"

for round in 1 2 3; do
  shared=$tmp/shared-$round.sqlite
  "$bin" index --index "$shared" --quiet "$inj" >"$out/c1.out" 2>"$out/c1.err" & p1=$!
  "$bin" index --index "$shared" --quiet "$inj" >"$out/c2.out" 2>"$out/c2.err" & p2=$!
  wait $p1; r1=$?; wait $p2; r2=$?
  check "two indexers at once (round $round): both exit 0 ($r1, $r2)" bash -c "test $r1 -eq 0 && test $r2 -eq 0"
  [[ $r1 -eq 0 && $r2 -eq 0 ]] || cat "$out/c1.err" "$out/c2.err" | head -5
  "$bin" articles --index "$shared" --quiet "$inj" >"$out/c3.out" 2>&1; r3=$?
  check "two indexers at once (round $round): the index reads back" bash -c "test $r3 -eq 0 && grep -q 'of 11 articles' '$out/c3.out'"
done

# ─── 5. Issue 14: busy is not broken, damage is repaired ───────────────────────────────────────
# A corpus big enough that its index has pages to damage.
dmg=$tmp/dmg; mkdir -p "$dmg"
python3 - "$dmg" <<'PY'
import os, sys
root = sys.argv[1]
people = ["Olaf Scholz", "Emmanuel Macron", "Joe Biden", "Sergei Lavrov"]
for i in range(300):
    a, b = people[i % 4], people[(i // 4) % 4]
    os.makedirs(f"{root}/f{i % 5}", exist_ok=True)
    with open(f"{root}/f{i % 5}/a{i}.txt", "w") as f:
        f.write(f"Talks in Oslo, report {i}\n\n" + " ".join(f"{a} met {b} in Oslo on Monday, said report {i}.{j}." for j in range(20)) + "\n")
PY
"$bin" index --quiet --index "$tmp/dmg.sqlite" "$dmg" >/dev/null 2>&1
cp "$tmp/dmg.sqlite" "$tmp/dmg-clean.sqlite"
# Data pages overwritten in the middle, the header kept: the first command that meets them moves the
# index aside (a rename) and rebuilds, with one line.
python3 - "$tmp/dmg.sqlite" <<'PY'
import os, sys
p = sys.argv[1]; n = os.path.getsize(p) // 4096
with open(p, "r+b") as f:
    for page in range(n // 4, 3 * n // 4):
        f.seek(page * 4096); f.write(os.urandom(4096))
PY
"$bin" actors --index "$tmp/dmg.sqlite" "$dmg" >"$out/dmg.out" 2>"$out/dmg.err"; rc=$?
check "overwritten pages: exit 0 ($rc)" test $rc -eq 0
check "overwritten pages: one line, moved aside and rebuilt" bash -c "test \$(wc -l <'$out/dmg.err') -eq 1 && grep -q 'damaged.*moved aside.*rebuilt' '$out/dmg.err'"
check "overwritten pages: the damaged file kept (renamed)" bash -c "ls '$tmp' | grep -q '^dmg.sqlite.broken-'"
"$bin" articles --index "$tmp/dmg.sqlite" "$dmg" >"$out/dmg2.out" 2>"$out/dmg2.err"; rc=$?
check "overwritten pages: the rebuilt index lists all 300, silently" bash -c "test $rc -eq 0 && grep -q '^300 of 300 articles' '$out/dmg2.out' && test ! -s '$out/dmg2.err'"
# The main file truncated next to a WAL (changes not yet checkpointed, as after a kill).
cp "$tmp/dmg-clean.sqlite" "$tmp/trunc.sqlite"
python3 - "$tmp/trunc.sqlite" <<'PY'
import os, sqlite3, sys
p = sys.argv[1]
c = sqlite3.connect(p); c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("UPDATE article SET words = words + 1"); c.commit()
size = os.path.getsize(p)
os.truncate(p, size // 2)
os._exit(0)  # no close: the WAL stays
PY
"$bin" articles --index "$tmp/trunc.sqlite" "$dmg" >"$out/trunc.out" 2>"$out/trunc.err"; rc=$?
check "truncated next to a WAL: exit 0, all 300 ($rc)" bash -c "test $rc -eq 0 && grep -q '^300 of 300 articles' '$out/trunc.out'"
check "truncated next to a WAL: one line, moved aside" bash -c "test \$(wc -l <'$out/trunc.err') -eq 1 && grep -q 'moved aside' '$out/trunc.err'"
# A reader next to a process holding SQLite's write lock: not blocked, nothing moved aside. The
# holder first commits a write, as any writer of the index has (so the WAL is not empty: opening an
# index whose WAL is empty writes one frame, which would wait for the lock).
cp "$tmp/dmg-clean.sqlite" "$tmp/busy.sqlite"
"$bin" articles --index "$tmp/busy.sqlite" "$dmg" >/dev/null 2>&1
python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute("INSERT OR REPLACE INTO meta VALUES (char(101, 50, 101), hex(randomblob(4)))")
c.execute("BEGIN IMMEDIATE"); c.execute("UPDATE meta SET value = value")
print("locked", flush=True); time.sleep(8)' "$tmp/busy.sqlite" >"$out/holder.out" & holder=$!
for _ in $(seq 50); do grep -q locked "$out/holder.out" 2>/dev/null && break; sleep 0.1; done
t0=$(date +%s.%N)
timeout 20 "$bin" articles --index "$tmp/busy.sqlite" "$dmg" >"$out/busy.out" 2>"$out/busy.err"; rc=$?
secs=$(python3 -c "import time; print(round(time.time() - $t0, 1))")
check "a reader next to a held write lock: exit 0 in ${secs}s (< 5)" bash -c "test $rc -eq 0 && python3 -c 'import sys; sys.exit(0 if $secs < 5 else 1)'"
check "a reader next to a held write lock: nothing moved aside" bash -c "! ls '$tmp' | grep -q '^busy.sqlite.broken'"
wait $holder
# A second update waits for the one that holds the index lock (here held by flock(1) for 3 s),
# names the holder, then finds nothing to do.
touch "$dmg/f0/a0.txt"
flock "$tmp/busy.sqlite.lock" sleep 3 & locker=$!
sleep 0.3
t0=$(date +%s.%N)
"$bin" index --index "$tmp/busy.sqlite" "$dmg" >"$out/wait.out" 2>"$out/wait.err"; rc=$?
secs=$(python3 -c "import time; print(round(time.time() - $t0, 1))")
check "a second indexer waits for the lock (${secs}s ≥ 2), exit 0 ($rc)" bash -c "test $rc -eq 0 && python3 -c 'import sys; sys.exit(0 if $secs >= 2 else 1)'"
check "a second indexer says whom it waits for" grep -q "waiting for .*updating this index" "$out/wait.err"
wait $locker
# Two indexers and two readers at once on a new index: all exit 0, one of the indexers reads nothing.
rm -f "$tmp/two.sqlite"*
"$bin" index --index "$tmp/two.sqlite" "$dmg" >"$out/t1.out" 2>"$out/t1.err" & p1=$!
"$bin" index --index "$tmp/two.sqlite" "$dmg" >"$out/t2.out" 2>"$out/t2.err" & p2=$!
sleep 1
"$bin" articles --index "$tmp/two.sqlite" --quiet "$dmg" >"$out/t3.out" 2>"$out/t3.err" & p3=$!
"$bin" actors --index "$tmp/two.sqlite" --quiet "$dmg" >"$out/t4.out" 2>"$out/t4.err" & p4=$!
wait $p1; r1=$?; wait $p2; r2=$?; wait $p3; r3=$?; wait $p4; r4=$?
check "two indexers and two readers: all exit 0 ($r1 $r2 $r3 $r4)" bash -c "test $r1 -eq 0 && test $r2 -eq 0 && test $r3 -eq 0 && test $r4 -eq 0"
check "two indexers: one read the files, the other nothing" bash -c "cat '$out/t1.out' '$out/t2.out' | grep -c '^300 files: 0 read' | grep -qx 1"
check "two indexers and two readers: nothing moved aside" bash -c "! ls '$tmp' | grep -q '^two.sqlite.broken'"

echo "$pass passed, $fail failed"
test $fail -eq 0
