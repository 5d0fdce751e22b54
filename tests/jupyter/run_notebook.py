"""Execute examples/workshop.ipynb headless with nbconvert on the zprime kernel and check that
every code cell ran, no cell errored, and the figures are embedded as PNG.

    /usr/bin/python3 tests/jupyter/run_notebook.py ZPRIME_BINARY SOURCE_DIR WORKDIR

Exit status 0 on success, 1 on a failed check, 77 when Jupyter is not installed."""
import json
import os
import shutil
import subprocess
import sys

zprime, src, work = (os.path.abspath(a) for a in sys.argv[1:4])
if shutil.which("jupyter") is None or subprocess.run(
        ["/usr/bin/python3", "-c", "import nbconvert, ipykernel"], capture_output=True).returncode != 0:
    print("SKIP: jupyter, nbconvert or ipykernel is not installed (bash scripts/setup.sh --notebook)")
    sys.exit(77)
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
prefix = os.path.join(work, "prefix")
subprocess.run([zprime, "--install-kernel", "--prefix", prefix], check=True)
env = dict(os.environ, JUPYTER_PATH=os.path.join(prefix, "share", "jupyter"), HOME=work,
           PYDEVD_DISABLE_FILE_VALIDATION="1")
shutil.copy(os.path.join(src, "examples", "workshop.ipynb"), work)
r = subprocess.run(["jupyter", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=600",
                    "--ExecutePreprocessor.kernel_name=zprime", "workshop.ipynb", "--output", "executed.ipynb"],
                   cwd=work, env=env, capture_output=True, text=True)
print(r.stderr[-2000:])
if r.returncode != 0:
    print("FAIL nbconvert exited with status %d" % r.returncode)
    sys.exit(1)
nb = json.load(open(os.path.join(work, "executed.ipynb")))
code = [c for c in nb["cells"] if c["cell_type"] == "code"]
unrun = [c for c in code if c.get("execution_count") is None]
errors = [o for c in code for o in c["outputs"] if o["output_type"] == "error"]
images = [o for c in code for o in c["outputs"] if "image/png" in o.get("data", {})]
print("%d code cells, %d not run, %d errors, %d inline PNG figures" % (len(code), len(unrun), len(errors), len(images)))
ok = not unrun and not errors and len(images) >= 3
print("notebook check " + ("passed" if ok else "FAILED"))
sys.exit(0 if ok else 1)
