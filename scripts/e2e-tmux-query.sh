#!/usr/bin/env bash
# End-to-end check of the query language and the working set in the real TUI under tmux: a query with
# OR and NOT (its count checked against the CLI's answer to the same query), a query error with its
# column, marks and a tag surviving a restart and `parallax index --rebuild`, a saved query used from
# the CLI, export of the list and of the comparison to files, and a pipe to a command. Everything it
# writes lives in a temporary folder; it kills only the tmux session it creates.
set -uo pipefail
bin=$(cd "$(dirname "${1:-.build/debug/parallax}")" && pwd)/$(basename "${1:-.build/debug/parallax}")
command -v tmux >/dev/null || { echo "SKIP: tmux not installed"; exit 0; }
session=parallax-e2e-query-$$
tmp=$(mktemp -d)
pass=0; fail=0
check() { # name, condition-command...
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $name"; screen | sed 's/^/    | /'; fi
}
cleanup() { tmux kill-session -t "$session" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
source "$(dirname "$0")/tmux-lib.sh"

idx=$tmp/index.sqlite
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data XDG_CACHE_HOME=$tmp/cache
cli() { "$bin" "$@" --index "$idx" 2>/dev/null; }
# "N of M articles" → N
count() { cli articles --query "$1" | tail -1 | sed -E 's/^([0-9]+) of.*/\1/'; }

tmux new-session -d -s "$session" -x 120 -y 40 "env -i PATH=$PATH HOME=$HOME TERM=screen-256color LANG=C.UTF-8 XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_CACHE_HOME=$XDG_CACHE_HOME PS1='e2e\$ ' bash --norc --noprofile -i"
wait_for 'e2e\$' || { echo "FAIL: shell did not start"; exit 1; }
start_tui() {
  keys "clear" Enter
  keys "$bin --index $idx" Enter
  wait_for 'Articles \(' || return 1
}
quit_tui() { keys Escape Escape q; wait_for '^e2e\$ ?$'; }

cli index >/dev/null
total=$(cli articles | tail -1 | sed -E 's/.* of ([0-9]+) articles.*/\1/')

# 1. A query with OR and NOT: the TUI lists as many as the CLI finds for the same text.
check "opens the sample" start_tui
q='(geneva OR paris) -outlet:"France 24"'
want=$(count "$q")
check "the CLI finds some but not all ($want of $total)" test "$want" -gt 0 -a "$want" -lt "$total"
keys /; type_text "$q"; keys Enter
check "OR and NOT in the TUI: $want of $total" wait_for "Articles \($want/$total\)"
check "the status line shows the query" wait_for 'query: \(geneva OR paris\) -outlet:"France 24"'
q2='geneva OR paris -talks'
want2=$(count "$q2")
keys x /; type_text "$q2"; keys Enter
check "AND binds tighter than OR: $want2 of $total" wait_for "Articles \($want2/$total\)"
# An error names the column and keeps the list.
keys x /; type_text '(geneva'
check "a query error shows its column" wait_for 'column 1: “\(” is not closed'
keys Escape

# 2. Marks and a tag: Space marks the first two, T tags the second.
keys x g Space j Space T; type_text follow-up; keys Enter
check "tagging says so" wait_for 'tagged “follow-up”'
check "marked articles show a mark" wait_for '●'
quit_tui
check "the CLI sees two marked" test "$(count is:marked)" = 2
check "the CLI sees the tag" test "$(count tag:follow-up)" = 1

# 3. After a restart and after index --rebuild, they are still there.
check "restarts" start_tui
keys /; type_text 'is:marked'; keys Enter
check "marks survive a restart" wait_for "Articles \(2/$total\)"
quit_tui
cli index --rebuild >/dev/null
check "the rebuild re-read every file" bash -c "'$bin' index --index '$idx' --stats 2>/dev/null | grep -q 'articles'"
check "restarts after the rebuild" start_tui
keys /; type_text 'is:marked OR tag:follow-up'; keys Enter
check "marks and tags survive index --rebuild" wait_for "Articles \(2/$total\)"

# 4. Save the query; the CLI runs it by name.
keys S; type_text marked-set; keys Enter
check "saving says so" wait_for 'saved to'
check "the CLI runs the saved query" test "$(cli articles --query @marked-set | tail -1 | sed -E 's/^([0-9]+) of.*/\1/')" = 2

# 5. Export the list to Markdown, the comparison to JSON.
keys E; type_text "$tmp/list.md"; keys Enter
check "export of the list says so" wait_for "exported to"
check "the Markdown file lists the query and both articles" bash -c "grep -q 'Query: .is:marked OR tag:follow-up. — 2 of $total' '$tmp/list.md' && test \$(grep -c '^| 20' '$tmp/list.md') = 2"
keys E; type_text "$tmp/list.md"; keys Enter
check "an existing file is never overwritten" wait_for "exists; nothing written"
keys x g c
if wait_for 'Comparison'; then
  keys E; type_text "$tmp/cmp.json"; keys Enter
  check "export of the comparison" wait_for "exported to"
  check "the comparison JSON parses and has outlet columns" python3 -c "
import json,sys; d=json.load(open('$tmp/cmp.json')); sys.exit(0 if len(d['columns']) >= 2 and d['rows'] else 1)"
  keys Escape
fi

# 5b. The command line: a query, then an export, by name.
keys x ':'; type_text 'query is:marked'; keys Enter
check ":query sets the query" wait_for "Articles \(2/$total\)"
keys ':'; type_text "ex $tmp/cmd.md"; keys Enter
check ":ex (a prefix of export) says so" wait_for "exported to"
check ":ex wrote the list" bash -c "test \$(grep -c '^| 20' '$tmp/cmd.md') = 2"
keys ':'; type_text 'frobnicate'; keys Enter
check "an unknown command lists the commands" wait_for 'unknown command “frobnicate”'

# 5c. Sorting: = sorts by the next key (outlet), :sort by name; the header marks the column, the status
# line says the order, and the first row is the CLI's first for the same order.
keys x '='
check "= sorts by outlet: the header says so" wait_for 'Outlet ↑'
check "the status line says the order" wait_for 'sort: outlet ↑'
keys ':'; type_text 'sort title desc'; keys Enter
check ":sort title desc marks the title column" wait_for 'Title ↓'
first=$(cli articles --sort 'title desc' --json | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['title'][:20])")
first_row_has() { sleep 0.3; screen | sed -n 3p | grep -qF -- "$1"; }
no_sort_shown() { sleep 0.3; ! screen | grep -q 'sort: '; }
check "the first row is the CLI's first for --sort 'title desc' ($first)" first_row_has "$first"
keys R
check "R reverses it" wait_for 'Title ↑'
keys ':'; type_text 'sort date'; keys Enter
check ":sort date goes back to the date order" no_sort_shown

# 6. Pipe the article's text to a command (no shell): its first line of output is shown.
keys g '|'; type_text 'wc -w'; keys Enter
check "pipe shows the command's output" wait_for '\| wc: *[0-9]+'
# Copy: inside tmux (TERM=screen-256color, no GNU screen) `auto` sends OSC 52, which tmux with
# set-clipboard on keeps as its newest paste buffer: the clipping (a quote or the reference, with
# outlet and date) is read back from there.
tmux set-option -s set-clipboard on
keys x g y
check "copy says it went to the terminal's clipboard" wait_for "copied to the terminal's clipboard \(OSC 52\)"
check "tmux's buffer holds the clipping with its outlet and date" bash -c "sleep 0.3; tmux show-buffer | grep -qE '— .+, 20[0-9]{2}-[0-9]{2}-[0-9]{2}'"
check "the clipping has no control character" bash -c "! tmux show-buffer | LC_ALL=C grep -q \$'[\\x01-\\x08\\x0b-\\x1f\\x7f]'"
quit_tui
# copy = file in settings.txt: the clippings file instead, and the status line says so.
mkdir -p "$XDG_CONFIG_HOME/parallax"
printf 'copy = file\n' >"$XDG_CONFIG_HOME/parallax/settings.txt"
check "reopens with copy = file" start_tui
keys g y
check "copy = file says where it went" wait_for 'copied to .*clippings\.md'
check "the clippings file names its outlet and date" bash -c "grep -qE '— .+, 20[0-9]{2}-[0-9]{2}-[0-9]{2}' '$XDG_DATA_HOME/parallax/clippings.md'"
quit_tui
rm "$XDG_CONFIG_HOME/parallax/settings.txt"

# 7. O opens the article with $BROWSER, run directly with the URL or file as one argument.
printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s"\n' "$tmp/opened" > "$tmp/browser.sh"
chmod +x "$tmp/browser.sh"
keys "clear" Enter
keys "BROWSER=$tmp/browser.sh $bin --index $idx" Enter
wait_for 'Articles \('
keys g O
check "O says what it opens" wait_for 'opening '
check "the browser got one argument: the article's address or file" bash -c "sleep 0.5; test \$(wc -l < '$tmp/opened') = 1 && grep -qE '^(https?://|/)' '$tmp/opened'"
quit_tui

# 8. The working set moves to another index as JSON.
cli workset --export >"$tmp/ws.json"
check "workset --export lists the two marked" python3 -c "
import json,sys; d=json.load(open('$tmp/ws.json')); sys.exit(0 if len(d['marked']) == 2 and any('follow-up' in t for t in d['tags'].values()) else 1)"
"$bin" workset --import "$tmp/ws.json" --index "$tmp/other.sqlite" >/dev/null 2>&1
check "imported into a new index, the same articles are marked" \
  test "$("$bin" articles --query is:marked --index "$tmp/other.sqlite" 2>/dev/null | tail -1 | sed -E 's/^([0-9]+) of.*/\1/')" = 2

echo "$pass passed, $fail failed"
test $fail -eq 0
