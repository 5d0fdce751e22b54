"""`python3 -m zprime_kernel -f CONNECTION_FILE` runs the kernel; `python3 -m zprime_kernel install
[--user | --prefix DIR] [--zprime PATH]` registers the kernelspec."""
import sys

if len(sys.argv) > 1 and sys.argv[1] == "install":
    from .install import main

    sys.exit(main(sys.argv[2:]))
else:
    from ipykernel.kernelapp import IPKernelApp

    from .kernel import ZprimeKernel

    IPKernelApp.launch_instance(kernel_class=ZprimeKernel)
