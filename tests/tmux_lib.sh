# Helpers for REPL tests through tmux (sourced; the caller sets SOCK to its tmux socket name).
screen() { tmux -L "$SOCK" capture-pane -p -S -300; }
send() { tmux -L "$SOCK" send-keys "$@"; }
# wait_for TEXT [seconds]: poll the screen until TEXT appears
wait_for() {
    i=0
    limit=$(( ${2:-5} * 10 ))
    while [ $i -lt $limit ]; do
        if screen | grep -F -q -- "$1"; then return 0; fi
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
# check NAME TEXT [seconds]: count a pass when TEXT appears, else a failure (the caller sets pass
# and fail to 0)
check() {
    if wait_for "$2" "${3:-5}"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $1 (expected to see '$2')"
        screen | tail -15
    fi
}
