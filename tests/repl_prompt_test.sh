#!/bin/sh
# The prompt as a workshop uses it, through a pseudo-terminal (tmux): errors without a traceback,
# pretty-printed registry listings and results, a model printed and pasted back, zp.save/zp.load,
# zp.apropos, typo suggestions, and a multi-line chunk recalled as one history entry after a restart.
set -u
BIN=${1:?usage: repl_prompt_test.sh path/to/zprime}
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed (Debian package tmux)"; exit 1; }
TMP=$(mktemp -d)
SOCK="zprime-prompt-test-$$"
pass=0
fail=0
cleanup() { tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

start() { tmux -L "$SOCK" new-session -d -x 200 -y 80 "cd $TMP && env HOME=$TMP TERM=xterm $BIN $*; echo ZPRIME-EXITED; sleep 30"; }
. "$(dirname "$0")/tmux_lib.sh" # screen, send, wait_for, check
check_absent() { # check_absent NAME TEXT: TEXT is not on the screen (after a short wait)
    sleep 0.5
    if screen | grep -F -q -- "$2"; then
        fail=$((fail + 1))
        echo "FAIL: $1 (did not expect '$2')"
        screen | tail -15
    else
        pass=$((pass + 1))
    fi
}

start
check "prompt" "zprime>"
send 'm = zp.model{ mZp = 654.321 }' Enter
send 'm.c9_bsmumu' Enter
check "error names the typo and suggests" "error: unknown parameter or observable 'c9_bsmumu' (did you mean 'C9_bsmumu'?)"
check_absent "no traceback at the prompt" "stack traceback"
send 'zp.modle{}' Enter
check "typo suggestion for zp.*" "(did you mean zp.model?)"
send 'm.C9_bsmumu_bin(1.1, 6)' Enter
check "a method called with a dot" "call it as m:C9_bsmumu_bin(1.1, 6)"
send 'zp.model{ mZp = "600" }' Enter
check "a string value is refused" "expects a number in GeV, got string '600'"
send 'zp.help "C9"' Enter
check "zp.help ranks prefix matches first" "did you mean 'C9_SM', "
send 'zp.observables()' Enter
check "registry listing is an aligned table" "entries; zp.help \"name\" gives the full entry"
check "registry listing has units" "observable  ps^-1"
send 'zp.apropos "branching"' Enter
check "apropos finds docs" "BR_Zp_mumu"
send 'r = m:check{ quiet = true }' Enter
send 'r' Enter
check "a check result typed back prints the table" "constraints pass"
send 'zp.show(m, "DeltaM_s")' Enter
check "zp.show prints value and unit" "ps^-1   -- B_s mass difference"
send '{ 1, 2, x = "y" }' Enter
check "plain tables print as Lua literals" '{ 1, 2, x = "y" }'
send 'm' Enter
check "a model prints as a constructor" "zp.model{ mZp = 654.321, gq = 0.29"
line=$(screen | grep -o '^zp\.model{ mZp = 654\.321[^-]*}' | head -1)
send -l "m2 = $line"
send Enter
send 'm2 == m' Enter
check "the printed model pasted back is the same model" "true"
send 'h = zp.variants.heavy_dirac{ mZp = 700, nchi = 4 }' Enter
send 'zp.save("h.json", h); zp.save("m.lua", m)' Enter
send 'zp.load("h.json") == h and zp.load("m.lua") == m and tostring(zp.load("h.json"))' Enter
check "zp.save/zp.load round trip (JSON and Lua)" "zp.variants.heavy_dirac{ nchi = 4, mZp = 700 }"
send 'zp.debug(true)' Enter
send 'm.c9' Enter
check "zp.debug(true) brings the traceback back" "stack traceback"
send 'for i = 1, 2 do' Enter
send 'print("loop-" .. i * 111)' Enter
send -l 'end'
send Enter
check "multi-line chunk runs" "loop-222"
send C-d
check "Ctrl-D exits" "ZPRIME-EXITED"
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

start
check "second session starts" "zprime>"
send Up
sleep 0.3
send Enter
check "the multi-line chunk is one history entry after a restart" "loop-222"
send C-d
check "Ctrl-D exits again" "ZPRIME-EXITED"

tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3
start -v
check "zprime -v starts" "zprime>"
send 'error("verbose-err")' Enter
check "zprime -v shows tracebacks" "stack traceback"
send C-d

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
