"""Drive the zprime Jupyter kernel through jupyter_client: a value, an error (the kernel lives on),
a completion, an inspection, a plot (display_data with image/png), rich HTML tables, and an
interrupt during a long scan (the kernel lives on and the completed rows are kept).

    /usr/bin/python3 tests/jupyter/test_kernel.py ZPRIME_BINARY WORKDIR

Exit status 0 when every check passes, 1 when one fails, 77 when Jupyter is not installed
(`bash scripts/setup.sh --notebook` installs it)."""
import os
import subprocess
import sys
import time

zprime, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
try:
    from jupyter_client.manager import start_new_kernel
except ImportError:
    print("SKIP: jupyter_client is not installed (bash scripts/setup.sh --notebook installs Jupyter)")
    sys.exit(77)

os.makedirs(work, exist_ok=True)
prefix = os.path.join(work, "prefix")
subprocess.run([zprime, "--install-kernel", "--prefix", prefix], check=True)
os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
os.environ["HOME"] = work  # no user start-up file
os.chdir(work)

failures = 0


def check(cond, what):
    global failures
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures += 1


km, kc = start_new_kernel(kernel_name="zprime", startup_timeout=60)


def run(code, timeout=60, interrupt_after=None):
    msg_id = kc.execute(code)
    out, t0, interrupted = [], time.time(), False
    while True:
        if interrupt_after is not None and not interrupted and time.time() - t0 > interrupt_after:
            km.interrupt_kernel()
            interrupted = True
        try:
            m = kc.get_iopub_msg(timeout=0.2)
        except Exception:
            if time.time() - t0 > timeout:
                raise RuntimeError("no reply to %r within %d s" % (code, timeout))
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
        out.append((m["msg_type"], m["content"]))
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"], out


def of(out, kind):
    return [c for t, c in out if t == kind]


try:
    r, out = run("1 + 1")
    check(r["status"] == "ok" and of(out, "execute_result")[0]["data"]["text/plain"] == "2", "a value: 1 + 1 -> 2")

    r, out = run("m = zp.model{ mZp = 600, gq = 0.29, gl = 0.145, thetaD = 0.004 }\nprint('C9 =', m.C9_bsmumu)")
    text = "".join(c["text"] for c in of(out, "stream"))
    check(r["status"] == "ok" and "C9 =\t-0.29" in text, "print output streams into the cell: " + text.strip())

    r, out = run("m.not_a_name")
    err = of(out, "error")
    check(r["status"] == "error" and err and "not_a_name" in err[0]["evalue"], "an error is reported")
    check(err and not any("stack traceback" in line for line in err[0]["traceback"]), "the error has no stack trace")
    r, out = run("m.mZp")
    check(r["status"] == "ok" and of(out, "execute_result")[0]["data"]["text/plain"].startswith("600"),
          "the kernel lives on after an error, with its state")

    c = kc.complete("x = m.C9_", 9, reply=True, timeout=30)["content"]
    check("m.C9_bsmumu" in c["matches"], "completion of m.C9_: %s" % c["matches"][:4])
    c = kc.complete("zp.model{ mZ", 12, reply=True, timeout=30)["content"]
    check("mZp" in c["matches"], "completion of parameter names inside zp.model{: %s" % c["matches"][:4])

    i = kc.inspect("m.DeltaM_s", 6, reply=True, timeout=30)["content"]
    check(i["found"] and "ps^-1" in i["data"]["text/plain"], "inspection shows zp.help of DeltaM_s")

    r, out = run("zp.plot{ out = 'p.png', series = { { x = {1, 2, 3}, y = {1, 4, 9}, label = 'x^2' } } }")
    disp = of(out, "display_data")
    check(r["status"] == "ok" and disp and "image/png" in disp[0]["data"], "a plot appears inline as image/png")
    check(len(of(out, "execute_result")) == 0, "the plot is shown once")

    r, out = run("zp.params()")
    res = of(out, "execute_result")
    check(res and "<table" in res[0]["data"].get("text/html", ""), "a registry listing renders as an HTML table")

    r, out = run("return zp.scan{ model = m, over = { mZp = zp.range(200, 1500, 4) }, observe = { 'C9_bsmumu' }, quiet = true }")
    res = of(out, "execute_result")
    check(res and "<table" in res[0]["data"].get("text/html", ""), "a scan result renders as an HTML table")

    code = ("zp.scan{ model = m, over = { mZp = zp.range(200, 1500, 3000), thetaD = zp.range(0.001, 0.01, 3000) },"
            " observe = { 'C9_bsmumu', 'DeltaM_s_qcd' }, out = 'long.csv' }")
    r, out = run(code, timeout=120, interrupt_after=1.5)
    err = of(out, "error")
    check(r["status"] == "error" and err and "interrupted" in err[0]["evalue"], "the stop button interrupts a long scan")
    progress = of(out, "display_data") + of(out, "update_display_data")
    check(any("<progress" in p["data"].get("text/html", "") for p in progress), "the scan shows a progress bar")
    with open("long.csv") as f:
        lines = [l for l in f if l.strip() and not l.startswith("#")]
    check(len(lines) > 2 and all(l.count(",") == lines[0].count(",") for l in lines),
          "the interrupted scan kept %d complete rows" % (len(lines) - 1))
    r, out = run("m.mZp")
    check(r["status"] == "ok", "the kernel lives on after the interrupt")
finally:
    km.shutdown_kernel(now=True)

print("%d kernel checks failed" % failures)
sys.exit(1 if failures else 0)
