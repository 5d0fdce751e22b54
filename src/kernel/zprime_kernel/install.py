"""Register the "zprime" kernelspec with Jupyter (jupyter_client's KernelSpecManager)."""
import argparse
import json
import os
import shutil
import sys
import tempfile

from jupyter_client.kernelspec import KernelSpecManager


def kernel_json(zprime):
    """The kernelspec: this Python runs the package from this source tree, driving `zprime`."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return {
        "argv": [sys.executable, "-Xfrozen_modules=off", "-m", "zprime_kernel", "-f", "{connection_file}"],
        "display_name": "zprime",
        "language": "lua",
        "interrupt_mode": "signal",
        "env": {"PYTHONPATH": here, "ZPRIME_BIN": os.path.abspath(zprime)},
        "metadata": {"debugger": False},
    }


def main(argv):
    p = argparse.ArgumentParser(prog="python3 -m zprime_kernel install",
                                description="Register the zprime Jupyter kernel.")
    p.add_argument("--user", action="store_true", help="install for the current user")
    p.add_argument("--prefix", help="install under PREFIX/share/jupyter/kernels")
    p.add_argument("--zprime", default=os.environ.get("ZPRIME_BIN", "zprime"),
                   help="path of the zprime executable (default: $ZPRIME_BIN or zprime on PATH)")
    a = p.parse_args(argv)
    exe = shutil.which(a.zprime) or a.zprime
    if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
        print("install: no zprime executable at '%s' (give --zprime build/zprime)" % a.zprime, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "kernel.json"), "w") as f:
            json.dump(kernel_json(exe), f, indent=2)
        dest = KernelSpecManager().install_kernel_spec(d, "zprime", user=a.user, prefix=a.prefix)
    print("installed kernelspec zprime in %s" % dest)
    return 0
