#!/bin/sh
# Ctrl-C in the REPL through a pseudo-terminal (tmux): it interrupts m:check() instead of being
# recorded as one row's error, reaches loops inside coroutines and a long C root scan, a second
# and third Ctrl-C never kill the session, and the history file is capped.
set -u
BIN=${1:?usage: repl_interrupt_test.sh path/to/zprime}
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed (Debian package tmux)"; exit 1; }
TMP=$(mktemp -d)
SOCK="zprime-int-test-$$"
pass=0
fail=0
cleanup() { tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

# a history file far over the cap of 2000 lines
i=0; while [ $i -lt 5000 ]; do echo "old_line_$i"; i=$((i + 1)); done > "$TMP/hist"
tmux -L "$SOCK" new-session -d -x 200 -y 60 \
  "env HOME=$TMP ZPRIME_HISTORY=$TMP/hist TERM=xterm $BIN; echo ZPRIME-EXITED; sleep 30"

. "$(dirname "$0")/tmux_lib.sh" # screen, send, wait_for
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; screen | tail -15; }
check() { if wait_for "$2" "${3:-5}"; then ok; else bad "$1 (expected to see '$2')"; fi; }
absent() { if screen | grep -F -q -- "$2"; then bad "$1 (did not expect '$2')"; else ok; fi; }

check "prompt" "zprime>"
# a constraint whose evaluation never ends: Ctrl-C must stop the whole check
send 'zp.add_constraint{ name = "endless", observable = function(m) while true do end end, kind = "upper", max = 1 }' Enter
send 'rows = zp.model{}:check(); print("CHECK-WENT" .. "-ON")' Enter
sleep 1
send C-c
check "Ctrl-C during m:check() interrupts it" "interrupted!"
sleep 0.5
absent "the check did not go on after Ctrl-C" "CHECK-WENT-ON"
send 'zp.remove_constraint "endless"' Enter
send '6 * 7 + 2000' Enter
check "the session goes on after the interrupted check" "2042"
# several Ctrl-C in a row during a computation: the REPL stays
send 'while true do end' Enter
sleep 0.5
send C-c
sleep 0.2
send C-c
sleep 0.2
send C-c
sleep 1
send '3 * 1000 + 5' Enter
check "three Ctrl-C in a row do not kill the REPL" "3005"
# Ctrl-C at an idle prompt, twice (a signal overtakes typed keys: let each one land first)
send C-c
sleep 0.5
send C-c
sleep 0.5
send '4 * 1000 + 6' Enter
check "Ctrl-C at the prompt twice keeps the session" "4006"
# a loop inside a coroutine
send 'coroutine.wrap(function() while true do end end)()' Enter
sleep 0.5
send C-c
sleep 0.5
send '5 * 1000 + 7' Enter
check "Ctrl-C interrupts a loop inside a coroutine" "5007"
send 'co = coroutine.create(function() local x = 0 while true do x = x + 1 end end); print(coroutine.resume(co))' Enter
sleep 0.5
send C-c
sleep 0.5
send '7 * 1000 + 9' Enter
check "Ctrl-C interrupts coroutine.resume of an endless coroutine" "7009"
# a C root scan on a grid of 10^6 points (minutes of work) stops at Ctrl-C
send C-l   # a clear screen: the next "interrupted" must come from the root scan
tmux -L "$SOCK" clear-history
sleep 0.3
send 'zp.core.S_mphi_roots(1, 10, 0.01, 1e-3, 1000, 1e-3, 10, 1000000)' Enter
sleep 1
send C-c
check "Ctrl-C stops the C root scan (10^6 points take minutes)" "interrupted" 5
sleep 0.5
send '6 * 1000 + 8' Enter
check "prompt is back after the C loop" "6008"
send 'zp.core.S_mphi_roots(1, 10, 0.01, 1e-3, 1000, 1e-3, 10, 2^31)' Enter
check "ngrid = 2^31 is refused at once" "ngrid = 2147483648 is out of range (2 to 1000000)"
send C-d
check "Ctrl-D exits" "ZPRIME-EXITED"
# lines of history; the "#<seconds>" timestamp line before each entry (which keeps a multi-line
# entry together) is not counted, as readline's history_truncate_file does not count it
n=$(grep -vc '^#[0-9][0-9]*$' "$TMP/hist")
if [ "$n" -le 2000 ] && grep -q '6 \* 1000 + 8' "$TMP/hist"; then ok; else
    fail=$((fail + 1)); echo "FAIL: history file has $n lines (cap 2000) or lacks the session"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
