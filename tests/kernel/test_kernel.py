"""Drive the zprime Jupyter kernel through jupyter_client: a value, printed output, an error (the
kernel lives on), a completion, an inspection, an interrupt during a long scan (kernel alive, rows
kept) and a plot shown inline.  usage: python3 test_kernel.py path/to/zprime"""
import os
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "..", "src", "kernel")
sys.path.insert(0, SRC)
from zprime_kernel.install import main as install  # noqa: E402

failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + str(detail)))
    if not ok:
        failures.append(name)


def run(kc, code, timeout=60):
    """Execute code; return (reply content, list of iopub messages of this request)."""
    msg_id = kc.execute(code, stop_on_error=False)  # the next cell runs even after an error
    out = []
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        out.append(m)
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    return reply_to(kc, msg_id, timeout), out


def reply_to(kc, msg_id, timeout=60):
    """The shell reply to request msg_id (earlier replies are skipped)."""
    while True:
        m = kc.get_shell_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") == msg_id:
            return m["content"]


def of_type(msgs, t):
    return [m["content"] for m in msgs if m["msg_type"] == t]


def main():
    exe = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="zprime-kernel-")
    os.environ["JUPYTER_DATA_DIR"] = os.path.join(work, "jupyter")
    os.environ["JUPYTER_PATH"] = os.path.join(work, "jupyter")
    os.environ["HOME"] = work
    assert install(["--prefix", work, "--zprime", exe]) == 0
    os.environ["JUPYTER_PATH"] = os.path.join(work, "share", "jupyter")
    km, kc = start_new_kernel(kernel_name="zprime", cwd=work)
    try:
        reply, msgs = run(kc, "m = zp.model{ mZp = 650 }\nm.mZp * 2")
        res = of_type(msgs, "execute_result")
        check("a value is an execute_result", reply["status"] == "ok" and res and res[0]["data"]["text/plain"] == "1300.0", res)

        reply, msgs = run(kc, 'print("streamed-" .. 7 * 6)')
        check("print output streams to stdout",
              any(s["name"] == "stdout" and "streamed-42" in s["text"] for s in of_type(msgs, "stream")), msgs)

        reply, msgs = run(kc, "m.c9_bsmumu")
        err = of_type(msgs, "error")
        check("an error is the message with a suggestion",
              reply["status"] == "error" and err and "did you mean 'C9_bsmumu'" in err[0]["evalue"]
              and "stack traceback" not in "".join(err[0]["traceback"]), err)
        reply, msgs = run(kc, "m.mZp")
        check("the kernel lives on after an error", reply["status"] == "ok", reply)

        reply, msgs = run(kc, "m:check{ quiet = true }")
        res = of_type(msgs, "execute_result")
        check("a check table also comes as HTML", res and "text/html" in res[0]["data"]
              and "constraints pass" in res[0]["data"]["text/plain"], res)

        c = reply_to(kc, kc.complete("zp.mod", 6))
        check("completion", "zp.model" in c["matches"] and c["cursor_start"] == 0, c)
        c = reply_to(kc, kc.complete('zp.model{ mch', 13))
        check("completion of parameter names inside zp.model{", "mchi" in c["matches"] and c["cursor_start"] == 10, c)

        c = reply_to(kc, kc.inspect("m.DeltaM_s", 10))
        check("inspection shows zp.help", c["found"] and "eq. (17)" in c["data"]["text/plain"], c)

        csv = os.path.join(work, "long.csv")
        msg_id = kc.execute('zp.scan{ model = m, over = { mZp = zp.range(200, 2000, 400), thetaD = zp.logrange(1e-4, 0.1, 400) },'
                            ' observe = { "C9_bsmumu", "DeltaM_s", "Omega_h2" }, out = "%s" }' % csv)
        t0 = time.time()
        while (not os.path.exists(csv) or os.path.getsize(csv) < 20000) and time.time() - t0 < 30:
            time.sleep(0.1)
        km.interrupt_kernel()
        reply = reply_to(kc, msg_id)
        check("an interrupt stops a long scan", reply["status"] == "error" and "interrupted!" in reply["evalue"], reply)
        with open(csv) as f:
            rows = [l for l in f if l and not l.startswith("#")]
        check("the interrupted scan kept its rows", len(rows) > 10 and len(rows) < 160000, len(rows))
        reply, msgs = run(kc, "m.mZp")
        res = of_type(msgs, "execute_result")
        check("the kernel keeps its state after an interrupt", res and res[0]["data"]["text/plain"] == "650.0", res)

        reply, msgs = run(kc, 'zp.plot{ series = { { x = { 1, 2, 3 }, y = { 1, 4, 9 } } }, out = "%s/sq.png" }' % work)
        disp = of_type(msgs, "display_data")
        check("a plot is shown inline as PNG", disp and disp[0]["data"]["image/png"][:4] == "iVBO", disp)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
