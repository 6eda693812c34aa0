#!/usr/bin/env bash
# End-to-end checks of the CLI binary: exit statuses, one-line errors, JSON, the sample's score.
set -uo pipefail
bin=${1:-.build/debug/parallax}
pass=0; fail=0
check() { # name, condition-command...
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $name"; fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# Its own cache: the default index must not be one that other builds (another schema) left in the user's.
export XDG_CACHE_HOME=$tmp/cache

"$bin" articles /no/such/path >"$tmp/out" 2>"$tmp/err"; rc=$?
check "missing path exits 1" test $rc -eq 1
check "missing path: one line on stderr" test "$(wc -l <"$tmp/err")" -eq 1
[[ $(wc -l <"$tmp/err") -eq 1 ]] || { echo "stderr was:"; cat "$tmp/err"; }
check "missing path: names it" grep -q "no such file or folder: /no/such/path" "$tmp/err"

mkdir "$tmp/empty"
"$bin" articles "$tmp/empty" >/dev/null 2>"$tmp/err"; rc=$?
check "empty corpus exits 1" test $rc -eq 1
check "empty corpus: clear message" grep -q "no articles found" "$tmp/err"

"$bin" show zzzzzz >/dev/null 2>"$tmp/err"; rc=$?
check "unknown id exits 1" test $rc -eq 1
check "unknown id: clear message" grep -q "no article with id zzzzzz" "$tmp/err"
check "no stack trace" bash -c "! grep -qi 'fatal\|stack\|backtrace' '$tmp/err'"

"$bin" articles --json >"$tmp/a.json"; rc=$?
check "articles --json exits 0" test $rc -eq 0
check "articles --json is an array of 5 with the contract's keys" python3 - "$tmp/a.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
keys = {"id", "path", "title", "outlet", "published", "publishedSource", "words", "sources", "actors"}
sys.exit(0 if isinstance(a, list) and len(a) == 5 and all(keys <= set(x) for x in a) else 1)
PY

id=$("$bin" articles --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[4]["id"])')
"$bin" show "$id" >"$tmp/show" 2>&1; rc=$?
check "show ID exits 0" test $rc -eq 0
check "show prints the clean body" grep -q "constructive dialogue" "$tmp/show"
check "show drops furniture" bash -c "! grep -q 'Accessibility links' '$tmp/show'"
"$bin" show "$id" --raw >"$tmp/raw"
check "show --raw keeps the original" grep -q "Accessibility links" "$tmp/raw"

n=$("$bin" articles --search "zelenskiy" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
check "search is case-insensitive" test "$n" -eq 1
n=$("$bin" articles --since 2022-01-22 --until 2022-01-30 --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
check "date filters" test "$n" -ge 2

printf 'Headline with an escape \033]52;c;aGk=\a here\n\nThe minister \033[31msaid\033[0m the talks were useful and would continue next week.\n' >"$tmp/evil.txt"
"$bin" articles "$tmp/evil.txt" >"$tmp/out" 2>&1
check "no ESC or BEL reaches the terminal" bash -c "! grep -qP '[\x00-\x08\x0b-\x1f\x7f]' '$tmp/out'"
"$bin" articles --json "$tmp/evil.txt" >"$tmp/out" 2>&1
check "JSON escapes control characters" bash -c "! grep -qP '[\x00-\x08\x0b-\x1f\x7f]' '$tmp/out'"

score=../shared/eval/score.py
if [[ -f $score ]]; then
  line=$(python3 "$score" ../shared/eval/sample-gold.json Resources/corpus --bin "$bin" | tail -1)
  echo "sample score: $line"
  check "titles 5/5" grep -q "titles 5/5" <<<"$line"
  check "dates at least 3/5" grep -qE "dates [345]/5" <<<"$line"
fi

# --index never takes what the user owns: a folder, a text file, another program's database.
mkdir -p "$tmp/own/keep"; echo "my notes" >"$tmp/own/keep/a.txt"; echo "notes" >"$tmp/own/notes.txt"
before=$(cd "$tmp/own" && find . -type f -exec sha256sum {} + | sort)
for p in "$tmp/own" "$tmp/own/" "$tmp/own/keep" "$tmp/own/keep/.." "$tmp/own/notes.txt" /dev/null; do
  "$bin" articles --index "$p" >/dev/null 2>"$tmp/err"; rc=$?
  check "--index $p refused with 64" test $rc -eq 64
  check "--index $p: one line" test "$(wc -l <"$tmp/err")" -eq 1
done
abs_bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
(cd "$tmp/own/keep" && "$abs_bin" articles --index . >/dev/null 2>"$tmp/err"); rc=$?
check "--index . refused with 64 (no crash)" test $rc -eq 64
after=$(cd "$tmp/own" && find . -type f -exec sha256sum {} + | sort)
check "--index refusals left every file as it was" test "$before" = "$after"
check "--index refusals moved nothing aside" bash -c "! find '$tmp/own' -name '*broken*' | grep -q ."
"$bin" articles --index "$tmp/own/new.sqlite" >/dev/null 2>&1; rc=$?
check "--index on a new path builds an index" test $rc -eq 0
"$bin" articles --index "$tmp/own/new.sqlite" >/dev/null 2>"$tmp/err"; rc=$?
check "--index on its own index opens it quietly" bash -c "test $rc -eq 0 && ! grep -q . '$tmp/err'"

# A date inferred from the event names the article it came from (issue 15).
"$bin" articles --json >"$tmp/pf.json" 2>/dev/null
check "publishedFrom names an article of the corpus for every date inferred from an event" python3 - "$tmp/pf.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
ids = {x["id"] for x in a}
inferred = [x for x in a if x["publishedSource"] == "inferred from event"]
sys.exit(0 if inferred and all(x.get("publishedFrom") in ids - {x["id"]} for x in inferred) else 1)
PY

echo "$pass passed, $fail failed"
test $fail -eq 0
