"""Settings for the whole suite.

- The optional PyTorch extra's modules (typedflux/torch/) are collected for doctests only where
  torch is installed. In CI it always is (tests/torch_export/conftest.py makes a missing torch
  an error there).
- Every temporary file a test, a doctest or a subprocess they start makes goes under one folder
  that is removed when the run ends. Doctests show ``tempfile.mkdtemp()`` as users write it, and
  the property tests write a folder of programs per example: left in the system's temp folder,
  repeated runs filled the disk of the machine CI runs on.
"""

import importlib.util
import os
import shutil
import tempfile
from typing import Iterator

import pytest

collect_ignore = [] if importlib.util.find_spec("torch") else ["typedflux/torch"]


@pytest.fixture(scope="session", autouse=True)
def _one_temp_folder_per_run() -> Iterator[None]:
    folder = tempfile.mkdtemp(prefix="typedflux-tests-")
    saved_dir, saved_env = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir = folder
    os.environ["TMPDIR"] = folder  # for the mypy and Python subprocesses the tests start
    try:
        yield
    finally:
        tempfile.tempdir = saved_dir
        if saved_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved_env
        shutil.rmtree(folder, ignore_errors=True)
