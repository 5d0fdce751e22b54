#!/bin/sh
# The Slurm recipe of docs/cluster.md, run from the docs' own text on a throw-away single-node
# cluster: munged, slurmctld and slurmd (Debian slurm-wlm + munge) started here from a generated
# slurm.conf in a temporary directory, stopped (by their own pids) when the test ends.
# usage: slurm_test.sh path/to/zprime path/to/source-tree
# Exit 77 (skipped) with the reason when not root or the packages are missing.
set -eu
BIN=$1 SRC=$2
skip() { echo "SKIPPED: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "the throw-away Slurm cluster needs root (daemons run as root from a temporary directory)"
for c in munged mungekey slurmctld slurmd sbatch squeue sinfo scontrol; do
    command -v "$c" >/dev/null 2>&1 || skip "'$c' is not installed (Debian packages slurm-wlm and munge; .ci/run installs them)"
done
. "$SRC/tests/cluster/common.sh"
T=$(mktemp -d /tmp/zprime-slurm-XXXXXX)
chmod 755 "$T"
pids=""
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    sleep 0.5
    for p in $pids; do kill -9 "$p" 2>/dev/null || true; done
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
deadline=$(( $(date +%s) + 110 ))   # the whole test stays under two minutes
fail() { echo "FAIL: $*"; for f in "$T"/slurmctld.log "$T"/slurmd.log "$T"/munged.log; do [ -f "$f" ] && { echo "--- $f"; tail -15 "$f"; }; done; exit 1; }

host=$(hostname -s)
# ports: a pair unlikely to be taken, derived from our pid
base=$(( 20000 + ($$ % 4000) * 2 ))
mkdir -p "$T/state" "$T/spool" "$T/munge"
chmod 700 "$T/munge"
mungekey -c -k "$T/munge/munge.key" >/dev/null 2>&1 || dd if=/dev/urandom of="$T/munge/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$T/munge/munge.key"
munged --force -S "$T/munge/munge.sock" --key-file="$T/munge/munge.key" --pid-file="$T/munge/munged.pid" \
       --log-file="$T/munged.log" --seed-file="$T/munge/seed" || fail "munged did not start"
sleep 0.3
pids="$(cat "$T/munge/munged.pid")"
node=$(slurmd -C | head -1 | sed 's/ UpTime=.*//; s/^NodeName=[^ ]*/NodeName='"$host"'/')
cat > "$T/slurm.conf" <<CONF
ClusterName=zptest
SlurmctldHost=$host
SlurmctldPort=$base
SlurmdPort=$((base + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$T/munge/munge.sock
CredType=cred/munge
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
SlurmctldTimeout=30
SlurmdTimeout=30
MaxArraySize=1001
$node State=UNKNOWN
PartitionName=zptest Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$T/slurm.conf"
slurmctld -D -i > "$T/slurmctld.out" 2>&1 &
pids="$pids $!"
slurmd -D > "$T/slurmd.out" 2>&1 &
pids="$pids $!"
# wait until the node is idle
ready=0
while [ "$(date +%s)" -lt "$deadline" ]; do
    if sinfo -h -o '%t' 2>/dev/null | grep -q '^idle'; then ready=1; break; fi
    sleep 0.5
done
[ "$ready" -eq 1 ] || fail "the single-node cluster did not come up (sinfo: $(sinfo 2>&1 | tail -2))"
echo "ok: single-node Slurm cluster up ($(sinfo -h -o '%P %t %c CPUs'))"

script=$(sh "$SRC/tests/cluster/extract.sh" "$SRC/docs/cluster.md" slurm-script)
submit=$(sh "$SRC/tests/cluster/extract.sh" "$SRC/docs/cluster.md" slurm-submit)
[ -n "$script" ] && [ -n "$submit" ] || fail "no slurm-script / slurm-submit block in docs/cluster.md"
reference "$T/ref"
setup_work "$T/work"
printf '%s\n' "$script" > "$T/work/fig2.sbatch"
(cd "$T/work" && timeout 30 bash -euc "$submit") || fail "the documented submit commands failed"
# wait for the array and the merge job to leave the queue
while [ "$(date +%s)" -lt "$deadline" ]; do
    [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
    sleep 1
done
[ -z "$(squeue -h -o %i 2>/dev/null)" ] || fail "jobs still queued at the deadline: $(squeue 2>&1 | head -5)"
n=$(ls "$T/work"/fig2-*of32.csv 2>/dev/null | wc -l)
[ "$n" -eq 32 ] || fail "$n of 32 slices written; logs: $(ls "$T/work/logs" 2>/dev/null | head -3) $(cat "$T/work/logs/fig2-1.out" 2>/dev/null | tail -3)"
cat "$T/work/logs/fig2-merge.out"
same_as_reference "$T/work" "$T/ref" || fail "merge output differs"

# a task lost (its slice removed) and resubmitted alone with --array=7: the fixed N keeps it 7/32
rm "$T/work/fig2.csv" "$T/work/fig2-7of32.csv"
left=$(( deadline - $(date +%s) )); [ "$left" -gt 5 ] || left=5
(cd "$T/work" && timeout "$left" sbatch --wait --array=7 fig2.sbatch >/dev/null) || fail "resubmitting task 7 failed or timed out"
[ -f "$T/work/fig2-7of32.csv" ] || fail "the resubmitted task did not write fig2-7of32.csv: $(cat "$T/work/logs/fig2-7.out")"
(cd "$T/work" && zprime merge fig2-*of32.csv -o fig2.csv >/dev/null) || fail "merge after the resubmission"
same_as_reference "$T/work" "$T/ref" || fail "merge after the resubmission differs"
echo "ok: the Slurm recipe of docs/cluster.md ran as written"
