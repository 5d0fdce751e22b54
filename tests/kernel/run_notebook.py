"""Execute examples/workshop.ipynb headless with `jupyter nbconvert --to notebook --execute` on the
zprime kernel and check it: every code cell ran, no cell errored, figures are embedded as PNG.
usage: python3 run_notebook.py path/to/zprime notebook.ipynb outdir"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "src", "kernel"))
from zprime_kernel.install import main as install  # noqa: E402


def main():
    exe, nb, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    if install(["--prefix", out, "--zprime", exe]) != 0:
        return 1
    env = dict(os.environ, JUPYTER_PATH=os.path.join(out, "share", "jupyter"), HOME=out)
    # the kernel runs in the notebook's directory: execute a copy in out, so the files go there
    copy = os.path.join(out, "workshop.ipynb")
    with open(nb) as src, open(copy, "w") as dst:
        dst.write(src.read())
    cmd = [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", copy, "--output-dir", out,
           "--output", "workshop.executed", "--ExecutePreprocessor.kernel_name=zprime",
           "--ExecutePreprocessor.timeout=240"]
    r = subprocess.run(cmd, cwd=out, env=env)
    if r.returncode != 0:
        print("FAIL: nbconvert exited with %d" % r.returncode)
        return 1
    done = json.load(open(os.path.join(out, "workshop.executed.ipynb")))
    cells = [c for c in done["cells"] if c["cell_type"] == "code"]
    bad = [i for i, c in enumerate(cells) if c.get("execution_count") is None]
    errs = [o for c in cells for o in c["outputs"] if o["output_type"] == "error"]
    pngs = [o for c in cells for o in c["outputs"] if "image/png" in o.get("data", {})]
    text = "".join(o.get("text", "") if isinstance(o.get("text", ""), str) else "".join(o["text"])
                   for c in cells for o in c["outputs"])
    print("%d code cells, %d not run, %d errors, %d PNG figures" % (len(cells), len(bad), len(errs), len(pngs)))
    ok = not bad and not errs and len(pngs) >= 4 and "stack traceback" not in text
    for e in errs:
        print("error output:", e.get("evalue"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
