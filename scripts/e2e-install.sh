#!/usr/bin/env bash
# End-to-end check of scripts/install into a temporary prefix: the binary, its data, the man page and
# completions land where they should; the installed binary finds its data from its own location (also
# through a link, and with a space in the prefix); a binary that cannot find its data says where it
# looked and exits 1.
set -uo pipefail
bin=${1:-.build/debug/parallax}
pass=0; fail=0
check() { # name, condition-command...
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $name"; fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/my prefix"

bash scripts/install --bin "$bin" "$prefix" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "scripts/install exits 0" test $rc -eq 0
[[ $rc -eq 0 ]] || cat "$tmp/err"
check "the binary is installed" test -x "$prefix/bin/parallax"
check "the data files are installed" test -f "$prefix/share/parallax/data/keymap.txt"
check "the sample corpus is installed" test -f "$prefix/share/parallax/corpus/parallax-manifest.json"
check "every shipped data file is there" bash -c "diff -rq Resources/data '$prefix/share/parallax/data'"
check "the man page is installed" test -s "$prefix/share/man/man1/parallax.1"
if command -v man >/dev/null; then
  MANWIDTH=100 man -l "$prefix/share/man/man1/parallax.1" >"$tmp/man" 2>/dev/null
  check "the man page reads: name, subcommands, options" bash -c "grep -q 'parallax' '$tmp/man' && grep -q 'articles' '$tmp/man' && grep -q -- '--since' '$tmp/man' && grep -q 'compare' '$tmp/man'"
fi
check "bash completion installed" grep -q 'parallax' "$prefix/share/bash-completion/completions/parallax"
check "zsh completion installed" grep -q '#compdef parallax' "$prefix/share/zsh/site-functions/_parallax"
check "fish completion installed" grep -q "complete -c 'parallax'" "$prefix/share/fish/vendor_completions.d/parallax.fish"

# The installed binary reads its own data (not the source tree's): the sample's paths are under PREFIX.
id=$("$prefix/bin/parallax" articles --no-index --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$prefix/bin/parallax" show "$id" --no-index >"$tmp/show" 2>&1
check "the installed binary uses PREFIX/share/parallax" grep -qF "path      $prefix/share/parallax/corpus/" "$tmp/show"
mkdir -p "$tmp/elsewhere"; ln -s "$prefix/bin/parallax" "$tmp/elsewhere/parallax"
"$tmp/elsewhere/parallax" show "$id" --no-index >"$tmp/show" 2>&1
check "through a link it still finds PREFIX/share/parallax" grep -qF "path      $prefix/share/parallax/corpus/" "$tmp/show"

# Installing again replaces the install, and only it.
echo "mine" >"$prefix/share/parallax/NOTES"
bash scripts/install --bin "$bin" "$prefix" >/dev/null 2>&1; rc=$?
check "a second install exits 0" test $rc -eq 0
check "a second install keeps what is not its own" grep -q mine "$prefix/share/parallax/NOTES"
check "a second install leaves no half-copied folder" bash -c "! ls '$prefix/share/parallax' | grep -q '\.new$'"

# Without its data: a clear message naming where it looked, exit 1, no crash.
PARALLAX_RESOURCES="$tmp/nowhere" "$prefix/bin/parallax" articles >"$tmp/out" 2>"$tmp/err"; rc=$?
check "no data: exit 1" test $rc -eq 1
check "no data: says where it looked and how to fix it" bash -c "grep -q 'looked in: $tmp/nowhere' '$tmp/err' && grep -q 'scripts/install' '$tmp/err'"
check "no data: one line, no crash" bash -c "test \$(wc -l <'$tmp/err') -eq 1 && ! grep -qi 'fatal\|backtrace' '$tmp/err'"

bash scripts/install >/dev/null 2>&1; rc=$?
check "scripts/install without PREFIX is a usage error (64)" test $rc -eq 64

echo "$pass passed, $fail failed"
test $fail -eq 0
