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

# Issue 12: tables piped to another program are whole; `-` is standard input; an ambiguous id part
# lists the candidates (exit 64); a mistyped subcommand is named; usage errors exit 64.
long=$("$bin" articles --json | python3 -c 'import json,sys; print(max((a["title"] or "" for a in json.load(sys.stdin)), key=len))')
COLUMNS=40 "$bin" articles >"$tmp/piped" 2>/dev/null
check "a piped table keeps the longest title whole (COLUMNS=40 ignored off a terminal)" grep -qF -- "$long" "$tmp/piped"
check "a piped table is wider than 80 columns when its rows are" test "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$tmp/piped")" -gt 80

printf 'Envoys meet in Geneva\n\nGENEVA, Jan 10 (Reuters) - Russian and US diplomats met in Geneva on Monday for talks on security guarantees, and both sides said the talks were difficult.\n' >"$tmp/one.txt"
"$bin" articles - <"$tmp/one.txt" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "- reads one article from standard input" bash -c "test $rc -eq 0 && grep -q 'Envoys meet in Geneva' '$tmp/out' && grep -q '1 of 1 articles' '$tmp/out'"
"$bin" show - <"$tmp/one.txt" >"$tmp/out" 2>&1; rc=$?
check "show - prints the article on standard input" bash -c "test $rc -eq 0 && grep -q 'security guarantees' '$tmp/out'"
"$bin" articles - --json <"$tmp/one.txt" | python3 -c 'import json,sys; a=json.load(sys.stdin); sys.exit(0 if len(a)==1 and a[0]["title"]=="Envoys meet in Geneva" else 1)'
check "articles - --json: the one article" test $? -eq 0
check "- leaves no temporary file behind" bash -c "! ls -d \"\${TMPDIR:-/tmp}\"/parallax-stdin-* 2>/dev/null | grep -q ."
"$bin" articles - </dev/null >/dev/null 2>"$tmp/err"; rc=$?
check "- with nothing on standard input: exit 1, one line" bash -c "test $rc -eq 1 && test \$(wc -l <'$tmp/err') -eq 1 && grep -q 'standard input is empty' '$tmp/err'"

# An article id prefix shared by two articles, and an event id prefix shared by two events.
part=$("$bin" articles --json | python3 -c '
import json, sys
ids = [a["id"] for a in json.load(sys.stdin)]
for n in range(1, 10):
    seen = {}
    for i in ids: seen.setdefault(i[:n], []).append(i)
    amb = [p for p, v in seen.items() if len(v) > 1]
    if amb: print(amb[0]); break')
if [[ -n $part ]]; then
  "$bin" show "$part" >/dev/null 2>"$tmp/err"; rc=$?
  check "show with an ambiguous prefix exits 64" test $rc -eq 64
  check "show with an ambiguous prefix lists the candidates" test "$(grep -c "^  $part" "$tmp/err")" -ge 2
fi
epart=$("$bin" events --json | python3 -c '
import json, os, sys
ids = [e["id"] for e in json.load(sys.stdin)]
print(os.path.commonprefix(ids[:2]) if len(ids) > 1 else "")')
if [[ -n $epart ]]; then
  "$bin" compare "$epart" >/dev/null 2>"$tmp/err"; rc=$?
  check "compare with an ambiguous id part exits 64" test $rc -eq 64
  check "compare with an ambiguous id part lists the candidates" test "$(grep -c "^  $epart" "$tmp/err")" -ge 2
  "$bin" articles --event "$epart" >/dev/null 2>"$tmp/err"; rc=$?
  check "articles --event with an ambiguous id part exits 64" test $rc -eq 64
fi

"$bin" artciles >/dev/null 2>"$tmp/err"; rc=$?
check "a mistyped subcommand exits 64" test $rc -eq 64
check "a mistyped subcommand: did you mean" grep -q 'did you mean `parallax articles`' "$tmp/err"
"$bin" evnets >/dev/null 2>"$tmp/err"; rc=$?
check "evnets: did you mean events" bash -c "test $rc -eq 64 && grep -q 'parallax events' '$tmp/err'"
for args in "articles --since 2022-13-45" "articles --until yesterday" "articles --bogus" "actors --kind planet" \
            "render --size 12" "show" "compare"; do
  "$bin" $args >/dev/null 2>"$tmp/err"; rc=$?
  check "usage error exits 64: parallax $args" test $rc -eq 64
  check "usage error says what: parallax $args" grep -qi 'error\|not a\|missing\|must' "$tmp/err"
done

# articles --sort: the TUI's orders (SortedArticlesTests compares them row for row); the table and
# JSON agree; a bad order is a usage error.
"$bin" articles --sort title --json >"$tmp/st.json" 2>/dev/null; rc=$?
check "articles --sort title exits 0" test $rc -eq 0
check "articles --sort title: titles in order" python3 -c "
import json,sys; t=[a['title'].casefold() for a in json.load(open('$tmp/st.json'))]; sys.exit(0 if len(t) > 2 and t == sorted(t) else 1)"
"$bin" articles --sort title --reverse --json >"$tmp/str.json" 2>/dev/null
check "articles --sort title --reverse: the reverse" python3 -c "
import json,sys; a=[x['id'] for x in json.load(open('$tmp/st.json'))]; b=[x['id'] for x in json.load(open('$tmp/str.json'))]; sys.exit(0 if a == b[::-1] else 1)"
check "articles --sort 'title desc' is --reverse" bash -c "diff <('$bin' articles --sort 'title desc' 2>/dev/null) <('$bin' articles --sort title --reverse 2>/dev/null)"
"$bin" articles --sort title >"$tmp/st.txt" 2>/dev/null
check "the table lists the JSON's order" python3 -c "
import json,sys; ids=[a['id'] for a in json.load(open('$tmp/st.json'))]; rows=[l.split()[0] for l in open('$tmp/st.txt').read().splitlines()[2:-1]]; sys.exit(0 if rows == ids else 1)"
"$bin" articles --sort relevance >/dev/null 2>"$tmp/err"; rc=$?
check "--sort relevance without words exits 64" bash -c "test $rc -eq 64 && grep -q 'needs words' '$tmp/err'"
"$bin" articles --sort sideways >/dev/null 2>"$tmp/err"; rc=$?
check "--sort sideways exits 64" bash -c "test $rc -eq 64 && grep -q 'not an order' '$tmp/err'"
"$bin" articles --sort relevance --search talks >/dev/null 2>&1; rc=$?
check "--sort relevance --search talks exits 0" test $rc -eq 0

# A bad line in a user's data file is reported once, as file:line: what is wrong (issue 12).
mkdir -p "$tmp/config"
printf 'quit | Q\nexit | x\ndown | j <Dwn>\n' >"$tmp/config/keymap.txt"
printf 'person | 33 | red\nperson | 33 | pinkish\n' >"$tmp/config/theme.txt"
printf 'parley | talks | strong\nconclave | conclave\n' >"$tmp/config/event-words.txt"
printf 'geneva = geneva OR paris\nno equals here\nbad = (geneva\n' >"$tmp/config/queries.txt"
printf 'copy = osc52\ncopy = clipboard\n' >"$tmp/config/settings.txt"
PARALLAX_CONFIG="$tmp/config" "$bin" articles --no-index >/dev/null 2>"$tmp/err"; rc=$?
check "config errors: the command still runs" test $rc -eq 0
check "config errors: keymap line 2 named once" test "$(grep -c "keymap.txt:2: unknown action “exit”" "$tmp/err")" -eq 1
check "config errors: keymap line 3 (a key)" grep -q "keymap.txt:3: unknown key “<Dwn>”" "$tmp/err"
check "config errors: theme line 2 (a colour)" grep -q "theme.txt:2: unknown colour “pinkish”" "$tmp/err"
check "config errors: event-words line 2 (a kind)" grep -q "event-words.txt:2: unknown kind “conclave”" "$tmp/err"
check "config errors: saved queries line 2, once" test "$(grep -c 'queries.txt:2: expected `name = query`' "$tmp/err")" -eq 1
check "config errors: settings line 2 (a copy route)" grep -q "settings.txt:2: copy: unknown value “clipboard”" "$tmp/err"
check "config errors: saved queries line 3 (the query's column)" grep -q "queries.txt:3: “(” is not closed (column 1 of the query)" "$tmp/err"
PARALLAX_CONFIG="$tmp/config" "$bin" articles --no-index --query @geneva >/dev/null 2>"$tmp/err2"; rc=$?
check "a saved query from the same folder runs, its file reported once" bash -c "test $rc -eq 0 && test \$(grep -c 'queries.txt:2:' '$tmp/err2') -eq 1"
check "config errors: the good lines are not reported" bash -c "! grep -q 'keymap.txt:1:\|theme.txt:1:\|event-words.txt:1:\|queries.txt:1:\|settings.txt:1:' '$tmp/err'"

echo "$pass passed, $fail failed"
test $fail -eq 0
