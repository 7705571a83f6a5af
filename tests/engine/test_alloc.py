"""The allocator tuning applied at import, and its opt-out."""

from __future__ import annotations

import os
import platform
import subprocess
import sys

import pytest

GLIBC = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"


def _tuned(env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "TYPEDFLUX_NO_MALLOC_TUNING"}
    if env_value is not None:
        env["TYPEDFLUX_NO_MALLOC_TUNING"] = env_value
    code = "import typedflux.engine.alloc as a; print(a.tune_allocator())"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.skipif(not GLIBC, reason="mallopt exists only in glibc")
def test_import_tunes_glibc_and_the_variable_opts_out() -> None:
    assert _tuned(None) == "True"
    assert _tuned("1") == "False"
