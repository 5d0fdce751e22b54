#!/bin/sh
# Drive the real zprime REPL through a pseudo-terminal (tmux) and check what a user sees:
# expressions print, multi-line chunks continue, errors keep the session alive, Tab completes,
# Ctrl-C clears the line and interrupts a running loop, history is written, Ctrl-D exits.
set -u
BIN=${1:?usage: repl_test.sh path/to/zprime}
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed (Debian package tmux)"; exit 1; }
TMP=$(mktemp -d)
SOCK="zprime-repl-test-$$"
pass=0
fail=0
cleanup() { tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

echo 'rc_loaded = "rc-file-was-run"' > "$TMP/.zprimerc.lua"
tmux -L "$SOCK" new-session -d -x 160 -y 60 "env HOME=$TMP TERM=xterm $BIN; echo ZPRIME-EXITED; sleep 30"

. "$(dirname "$0")/tmux_lib.sh" # screen, send, wait_for, check

check "banner names the paper and help()" "arXiv:1702.00395"
check "prompt" "zprime>"
send 'rc_loaded' Enter
check "start-up file ~/.zprimerc.lua runs" "rc-file-was-run"
send '1 + 2 * 20' Enter
check "expression prints" "41"
send 'function sq(x)' Enter
check "continuation prompt" ">>"
send 'return x * x end' Enter
send 'sq(12)' Enter
check "two-line function works" "144"
send 'error("boom-123")' Enter
check "error is reported" "boom-123"
check "error is shown as the message alone" "error: boom-123"
send 'sq(11) + 0.5' Enter
check "session survives the error" "121.5"
send 'zp.mod' Tab
sleep 0.3
send '{ mZp = 321 }.mZp' Enter
check "Tab completes zp.mod -> zp.model" "321"
send 'zp.model{ mch' Tab
sleep 0.3
send ' = 55 }.mchi' Enter
check "Tab completes parameter names inside zp.model{" "55"
send 'zp.help "DeltaM_' Tab
sleep 0.3
send '"' Enter
check "Tab completes registry names inside zp.help\"" "eq. (17)"
send 'this line is abandoned' C-c
sleep 0.3
send '7 * 6 + 1000' Enter
check "Ctrl-C at the prompt clears the line" "1042"
send 'while true do end' Enter
sleep 0.5
send C-c
check "Ctrl-C interrupts a running computation" "interrupted!"
send '2^10' Enter
check "prompt is back after the interrupt" "1024"
send 'm = zp.model{ mZp = 600 }' Enter
send 'm.C9_bsmuu' Enter
check "unknown observable suggests the right name" "did you mean 'C9_bsmumu'"
send C-d
check "Ctrl-D exits" "ZPRIME-EXITED"
if grep -q 'sq(12)' "$TMP/.zprime_history" 2>/dev/null; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "FAIL: history file $TMP/.zprime_history does not hold the session"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
