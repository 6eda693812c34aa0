#!/usr/bin/env bash
# Captures the TUI on the sample corpus from a real terminal (tmux capture-pane) for the README:
#   scripts/capture-screen.sh [BINARY] [KEYS…]  → docs/screen-120x40.txt
# Kills only the tmux session it creates.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/parallax}")
shift || true
session=parallax-capture-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
tmux new-session -d -s "$session" -x 120 -y 40 "env TERM=screen-256color LANG=C.UTF-8 $bin; sleep 5"
for _ in $(seq 50); do tmux capture-pane -p -t "$session" | grep -q 'Articles (' && break; sleep 0.1; done
for k in "$@"; do tmux send-keys -t "$session" "$k"; sleep 0.2; done
sleep 0.3
tmux capture-pane -p -t "$session" > docs/screen-120x40.txt
tmux send-keys -t "$session" Q  # quits from whatever the keys opened
echo "wrote docs/screen-120x40.txt"
