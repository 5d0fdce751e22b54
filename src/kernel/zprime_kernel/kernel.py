"""ZprimeKernel: ipykernel's Kernel driving one `zprime --serve` child (protocol: docs/notebook.md).

Cells run in the child exactly as at the zprime prompt; what the code prints streams to the
notebook; results, tables, inline PNG figures, errors, completions and zp.help texts come back
as reply frames on a pipe of their own.  The stop button sends SIGINT to the child, which stops
the running cell as Ctrl-C does at the prompt; the child keeps its state.
"""
import base64
import codecs
import os
import re
import select
import signal
import subprocess

from ipykernel.kernelbase import Kernel

from . import __version__


class ChildDied(Exception):
    """The zprime process ended (it is restarted for the next cell)."""


class Child:
    """One `zprime --serve` process: requests on its stdin, replies on the pipe ZPRIME_SERVE_FD."""

    def __init__(self, exe):
        r, w = os.pipe()
        env = dict(os.environ, ZPRIME_SERVE_FD=str(w))
        self.proc = subprocess.Popen([exe, "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, pass_fds=(w,), env=env,
                                     start_new_session=True)  # Jupyter's SIGINT reaches it only through us
        os.close(w)
        self.frames = r
        self.buf = b""
        self.dec = {"stdout": codecs.getincrementaldecoder("utf-8")("replace"),
                    "stderr": codecs.getincrementaldecoder("utf-8")("replace")}

    def alive(self):
        return self.proc.poll() is None

    def interrupt(self):
        if self.alive():
            os.kill(self.proc.pid, signal.SIGINT)

    def close(self):
        if self.alive():
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        os.close(self.frames)

    def _next_frame(self):
        """(kind, payload bytes) from the buffer, or None when incomplete."""
        nl = self.buf.find(b"\n")
        if nl < 0:
            return None
        kind, n = self.buf[:nl].split(b" ")
        n = int(n)
        if len(self.buf) < nl + 1 + n:
            return None
        payload = self.buf[nl + 1:nl + 1 + n]
        self.buf = self.buf[nl + 1 + n:]
        return kind.decode(), payload

    def _drain(self, on_stream, timeout):
        streams = {self.proc.stdout.fileno(): "stdout", self.proc.stderr.fileno(): "stderr"}
        fds = [self.frames] + list(streams)
        ready, _, _ = select.select(fds, [], [], timeout)
        got = False
        for fd in ready:
            data = os.read(fd, 65536)
            if fd == self.frames:
                if not data:
                    raise ChildDied()
                self.buf += data
            elif data:
                text = self.dec[streams[fd]].decode(data)
                if text:
                    on_stream(streams[fd], text)
            got = got or bool(data)
        return got

    def request(self, kind, payload, on_stream, on_frame, on_interrupt=None):
        """Send one request; call on_stream(name, text) for output and on_frame(kind, bytes) for
        each reply until "done"."""
        data = payload.encode()
        try:
            self.proc.stdin.write(b"%s %d\n" % (kind.encode(), len(data)) + data)
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise ChildDied()
        while True:
            try:
                frame = self._next_frame()
                if frame is None:
                    self._drain(on_stream, None)
                    continue
                if frame[0] == "done":
                    while self._drain(on_stream, 0):  # output written before "done" is in the pipes
                        pass
                    return
                on_frame(*frame)
            except KeyboardInterrupt:
                self.interrupt()
                if on_interrupt:
                    on_interrupt()


class ZprimeKernel(Kernel):
    implementation = "zprime"
    implementation_version = __version__
    language = "lua"
    language_version = "5.4"
    language_info = {"name": "lua", "mimetype": "text/x-lua", "file_extension": ".lua",
                     "codemirror_mode": "lua", "pygments_lexer": "lua"}
    banner = "zprime -- Z' portal model of arXiv:1702.00395 (Lua 5.4 shell; zp is loaded)"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.exe = os.environ.get("ZPRIME_BIN", "zprime")
        self.child = Child(self.exe)

    def _stream(self, name, text):
        self.send_response(self.iopub_socket, "stream", {"name": name, "text": text})

    def _request(self, kind, payload, on_frame):
        try:
            self.child.request(kind, payload, self._stream, on_frame)
            return True
        except ChildDied:
            self.child.close()
            self.child = Child(self.exe)
            self._stream("stderr", "zprime stopped; a new interpreter was started (earlier variables are gone)\n")
            return False

    def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False):
        result, errors = {}, []

        def on_frame(kind, payload):
            if kind == "text":
                result["text/plain"] = payload.decode("utf-8", "replace")
            elif kind == "html":
                result["text/html"] = payload.decode("utf-8", "replace")
            elif kind == "png":
                path = payload.decode()
                try:
                    with open(path, "rb") as f:
                        png = base64.b64encode(f.read()).decode()
                except OSError as e:
                    self._stream("stderr", "cannot show %s: %s\n" % (path, e))
                    return
                if not silent:
                    self.send_response(self.iopub_socket, "display_data",
                                       {"data": {"image/png": png, "text/plain": path}, "metadata": {}})
            elif kind == "error":
                errors.append(payload.decode("utf-8", "replace"))

        ok = self._request("exec", code, on_frame)
        if errors or not ok:
            text = errors[0] if errors else "error: the interpreter stopped"
            content = {"ename": "error", "evalue": text.split("\n")[0], "traceback": [text]}
            if not silent:
                self.send_response(self.iopub_socket, "error", content)
            return dict(content, status="error", execution_count=self.execution_count)
        if result and not silent:
            self.send_response(self.iopub_socket, "execute_result",
                               {"execution_count": self.execution_count, "data": result, "metadata": {}})
        return {"status": "ok", "execution_count": self.execution_count, "payload": [],
                "user_expressions": {}}

    def do_complete(self, code, cursor_pos):
        before = code[:cursor_pos]
        got = {}
        self._request("complete", before, lambda k, p: got.__setitem__(k, p))
        lines = got.get("complete", b"@0").decode("utf-8", "replace").split("\n")
        start_bytes = int(lines[-1][1:]) if lines[-1].startswith("@") else len(before.encode())
        start = len(before.encode()[:start_bytes].decode("utf-8", "replace"))
        return {"status": "ok", "matches": lines[:-1], "cursor_start": start, "cursor_end": cursor_pos,
                "metadata": {}}

    def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        left = re.search(r"[\w.:]*$", code[:cursor_pos]).group(0)
        right = re.match(r"\w*", code[cursor_pos:]).group(0)
        token = left + right
        name = token if token.startswith("zp.") else re.split(r"[.:]", token)[-1]
        got = {}
        if name:
            self._request("inspect", name, lambda k, p: got.__setitem__(k, p))
        text = got.get("inspect", b"").decode("utf-8", "replace")
        return {"status": "ok", "found": bool(text), "data": {"text/plain": text} if text else {},
                "metadata": {}}

    def do_shutdown(self, restart):
        self.child.close()
        if restart:
            self.child = Child(self.exe)
        return {"status": "ok", "restart": restart}
