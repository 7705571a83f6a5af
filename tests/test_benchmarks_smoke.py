"""Smoke test of the benchmark runner: ``benchmarks/run.py --smoke`` exits 0 and prints its
tables (it checks every system's loss and gradients against the numpy references first).
Timings are never asserted: they mean nothing at smoke size."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_runner_smoke(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        # (a hang guard, not a speed check: the smoke run takes ~30 s quiet, and a clean-clone
        # CI beside other work at load 16 took over 120 s)
        timeout=600,
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    for heading in ("## Training steps", "## Checker and runtime-check overhead",
                    "## Memory over MLP b32", "## Targets"):
        assert heading in res.stdout
    for row in ("MLP 784-256-128-10 b32", "MLP 784-256-128-10 b256", "CNN", "chain of 200",
                "LSTM", "plugin / plain", "@tf.shapecheck", "share of shape checks"):
        assert row in res.stdout, row
    assert "ERROR" not in res.stdout
    assert out.read_text() == res.stdout.rstrip("\n") + "\n"


def test_the_hand_kept_section_survives_a_new_report() -> None:
    # RESULTS.md's compiled-steps section comes from the independent harness, not run.py:
    # run.py --out puts it back after the new report's title.
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    kept = f"{run.KEPT_START}\n## Compiled\n| a | b |\n{run.KEPT_END}"
    old = f"# typedflux benchmarks\n\n{kept}\n\n## Training steps\nold numbers\n"
    new = "# typedflux benchmarks\n\n- date: today\n\n## Training steps\nnew numbers\n"
    got = run._with_kept(new, old)
    assert got == f"# typedflux benchmarks\n\n{kept}\n\n- date: today\n\n## Training steps\nnew numbers\n"
    assert run._with_kept(new, "") == new
    assert run._with_kept(new, "# no kept section\n") == new


def test_the_gemm_floor_demonstration_runs() -> None:
    # benchmarks/gemm_floor.py (numpy's eight GEMMs of the MLP step against jax's whole step,
    # RESULTS.md "Why jax jit is ahead"): one short round; without jax, numpy's columns only.
    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "gemm_floor.py"), "--smoke"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    assert "| batch | numpy: 8 GEMMs | numpy: whole step |" in res.stdout
    row = next(line for line in res.stdout.splitlines() if line.startswith("| 32 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert len(cells) == 6 and cells[1].endswith(" us") and cells[2].endswith(" us")
