# Helpers shared by the tmux end-to-end scripts; they drive the pane of the tmux session "$session".
# Sourced, not run.

screen() { tmux capture-pane -p -t "$session"; }
# Waits (up to 10 s) until the screen matches an extended regex.
wait_for() {
  local i
  for ((i = 0; i < 100; i++)); do
    screen | grep -qE -- "$1" && return 0
    sleep 0.1
  done
  return 1
}
keys() { tmux send-keys -t "$session" "$@"; }
# Types text literally (no key-name lookup).
type_text() { tmux send-keys -t "$session" -l -- "$1"; }
