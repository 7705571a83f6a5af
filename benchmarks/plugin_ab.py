"""A/B of the mypy plugin's overhead over plain mypy, by ``bench_mypy``'s method (run.py).

How to run it (from the repository root, with the python whose mypy you want timed)::

    python benchmarks/plugin_ab.py --a main --b . --rounds 3
    python benchmarks/plugin_ab.py --a 5bb8278 --b /path/to/worktree --rounds 1 --pyc

``--a`` and ``--b`` are each a git revision (of ``--repo``, default this repository) or a
directory (a worktree: its working files are copied, uncommitted edits included). Each side is
made a fresh tree in a temporary directory (no ``__pycache__``, no ``.git``), so neither side
reads stale bytecode; only what mypy needs is taken (``TAKE``).

Files checked: as ``bench_mypy``'s ``mypy_targets`` (bench_files.py): ``examples/*.py`` and
``tests/typecheck/case_*.py``, less ``PLAIN_MYPY_CRASHES``; the mypy ini (``MYPY_INI``) and
that set are read from each side's ``benchmarks/run.py`` (by ``ast``, not imported).
``--files b`` (default): both sides check B's files (absolute paths in B's tree; each side's
plugin and typedflux come from its own tree, the working directory); ``--files own``: each
side checks its own.

Each round runs A, B and plain mypy (in B's tree, on B's files; ``--plain both`` adds plain in
A's tree), in an order rotated per round, each with a fresh cache directory, timing mypy's CPU
time (user + system of the child process). By default ``PYTHONDONTWRITEBYTECODE=1`` (a cold
plugin, as a fresh checkout); ``--pyc`` instead uses one ``PYTHONPYCACHEPREFIX`` for the
invocation, warmed by one untimed round (the plugin warm, as an installed plugin).

Prints each round and the medians: A/plain, B/plain and B/A (B's plugin run over A's, paired
per round: the number to compare two versions with on a busy machine, since both sides of a
round see about the same load). The load average is printed with each round: on a shared
2-core machine a run at load > 3 is not comparable with a quiet one.
"""

from __future__ import annotations

import argparse
import ast
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, FrozenSet, List, NamedTuple, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_files import bench_files  # noqa: E402  (run.py's list of files, for any tree)

# What each side's tree needs for a bench_mypy run.
TAKE = ["mypy_plugin", "typedflux", "examples", "tests/typecheck", "benchmarks/run.py",
        "pyproject.toml"]


def make_tree(spec: str, repo: str, dest: Path) -> str:
    """A fresh tree of ``spec`` (an existing directory, else a git revision of ``repo``) at
    ``dest``; returns a description of what was taken."""
    dest.mkdir(parents=True)
    p = Path(spec)
    if p.is_dir():
        src = p.resolve()
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache", ".pytest_cache")
        for t in TAKE:
            s = src / t
            if s.is_dir():
                shutil.copytree(s, dest / t, ignore=ignore)
            elif s.is_file():
                (dest / t).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(s, dest / t)
        head = _git(str(src), "rev-parse", "--short", "HEAD") or "?"
        dirty = _git(str(src), "status", "--porcelain", "--untracked-files=no")
        return f"path {src} (HEAD {head}{', with uncommitted edits' if dirty else ''})"
    sha = _git(repo, "rev-parse", "--short", spec)
    if not sha:
        raise SystemExit(f"{spec!r} is neither a directory nor a revision of {repo}")
    archive = subprocess.Popen(["git", "-C", repo, "archive", spec, *TAKE],
                               stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(dest)], stdin=archive.stdout, check=True)
    if archive.wait() != 0:
        raise SystemExit(f"git archive {spec} failed")
    return f"rev {spec} = {sha} (git archive of {repo})"


def _git(repo: str, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True)
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def bench_constants(root: Path) -> Tuple[str, FrozenSet[str]]:
    """``MYPY_INI`` and ``PLAIN_MYPY_CRASHES`` from the tree's benchmarks/run.py."""
    tree = ast.parse((root / "benchmarks" / "run.py").read_text())
    ini: Optional[str] = None
    crashes: FrozenSet[str] = frozenset()
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        if name == "MYPY_INI":
            ini = str(ast.literal_eval(node.value))
        elif name == "PLAIN_MYPY_CRASHES":
            value: ast.expr = node.value
            if isinstance(value, ast.Call):  # frozenset({...}) or frozenset()
                value = value.args[0] if value.args else ast.Set(elts=[])
            crashes = frozenset(str(x) for x in ast.literal_eval(value))
    if ini is None:
        raise SystemExit(f"no MYPY_INI in {root}/benchmarks/run.py")
    return ini, crashes


class Side(NamedTuple):
    """One kind of run: its name, the tree it runs in, its ini and the files it checks."""

    name: str
    root: Path
    ini: Path
    files: List[str]


class Sample(NamedTuple):
    cpu: float  # mypy's CPU time, user + system, seconds
    wall: float
    last_line: str  # mypy's summary line


def run_once(python: str, side: Side, cache: Path, env: Dict[str, str]) -> Sample:
    """One mypy run of ``side`` with a fresh cache directory ``cache`` (removed after)."""
    cmd = [python, "-m", "mypy", "--config-file", str(side.ini), "--cache-dir", str(cache),
           *side.files]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=side.root, capture_output=True, text=True, env=env)
    w1 = time.perf_counter()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(cache, ignore_errors=True)
    # 0 = clean, 1 = type errors (the cases have them on purpose); else a crash.
    if done.returncode not in (0, 1):
        raise SystemExit(f"mypy ({side.name}) exited {done.returncode}: "
                         f"{(done.stderr or done.stdout).strip()[-1500:]}")
    cpu = r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime
    out = done.stdout.strip()
    return Sample(cpu, w1 - w0, out.splitlines()[-1] if out else "")


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _check_sides_load_their_trees(python: str, tmp: Path, env: Dict[str, str]) -> None:
    """Each side must import its own tree's plugin and typedflux (the working directory is
    first on sys.path under ``-m``), not an installed or editable copy."""
    for s in ("A", "B"):
        got = subprocess.run([python, "-c", "import mypy_plugin, typedflux; "
                              "print(mypy_plugin.__file__); print(typedflux.__file__)"],
                             cwd=tmp / s, capture_output=True, text=True, env=env).stdout.split()
        want = str(tmp / s)
        if not got or not all(g.startswith(want) for g in got):
            raise SystemExit(f"side {s} would load {got}, not its tree {want}")


def _summary(samples: Dict[str, List[float]], plain_a: str) -> List[str]:
    med = {n: statistics.median(v) for n, v in samples.items()}
    ra = [a / p for a, p in zip(samples["A"], samples[plain_a])]
    rb = [b / p for b, p in zip(samples["B"], samples["plain"])]
    ba = [b / a for a, b in zip(samples["A"], samples["B"])]
    over_a = statistics.median([a - p for a, p in zip(samples["A"], samples[plain_a])])
    over_b = statistics.median([b - p for b, p in zip(samples["B"], samples["plain"])])
    return [
        "medians: " + ", ".join(f"{n} {v:.2f}s" for n, v in med.items()),
        f"ratio of medians: A/plain {med['A'] / med[plain_a]:.3f}  "
        f"B/plain {med['B'] / med['plain']:.3f}  B/A {med['B'] / med['A']:.3f}",
        f"median of per-round ratios: A/plain {statistics.median(ra):.3f} "
        f"[{min(ra):.3f}-{max(ra):.3f}]  B/plain {statistics.median(rb):.3f} "
        f"[{min(rb):.3f}-{max(rb):.3f}]  B/A {statistics.median(ba):.3f} "
        f"[{min(ba):.3f}-{max(ba):.3f}]",
        f"plugin CPU over plain (median per round): A +{over_a:.2f}s  B +{over_b:.2f}s",
    ]


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--a", required=True, help="git revision (of --repo) or directory")
    ap.add_argument("--b", required=True, help="git revision (of --repo) or directory")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pyc", action="store_true",
                    help="warm bytecode (one PYTHONPYCACHEPREFIX, an untimed first round)")
    ap.add_argument("--files", choices=["b", "own"], default="b",
                    help="b: both sides check B's files; own: each its own")
    ap.add_argument("--plain", choices=["b", "both"], default="b",
                    help="both: also time plain mypy in A's tree")
    ap.add_argument("--repo", default=str(ROOT), help="repository of revisions")
    ap.add_argument("--python", default=sys.executable, help="python that runs mypy")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="plugin-ab-"))
    try:
        desc = {s: make_tree(getattr(args, s.lower()), args.repo, tmp / s) for s in ("A", "B")}
        own: Dict[str, List[str]] = {}
        for s in ("A", "B"):
            ini_text, crashes = bench_constants(tmp / s)
            own[s] = bench_files(tmp / s, crashes)
            for kind, plug in (("plugin", "plugins = mypy_plugin\n"), ("plain", "")):
                (tmp / f"{s}_{kind}.ini").write_text(ini_text.format(plugins=plug))
        files = {s: (own["B"] if args.files == "b" else own[s]) for s in ("A", "B")}
        sides = {s: Side(s, tmp / s, tmp / f"{s}_plugin.ini", files[s]) for s in ("A", "B")}
        sides["plain"] = Side("plain", tmp / "B", tmp / "B_plain.ini", files["B"])
        if args.plain == "both":
            sides["plainA"] = Side("plainA", tmp / "A", tmp / "A_plain.ini", files["A"])

        env = dict(os.environ)
        if args.pyc:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(tmp / "pyc")
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)
        _check_sides_load_their_trees(args.python, tmp, env)
        mypy_version = subprocess.run([args.python, "-m", "mypy", "--version"],
                                      capture_output=True, text=True).stdout.strip()
        print(f"A: {desc['A']}")
        print(f"B: {desc['B']}")
        print(f"files: A's own {len(own['A'])}, B's own {len(own['B'])}; checked: "
              f"A {len(files['A'])}, B {len(files['B'])} (--files {args.files})")
        print(f"{mypy_version}; {'--pyc warm' if args.pyc else 'PYTHONDONTWRITEBYTECODE=1 (cold)'}"
              f"; rounds {args.rounds}; load {loadavg()}", flush=True)

        names = list(sides)
        if args.pyc:
            print("warm-up round (untimed) ...", flush=True)
            for n in names:
                run_once(args.python, sides[n], tmp / "cache_warm", env)
        samples: Dict[str, List[float]] = {n: [] for n in names}
        last_lines: Dict[str, set[str]] = {n: set() for n in names}
        plain_a = "plainA" if "plainA" in sides else "plain"
        for r in range(args.rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            if r % 2:
                order = order[::-1]
            row = []
            for n in order:
                got = run_once(args.python, sides[n], tmp / f"cache_{n}_{r}", env)
                samples[n].append(got.cpu)
                last_lines[n].add(got.last_line)
                row.append(f"{n} {got.cpu:6.2f}s (wall {got.wall:5.1f})")
            a, b = samples["A"][-1], samples["B"][-1]
            print(f"round {r + 1}: " + ", ".join(row)
                  + f" | A/plain {a / samples[plain_a][-1]:.3f}"
                  f"  B/plain {b / samples['plain'][-1]:.3f}  B/A {b / a:.3f}"
                  f" | load {loadavg()}", flush=True)
        for line in _summary(samples, plain_a):
            print(line)
        for n in names:
            print(f"  {n} mypy summary: {' | '.join(sorted(last_lines[n]))}")
        print(f"load at end {loadavg()}")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
