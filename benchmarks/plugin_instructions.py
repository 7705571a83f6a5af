"""The plugin's cost over plain mypy in instructions, a count the machine's load does not move.

How to run it (from the repository root, with the python whose mypy you want counted; needs
``valgrind``)::

    python benchmarks/plugin_instructions.py --a main --b .            # every bench file
    python benchmarks/plugin_instructions.py --a main --b . --every 4  # a quarter of them

Why: on a shared machine mypy's CPU time for the same files drifts 10-30 % between runs
(``plugin_ab.py``'s docstring), so two versions of the plugin a few percent apart cannot be
told apart by time while others work. ``valgrind --tool=callgrind`` counts the instructions
a run executes (Ir): the same run gives the same count (within ~0.1 %: ``PYTHONHASHSEED=0``,
one thread of work) whatever else the machine does, at ~50x the time.

What is counted: the check of the bench files themselves (``bench_files.py``: examples and
``tests/typecheck/case_*.py``; ``--every K`` takes every K-th), with their dependencies
(typeshed, numpy, typedflux, torch...) read from a warm mypy cache. For each of A's plugin,
B's plugin and plain mypy (in B's tree): one native run with a fresh cache fills the cache,
the bench modules' own entries are dropped from it, and a run under callgrind checks just
them again (each side's cache is its own: the plugin's version is part of mypy's cache key).
The plugin's cost on the dependencies themselves is not in this count: it is small (a fresh
run of a file importing what the bench files import: plugin +0.75 s over plain's ~25 s,
2026-12-08, mostly the plugin's own import), while the plugin's cost on the bench files is
most of its overhead (warm dependencies: plain ~4.4 s, plugin ~11 s of CPU on main
ecc2a20). The gate (fresh cache, CPU time: ``plugin_ab.py``) divides by a plain run that
also checks the dependencies, so its ratio is smaller than the ratio printed here; the
difference ``B - plain`` in instructions, over ``plain``'s, is the part of the gate's
overhead a change of the plugin moves.

Prints the instructions of each run, B/A, A/plain and B/plain, and each run's mypy summary
line (A, B and plain must report the same errors for the count to compare like with like).
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_files import bench_files  # noqa: E402
from plugin_ab import ROOT, Side, bench_constants, make_tree  # noqa: E402


def drop_modules(cache: Path, modules: Sequence[str]) -> int:
    """Remove the entries of the top-level ``modules`` from the mypy cache ``cache`` (the
    sqlite cache of mypy 2.x, or the json/ff files of a file cache): mypy then checks those
    modules again and reads every other from the cache. Returns how many entries went."""
    mods = set(modules)
    dropped = 0
    for db in glob.glob(str(cache / "*" / "cache*.db")):
        con = sqlite3.connect(db)
        try:
            for (path,) in con.execute("select path from files2").fetchall():
                if "/" not in path and path.split(".", 1)[0] in mods:
                    con.execute("delete from files2 where path = ?", (path,))
                    dropped += 1
            con.commit()
        finally:
            con.close()
    for d in glob.glob(str(cache / "*")):
        for f in Path(d).glob("*"):
            if f.is_file() and not f.name.startswith("cache") and f.name.split(".", 1)[0] in mods:
                f.unlink()
                dropped += 1
    return dropped


def _mypy(python: str, side: Side, cache: Path, env: Dict[str, str],
          prefix: Sequence[str] = ()) -> Tuple[str, str]:
    cmd = [*prefix, python, "-m", "mypy", "--config-file", str(side.ini),
           "--cache-dir", str(cache), *side.files]
    done = subprocess.run(cmd, cwd=side.root, capture_output=True, text=True, env=env)
    if done.returncode not in (0, 1):  # (1: type errors, which the cases have on purpose)
        raise SystemExit(f"mypy ({side.name}) exited {done.returncode}: "
                         f"{(done.stdout + done.stderr)[-1500:]}")
    lines = done.stdout.strip().splitlines()
    return (lines[-1] if lines else ""), done.stderr


def count(python: str, side: Side, tmp: Path, env: Dict[str, str]) -> Tuple[int, str]:
    """Instructions of one run of ``side`` over its files, dependencies from a warm cache;
    and mypy's summary line."""
    cache = tmp / f"cache_{side.name}"
    _mypy(python, side, cache, env)  # (fills the cache: dependencies and the files)
    drop_modules(cache, [Path(f).stem for f in side.files])
    out = tmp / f"callgrind.{side.name}"
    summary, err = _mypy(python, side, cache, env, [
        "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"])
    found = re.search(r"Collected : (\d+)", err)
    if found is None:
        raise SystemExit(f"no instruction count from callgrind ({side.name}): {err[-1500:]}")
    shutil.rmtree(cache, ignore_errors=True)
    out.unlink(missing_ok=True)
    return int(found.group(1)), summary


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--a", required=True, help="git revision (of --repo) or directory")
    ap.add_argument("--b", required=True, help="git revision (of --repo) or directory")
    ap.add_argument("--every", type=int, default=1, help="count every K-th bench file")
    ap.add_argument("--sides", default="A,B,plain", help="which runs to count")
    ap.add_argument("--repo", default=str(ROOT), help="repository of revisions")
    ap.add_argument("--python", default=sys.executable, help="python that runs mypy")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("needs valgrind (apt-get install valgrind)")

    tmp = Path(tempfile.mkdtemp(prefix="plugin-instr-"))
    try:
        for s in ("A", "B"):
            print(f"{s}: {make_tree(getattr(args, s.lower()), args.repo, tmp / s)}")
        ini_text, crashes = bench_constants(tmp / "B")
        files = bench_files(tmp / "B", crashes)[::args.every]
        sides: Dict[str, Side] = {}
        for s in ("A", "B"):
            (tmp / f"{s}.ini").write_text(ini_text.format(plugins="plugins = mypy_plugin\n"))
            sides[s] = Side(s, tmp / s, tmp / f"{s}.ini", files)
        (tmp / "plain.ini").write_text(ini_text.format(plugins=""))
        sides["plain"] = Side("plain", tmp / "B", tmp / "plain.ini", files)
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
        env.pop("PYTHONPYCACHEPREFIX", None)
        print(f"files: {len(files)} of B's bench files (--every {args.every}); "
              "dependencies from a warm cache; PYTHONHASHSEED=0, no bytecode cache", flush=True)
        got: Dict[str, int] = {}
        for name in args.sides.split(","):
            got[name], summary = count(args.python, sides[name], tmp, env)
            print(f"  {name:5s} {got[name]:>15,d} instructions  ({summary})", flush=True)
        ratios = [f"{x}/{y} {got[x] / got[y]:.4f}" for x, y in (
            ("B", "A"), ("A", "plain"), ("B", "plain")) if x in got and y in got]
        print("  " + "  ".join(ratios))
        if "plain" in got:
            print("  plugin's instructions over plain: " + ", ".join(
                f"{s} +{(got[s] - got['plain']) / 1e9:.2f}G" for s in ("A", "B") if s in got))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
