"""The zprime Jupyter kernel: a thin ipykernel wrapper around `zprime --serve`.

One persistent zprime interpreter per kernel runs every cell exactly as the prompt does (``zp``
loaded, ~/.zprimerc.lua honoured, errors as the message).  The child speaks the framed protocol
of lua/zprime/serve.lua (docs/notebook.md): requests on its standard input, replies on a pipe
named by $ZPRIME_SERVE_FD, and its standard output and error stream into the cell as they come.

Install with `zprime --install-kernel [--user]`; Debian packages: jupyter-notebook,
python3-ipykernel, python3-nbconvert (`bash scripts/setup.sh --notebook`).
"""

import base64
import html
import json
import os
import selectors
import signal
import subprocess
import sys

from ipykernel.kernelapp import IPKernelApp
from ipykernel.kernelbase import Kernel

__version__ = "0.1.0"


def _zprime_binary():
    exe = os.environ.get("ZPRIME_BIN")
    if exe and os.access(exe, os.X_OK):
        return exe
    here = os.path.dirname(os.path.abspath(__file__))
    for cand in (os.path.join(here, "..", "..", "build", "zprime"), os.path.join(here, "..", "..", "..", "bin", "zprime")):
        if os.access(cand, os.X_OK):
            return os.path.abspath(cand)
    return "zprime"


def _as_list(x):
    # lua-cjson writes an empty Lua table as {}
    return [] if isinstance(x, dict) and not x else list(x or [])


class ZprimeKernel(Kernel):
    implementation = "zprime"
    implementation_version = __version__
    language = "lua"
    language_version = "5.4"
    language_info = {
        "name": "lua",
        "mimetype": "text/x-lua",
        "file_extension": ".lua",
        "codemirror_mode": "lua",
        "pygments_lexer": "lua",
    }
    banner = "zprime: the Z' portal model of arXiv:1702.00395 (Lua 5.4, `zp` loaded)"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._next_id = 0
        self._child = None
        self._start_child()

    # ---- the child interpreter ----
    def _start_child(self):
        rfd, wfd = os.pipe()
        env = dict(os.environ, ZPRIME_SERVE_FD=str(wfd))
        self._child = subprocess.Popen(
            [_zprime_binary(), "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, pass_fds=(wfd,), env=env, start_new_session=True)
        os.close(wfd)
        self._replies = os.fdopen(rfd, "rb", buffering=0)
        self._rbuf = b""

    def _send(self, req):
        self._next_id += 1
        req["id"] = self._next_id
        body = json.dumps(req).encode()
        self._child.stdin.write(str(len(body)).encode() + b"\n" + body)
        self._child.stdin.flush()
        return self._next_id

    def _frames(self):
        """Parse complete frames from the reply buffer."""
        out = []
        while True:
            nl = self._rbuf.find(b"\n")
            if nl < 0:
                break
            n = int(self._rbuf[:nl])
            if len(self._rbuf) < nl + 1 + n:
                break
            out.append(json.loads(self._rbuf[nl + 1:nl + 1 + n].decode("utf-8", "replace")))
            self._rbuf = self._rbuf[nl + 1 + n:]
        return out

    def _exchange(self, req, on_frame, silent=True):
        """Send one request; stream output and hand every reply frame to on_frame until "done"."""
        if self._child.poll() is not None:
            self._start_child()
        self._send(req)
        sel = selectors.DefaultSelector()
        sel.register(self._replies, selectors.EVENT_READ, "reply")
        sel.register(self._child.stdout, selectors.EVENT_READ, "stdout")
        sel.register(self._child.stderr, selectors.EVENT_READ, "stderr")
        done = False
        try:
            while not done:
                try:
                    events = sel.select(timeout=1.0)
                except KeyboardInterrupt:  # the notebook's stop button: interrupt the running code
                    self._interrupt_child()
                    continue
                if not events and self._child.poll() is not None:
                    raise RuntimeError("the zprime process ended (exit status %s)" % self._child.returncode)
                for key, _ in events:
                    try:
                        data = os.read(key.fileobj.fileno(), 65536)
                    except KeyboardInterrupt:
                        self._interrupt_child()
                        continue
                    if not data:
                        sel.unregister(key.fileobj)
                        if key.data == "reply":
                            raise RuntimeError("the zprime process closed its reply channel")
                        continue
                    if key.data == "reply":
                        self._rbuf += data
                        for frame in self._frames():
                            if frame.get("type") == "done":
                                done = True
                            else:
                                on_frame(frame)
                    elif not silent:
                        self.send_response(self.iopub_socket, "stream",
                                           {"name": key.data, "text": data.decode("utf-8", "replace")})
        finally:
            sel.close()
        # output the child wrote just before "done"
        if not silent:
            for f, name in ((self._child.stdout, "stdout"), (self._child.stderr, "stderr")):
                self._drain(f, name)

    def _drain(self, f, name):
        sel = selectors.DefaultSelector()
        sel.register(f, selectors.EVENT_READ)
        while sel.select(timeout=0.05):
            data = os.read(f.fileno(), 65536)
            if not data:
                break
            self.send_response(self.iopub_socket, "stream", {"name": name, "text": data.decode("utf-8", "replace")})
        sel.close()

    def _interrupt_child(self):
        if self._child and self._child.poll() is None:
            os.kill(self._child.pid, signal.SIGINT)

    # ---- the messages ----
    def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False):
        state = {"error": None, "progress": None}

        def on_frame(f):
            kind = f.get("type")
            if kind == "display":
                data = dict(f.get("data") or {})
                for mime, path in (f.get("files") or {}).items():
                    try:
                        with open(path, "rb") as fh:
                            data[mime] = base64.b64encode(fh.read()).decode()
                    except OSError as e:
                        data["text/plain"] = "%s (could not read %s: %s)" % (data.get("text/plain", ""), path, e)
                if not silent:
                    self.send_response(self.iopub_socket, "display_data", {"data": data, "metadata": {}})
            elif kind == "progress" and not silent:
                self._progress(state, f)
            elif kind == "result" and not silent:
                self.send_response(self.iopub_socket, "execute_result", {
                    "execution_count": self.execution_count, "data": f.get("data") or {}, "metadata": {}})
            elif kind == "error":
                state["error"] = f

        try:
            self._exchange({"op": "execute", "code": code}, on_frame, silent=silent)
        except RuntimeError as e:
            state["error"] = {"ename": "zprime", "evalue": str(e), "traceback": [str(e)]}
            self._start_child()
        err = state["error"]
        if err:
            content = {"ename": err.get("ename", "error"), "evalue": err.get("evalue", ""),
                       "traceback": _as_list(err.get("traceback")) or [err.get("evalue", "")]}
            if not silent:
                self.send_response(self.iopub_socket, "error", content)
            return dict(content, status="error", execution_count=self.execution_count)
        return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}

    def _progress(self, state, f):
        done, total = f.get("done", 0), max(f.get("total", 1), 1)
        eta = f.get("eta")
        text = "%d/%d points, %.0f points/s%s" % (done, total, f.get("rate") or 0,
                                                  (", ETA %.0f s" % eta) if isinstance(eta, (int, float)) else "")
        data = {"text/plain": text,
                "text/html": '<progress value="%d" max="%d" style="width:40em"></progress> %s' % (
                    done, total, html.escape(text))}
        if state["progress"] is None:
            state["progress"] = "zprime-progress-%d-%d" % (self._next_id, id(state))
            self.send_response(self.iopub_socket, "display_data", {
                "data": data, "metadata": {}, "transient": {"display_id": state["progress"]}})
        else:
            self.send_response(self.iopub_socket, "update_display_data", {
                "data": data, "metadata": {}, "transient": {"display_id": state["progress"]}})

    def do_complete(self, code, cursor_pos):
        reply = {}
        self._exchange({"op": "complete", "code": code, "cursor": cursor_pos}, lambda f: reply.update(f))
        return {"status": "ok", "matches": _as_list(reply.get("matches")),
                "cursor_start": reply.get("start", cursor_pos), "cursor_end": reply.get("stop", cursor_pos),
                "metadata": {}}

    def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        reply = {}
        self._exchange({"op": "inspect", "code": code, "cursor": cursor_pos}, lambda f: reply.update(f))
        found = bool(reply.get("found"))
        return {"status": "ok", "found": found, "data": {"text/plain": reply.get("text", "")} if found else {},
                "metadata": {}}

    def do_is_complete(self, code):
        return {"status": "unknown"}

    def do_shutdown(self, restart):
        if self._child and self._child.poll() is None:
            self._child.stdin.close()
            try:
                self._child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._child.kill()
        return {"status": "ok", "restart": restart}


if __name__ == "__main__":
    IPKernelApp.launch_instance(kernel_class=ZprimeKernel)
