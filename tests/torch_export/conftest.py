"""In CI the torch tests must run, not skip: CI installs the ``test`` extra (torch, onnx,
onnxscript, onnxruntime) and the ``examples`` extra (scikit-learn), so when the ``CI``
environment variable is set a missing one is a collection error here instead of a module of
silently skipped tests. Elsewhere (a developer without PyTorch) the modules skip."""

import importlib
import os

if os.environ.get("CI"):
    for _name in ("torch", "onnx", "onnxscript", "onnxruntime", "sklearn"):
        importlib.import_module(_name)  # ImportError: CI did not install the test extras

# The helper module imports torch at its top and holds no doctests: never collected on its own
# (--doctest-modules would import it even where torch is missing).
collect_ignore = ["torch_helpers.py"]
