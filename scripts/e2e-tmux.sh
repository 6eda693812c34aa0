#!/usr/bin/env bash
# End-to-end check of the real TUI in tmux: open the sample, move, filter by an actor typed with a
# spelling variant, open the comparison, resize, suspend/resume, quit, and signals — each time checking
# that the terminal is handed back to the shell. Kills only the tmux session it creates.
set -uo pipefail
bin=$(cd "$(dirname "${1:-.build/debug/parallax}")" && pwd)/$(basename "${1:-.build/debug/parallax}")
command -v tmux >/dev/null || { echo "SKIP: tmux not installed"; exit 0; }
session=parallax-e2e-$$
pass=0; fail=0
check() { # name, condition-command...
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $name"; screen | sed 's/^/    | /'; fi
}
cleanup() { tmux kill-session -t "$session" 2>/dev/null; }
trap cleanup EXIT

source "$(dirname "$0")/tmux-lib.sh"
start_tui() { # extra args; the binary runs alone (not in a list) so that Ctrl-Z stops just it
  keys "clear" Enter
  keys "$bin $*" Enter
  wait_for "Articles \(" || return 1
}
# After the TUI has ended: wait for the prompt, then ask the shell for the exit status.
exit_status() {
  wait_for '^e2e\$ ?$' || return 1
  keys "echo parallax-exit=\$?" Enter
}
tui_pid() { pgrep -P "$(tmux display-message -p -t "$session" '#{pane_pid}')" -x parallax | head -1; }

# A plain interactive bash with a recognisable prompt and job control (for Ctrl-Z / fg).
tmux new-session -d -s "$session" -x 120 -y 40 "env -i PATH=$PATH HOME=$HOME TERM=screen-256color LANG=C.UTF-8 PS1='e2e\$ ' bash --norc --noprofile -i"
wait_for 'e2e\$' || { echo "FAIL: shell did not start"; exit 1; }

has_actors=0; "$bin" actors >/dev/null 2>&1 && has_actors=1
has_events=0; "$bin" events >/dev/null 2>&1 && has_events=1

# 1. Open on the sample: four panes.
check "opens the sample" start_tui
check "four pane titles" bash -c "tmux capture-pane -p -t $session | grep -q 'Articles (5)' && tmux capture-pane -p -t $session | grep -q 'Actors' && tmux capture-pane -p -t $session | grep -q 'Compare'"
check "status bar shows corpus size and hints" wait_for '5 articles.*\? help.*q quit'

# 2. Move: G to the last article, k to the one before (the Text pane's heading shows the full title,
#    the list only a truncated one).
keys G
check "G selects the last article" wait_for 'Moscow confirms that it does not intend'
keys k
check "k selects the one before" wait_for 'Ukraine: Biden and Putin advocate'
keys g

# 3. Filter by an actor typed with a spelling variant.
if [[ $has_actors == 1 ]]; then
  keys g a; type_text zelenskiy; keys Enter
  check "actor filter by a spelling variant" wait_for 'actor:[^·]*Zelensk'
  check "actor filter narrows the list" wait_for 'Articles \([0-9]/5\)'
  keys x
  check "x clears the filters" wait_for 'Articles \(5\)'
else
  keys a
  check "actor prompt says honestly there are no actors yet" wait_for 'no actors found'
  keys Escape
  echo "SKIP: actor-variant filter (no actors layer in this build)"
fi

# 4. Outlet filter through the prompt.
keys o; type_text VOA; keys Enter
check "outlet filter" wait_for 'Articles \(1/5\).*|outlet: VOA News'
keys x

# 5. The comparison of the first article's event.
keys g c
if [[ $has_events == 1 ]]; then
  check "c opens the comparison" wait_for 'Comparison'
  check "comparison has outlet columns" wait_for 'France 24.*VOA News|VOA News.*France 24'
  keys Escape
else
  check "c says the article has no event" wait_for 'this article has no event|no events'
fi

# 5b. Keys that step back before they quit (issue 12): q in an overlay closes it, the TUI stays.
keys '?'
check "help opens" wait_for 'Help — Parallax keys'
keys q
check "q in the help closes it, the TUI stays" wait_for 'Articles \(5\)'
if [[ $has_events == 1 ]]; then
  keys g c
  check "comparison opens" wait_for 'Comparison'
  keys q
  check "q in the comparison closes it, the TUI stays" bash -c "sleep 0.3; tmux capture-pane -p -t $session | grep -q 'Articles (5)' && ! tmux capture-pane -p -t $session | grep -q 'Comparison'"
  # c on a filtered event: an article that mentions event E but reports another one, selected,
  # then the list filtered on E (the selection stays): c compares E, not the article's own event.
  pick=$("$bin" events --json 2>/dev/null | python3 -c '
import json, sys
evs = json.load(sys.stdin)
own = {a: e["title"] for e in evs for a in e["articles"]}
for e in evs:
    for m in e.get("mentionedBy", []):
        if m in own and own[m] != e["title"]:
            print(m); print(e["title"]); print(own[m]); sys.exit()
')
  if [[ -n $pick ]]; then
    mid=$(sed -n 1p <<<"$pick"); etitle=$(sed -n 2p <<<"$pick"); otitle=$(sed -n 3p <<<"$pick")
    mtitle=$("$bin" articles --json 2>/dev/null | python3 -c 'import json,sys; print(next(a["title"] for a in json.load(sys.stdin) if a["id"] == sys.argv[1])[:30])' "$mid")
    keys g
    for ((n = 0; n < 20; n++)); do screen | head -2 | grep -qF -- "$mtitle" && break; keys j; sleep 0.2; done
    check "selected the article that mentions another event" bash -c "tmux capture-pane -p -t $session | head -2 | grep -qF -- \"\$1\"" _ "$mtitle"
    keys e; type_text "$etitle"; keys Enter
    check "event filter on the mentioned event" wait_for "event[: ]"
    keys c
    check "c on a filtered event opens the comparison" wait_for 'Comparison.*close'
    check "c compares the filtered event, not the article's own" bash -c "sleep 0.3; tmux capture-pane -p -t $session | sed -n 2p | grep -qF -- \"\$1\" && ! tmux capture-pane -p -t $session | sed -n 2p | grep -qF -- \"\$2\"" _ "$etitle" "$otitle"
  else
    echo "SKIP: c on a filtered event (no article mentions an event it does not report)"
    keys e; type_text paris; keys Enter; keys c
  fi
  keys q
  keys e BSpace Enter
  check "an empty Enter in the event prompt removes the filter" wait_for 'event filter removed'
fi
# The reading view: z shows the article's text on the whole screen; z returns to the panes.
keys g z
check "z opens the reading view" wait_for 'Reading · .*z/q close'
check "the reading view has no other pane" bash -c "! tmux capture-pane -p -t $session | grep -q 'Articles ('"
keys z
check "z again returns to the panes" wait_for 'Articles \(5\)'
keys Escape Enter Enter
check "Enter on the text opens the reading view" wait_for 'Reading · '
keys q
check "q in the reading view returns to the list" wait_for 'Articles \(5\).*Text'
# > widens the list pane.
list_width() { screen | head -1 | awk -F'┐┌' '{print length($1)}'; }
before=$(list_width)
keys '>' '>'
sleep 0.3
check "> widens the list" test "$(list_width)" -gt "${before:-0}"
keys '<' '<'

# 6. Help, then resize to medium, too small, and back.
keys '?'
check "help screen" wait_for 'Help — Parallax keys'
keys Escape
tmux resize-window -t "$session" -x 80 -y 24
check "80x24: two panes" bash -c "sleep 0.5; tmux capture-pane -p -t $session | head -1 | grep -q 'Articles' && ! tmux capture-pane -p -t $session | grep -q 'Compare'"
tmux resize-window -t "$session" -x 50 -y 12
check "too-small message" wait_for 'too small'
tmux resize-window -t "$session" -x 120 -y 40
check "back to four panes" wait_for 'Compare'

# 7. Ctrl-Z suspends to the shell; fg redraws.
keys C-z
check "Ctrl-Z returns to the shell" wait_for 'Stopped'
keys "clear" Enter
sleep 0.3
keys "fg" Enter
check "fg redraws the TUI" wait_for 'Articles \(5\)'

# 8. q quits and gives the screen back to the shell.
keys q
check "shell prompt is back" exit_status
check "q exits 0" wait_for 'parallax-exit=0'
check "the TUI is gone from the screen" bash -c "! tmux capture-pane -p -t $session | grep -q 'Articles (5)'"

# 9. Signals restore the terminal too.
for sig in TERM HUP INT; do
  start_tui
  pid=$(tui_pid)
  if [[ -n $pid ]]; then
    kill -s "$sig" "$pid"
    code=$((128 + $(kill -l "$sig")))
    exit_status
    check "SIG$sig exits $code" wait_for "parallax-exit=$code"
    check "SIG$sig: prompt back, TUI gone" bash -c "tmux capture-pane -p -t $session | grep -q '^e2e\\$' && ! tmux capture-pane -p -t $session | grep -q 'Articles (5)'"
  else
    check "SIG$sig: found the TUI's pid" false
  fi
done

# 10. Ctrl-C from the keyboard.
start_tui
keys C-c
exit_status
check "Ctrl-C exits 130" wait_for 'parallax-exit=130'

# 11. A bad line in the user's keymap: the status line names file and line; after quitting, the
#     shell's screen has the full report (printed before the TUI took the screen).
cfg=$(mktemp -d); printf 'quit | q\nexit | x\n' >"$cfg/keymap.txt"
keys "clear" Enter
keys "PARALLAX_CONFIG=$cfg $bin" Enter
check "config error on the TUI's status line" wait_for 'keymap.txt:2: unknown action'
keys q
exit_status
check "config error on stderr after quitting, once" bash -c "test \$(tmux capture-pane -p -t $session | grep -c 'keymap.txt:2: unknown action') -eq 1"
rm -rf "$cfg"

echo "$pass passed, $fail failed"
test $fail -eq 0
