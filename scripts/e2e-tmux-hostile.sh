#!/usr/bin/env bash
# The real TUI under stress in tmux (issue 7): a poisoned corpus; sizes from 1x1 up, changed rapidly
# while keys arrive; every terminating signal (SIGINT … SIGXCPU, real-time ones, Ctrl-\), a crash and
# SIGTSTP+SIGCONT each leave `stty -a` as it was before;
# the index file deleted under a running TUI. Kills only the tmux session and processes it starts.
set -uo pipefail
bin=$(cd "$(dirname "${1:-.build/debug/parallax}")" && pwd)/$(basename "${1:-.build/debug/parallax}")
root=$(cd "$(dirname "$0")/.." && pwd)
command -v tmux >/dev/null || { echo "SKIP: tmux not installed"; exit 0; }
session=parallax-hostile-$$
tmp=$(mktemp -d /tmp/parallax-tmux-hostile.XXXXXX)
pass=0; fail=0
check() { # name, condition-command...
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $name"; screen | sed 's/^/    | /'; fi
}
cleanup() { tmux kill-session -t "$session" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

source "$(dirname "$0")/tmux-lib.sh"
pane_pid() { tmux display-message -p -t "$session" '#{pane_pid}'; }
tui_pid() { pgrep -P "$(pane_pid)" -x parallax | head -1; }
prompt_back() { wait_for '^e2e\$ ?$'; }
# Writes the pane's `stty -a` (run by the shell, so the TUI is not involved) to a file.
stty_to() {
  rm -f "$1"
  keys "stty -a > $1" Enter
  local i
  for ((i = 0; i < 50; i++)); do [[ -s $1 ]] && return 0; sleep 0.1; done
  return 1
}

corpus=$tmp/corpus
python3 "$root/scripts/hostile/make-injection-corpus.py" "$root/Resources/corpus" "$corpus"
idx=$tmp/index.sqlite
"$bin" index --index "$idx" "$corpus" >/dev/null 2>&1
start_tui() { # extra args
  keys "clear" Enter
  keys "$bin --index $idx $* '$corpus' 2>/dev/null" Enter
  wait_for "Articles \(" || return 1
}

tmux new-session -d -s "$session" -x 120 -y 40 "env -i PATH=$PATH HOME=$HOME TERM=screen-256color LANG=C.UTF-8 PS1='e2e\$ ' bash --norc --noprofile -i"
wait_for 'e2e\$' || { echo "FAIL: shell did not start"; exit 1; }
stty_to "$tmp/stty.before" || { echo "FAIL: could not read stty"; exit 1; }

# 1. Rapid resizes (1x1 … 400x200) while keys arrive; the TUI must survive and redraw.
check "TUI opens the poisoned corpus" start_tui
pid=$(tui_pid)
sizes=(1x1 2x2 10x3 59x15 60x16 61x17 80x24 400x200 1x200 400x1 120x40 59x40 120x15 200x60 33x7 60x16)
ks=(j k G g Tab BTab c Escape r t '?' Escape Enter Escape / R E D Enter x n N Down Up PageDown PageUp Home End a Escape o Escape)
for ((i = 0; i < 150; i++)); do
  s=${sizes[$((i % ${#sizes[@]}))]}
  tmux resize-window -t "$session" -x "${s%x*}" -y "${s#*x}"
  keys "${ks[$((i % ${#ks[@]}))]}"
  ((i % 10 == 0)) && sleep 0.05
done
check "alive after 150 resizes with keys in between" kill -0 "$pid"
tmux resize-window -t "$session" -x 50 -y 12
check "too-small message at 50x12" wait_for 'too small'
tmux resize-window -t "$session" -x 1 -y 1
sleep 0.3
check "alive at 1x1" kill -0 "$pid"
tmux resize-window -t "$session" -x 120 -y 40
keys Escape Escape x
check "redraws at 120x40 after the storm" wait_for 'Articles \('
keys g
keys Enter
check "the text pane shows ␛ placeholders" wait_for '␛'
keys Q   # Q quits from anywhere (q would return from the Text pane to the list)
check "Q: prompt back" prompt_back
stty_to "$tmp/stty.after"
check "q: stty -a unchanged" cmp -s "$tmp/stty.before" "$tmp/stty.after"

# 2. Signals: each that would end the process ends the TUI with 128+n and leaves the terminal as it
# was — in canonical mode with echo (issue 14: SIGUSR1, SIGALRM, SIGXCPU … used to leave it raw).
sane() { grep -qE '(^| )icanon( |$)' "$1" && grep -qE '(^| )echo( |$)' "$1"; }
for sig in INT TERM HUP QUIT USR1 USR2 ALRM VTALRM PROF XCPU XFSZ PIPE IO PWR RTMIN RTMIN+3 RTMAX; do
  start_tui
  pid=$(tui_pid)
  if [[ -z $pid ]]; then check "SIG$sig: found the TUI" false; continue; fi
  kill -s "$sig" "$pid"
  prompt_back
  keys "echo exit=\$?" Enter
  check "SIG$sig: exit $((128 + $(kill -l "$sig")))" wait_for "exit=$((128 + $(kill -l "$sig")))"
  stty_to "$tmp/stty.after"
  check "SIG$sig: stty -a unchanged" cmp -s "$tmp/stty.before" "$tmp/stty.after"
  check "SIG$sig: stty -a shows icanon echo" sane "$tmp/stty.after"
  check "SIG$sig: the TUI is gone from the screen" bash -c "! tmux capture-pane -p -t $session | grep -q 'Articles ('"
done

# Ctrl-\ (SIGQUIT from the keyboard) is a way out like SIGTERM: no backtracer over the screen.
start_tui
keys 'C-\'
check "Ctrl-\\: back to the shell" prompt_back
keys "echo exit=\$?" Enter
check "Ctrl-\\: exit 131" wait_for "exit=131"
check "Ctrl-\\: no crash report" bash -c "! tmux capture-pane -p -t $session | grep -qi 'crashed'"
stty_to "$tmp/stty.after"
check "Ctrl-\\: stty -a unchanged" cmp -s "$tmp/stty.before" "$tmp/stty.after"

# A real crash (SIGSEGV, SIGABRT): the terminal is restored before the runtime's crash report.
for sig in SEGV ABRT; do
  keys "clear" Enter
  keys "SWIFT_BACKTRACE=interactive=no $bin --index $idx '$corpus' 2>$tmp/crash.err; echo exit=\$?" Enter
  wait_for "Articles \(" || { check "SIG$sig: TUI started" false; continue; }
  pid=$(tui_pid)
  kill -s "$sig" "$pid"
  check "SIG$sig: the process dies of it" wait_for "exit=$((128 + $(kill -l "$sig")))"
  stty_to "$tmp/stty.after"
  check "SIG$sig: stty -a shows icanon echo" sane "$tmp/stty.after"
  check "SIG$sig: stty -a unchanged" cmp -s "$tmp/stty.before" "$tmp/stty.after"
done

# 3. SIGTSTP from outside, then SIGCONT (through the shell's fg): terminal sane while stopped, redraw after.
start_tui
pid=$(tui_pid)
kill -s TSTP "$pid"
check "SIGTSTP: the shell says Stopped" wait_for 'Stopped'
prompt_back
stty_to "$tmp/stty.stopped"
check "SIGTSTP: stty -a while stopped is the shell's" cmp -s "$tmp/stty.before" "$tmp/stty.stopped"
keys "clear" Enter
keys "fg" Enter
check "SIGCONT (fg): the TUI redraws" wait_for 'Articles \('
keys j
kill -s CONT "$pid"   # a stray SIGCONT while running must be harmless
sleep 0.3
check "SIGCONT while running: still alive" kill -0 "$pid"
keys q
check "after TSTP/CONT: q returns to the shell" prompt_back
stty_to "$tmp/stty.after"
check "after TSTP/CONT: stty -a unchanged" cmp -s "$tmp/stty.before" "$tmp/stty.after"

# 4. The index deleted while the TUI runs: it keeps working from memory, quits cleanly.
cp "$idx" "$tmp/doomed.sqlite"
keys "clear" Enter
keys "$bin --index $tmp/doomed.sqlite '$corpus' 2>/dev/null; echo exit=\$?" Enter
wait_for "Articles \("
pid=$(tui_pid)
rm -f "$tmp/doomed.sqlite" "$tmp/doomed.sqlite-wal" "$tmp/doomed.sqlite-shm"
keys j j c Escape / R E D Enter x G
sleep 0.5
check "index deleted: the TUI is alive" kill -0 "$pid"
check "index deleted: still shows the corpus" wait_for 'Articles \('
keys q
check "index deleted: exits 0" wait_for 'exit=0'

echo "$pass passed, $fail failed"
test $fail -eq 0
