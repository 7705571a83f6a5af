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

Why the absolute ratio (B/plain) is noisy, and what this script does about it: mypy's CPU time
for the same files on this (virtual, shared) machine drifts by 10-20% between runs a minute
apart, even at load ~1 (plain 44.8 s and 37.0 s in two rounds of one quiet measure), while
B/plain must be read to ~0.05. CPU time is not a count of work: it grows when the core's caches
and memory bandwidth are shared (other processes, other guests of the host) and with the
host's clock (the cause of the drift at low load is not established). Each run's user and system time, page faults and involuntary context switches
(preemptions) are printed so a drift can be told from a difference of work. What reduces it:

- ``PYTHONHASHSEED=0`` for every run (``--hashseed``): the same set and dict orders in mypy
  and the plugin in every run (one possible difference of work between runs removed).
- ``--pair``: each round runs B and plain mypy AT THE SAME TIME, each pinned to its own core
  (cores swapped each round), then A and a second plain run the same way: a drift of the
  machine's speed over minutes hits both runs of a ratio alike (sequential runs a minute
  apart do not share it). B/A is then (B/plain) / (A/plain'), each over its own concurrent
  plain run. Each run shares the host's caches with the other one, so a paired ratio is
  "with a sibling mypy running" — the same condition on both sides. Needs 2 cores; doubles
  the momentary load.
- The minimum of each side over the rounds is reported beside the medians: a slowdown from
  sharing only adds time, so the minimum of N runs estimates the undisturbed cost; the ratio
  of minima, with the per-round ratios' spread, says how far to trust one number.
"""

from __future__ import annotations

import argparse
import ast
import os
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
    user: float = 0.0
    sys: float = 0.0
    minflt: int = 0  # page faults served without I/O
    nivcsw: int = 0  # involuntary context switches: preempted by another process

    def detail(self) -> str:
        return (f"user {self.user:.2f} sys {self.sys:.2f} minflt {self.minflt // 1000}k "
                f"preempted {self.nivcsw}")


class Running(NamedTuple):
    side: Side
    cache: Path
    proc: "subprocess.Popen[bytes]"
    out: Path
    wall0: float


def start(python: str, side: Side, cache: Path, env: Dict[str, str],
          core: Optional[int] = None) -> Running:
    """Start one mypy run of ``side`` with a fresh cache directory ``cache`` (pinned to
    ``core`` when given)."""
    cmd = [python, "-m", "mypy", "--config-file", str(side.ini), "--cache-dir", str(cache),
           *side.files]
    out = cache.with_name(cache.name + ".out")
    pin = (lambda: os.sched_setaffinity(0, {core})) if core is not None else None
    with open(out, "wb") as f:
        proc = subprocess.Popen(cmd, cwd=side.root, stdout=f, stderr=subprocess.STDOUT,
                                env=env, preexec_fn=pin)
    return Running(side, cache, proc, out, time.perf_counter())


def finish(r: Running) -> Sample:
    """Wait for ``r``; its own CPU time and counts (``os.wait4``: this child's rusage only,
    so two runs at once are timed apart)."""
    _, status, ru = os.wait4(r.proc.pid, 0)
    r.proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - r.wall0
    shutil.rmtree(r.cache, ignore_errors=True)
    text = r.out.read_text(errors="replace").strip()
    r.out.unlink()
    # 0 = clean, 1 = type errors (the cases have them on purpose); else a crash.
    if r.proc.returncode not in (0, 1):
        raise SystemExit(f"mypy ({r.side.name}) exited {r.proc.returncode}: {text[-1500:]}")
    return Sample(ru.ru_utime + ru.ru_stime, wall, text.splitlines()[-1] if text else "",
                  ru.ru_utime, ru.ru_stime, ru.ru_minflt, ru.ru_nivcsw)


def run_once(python: str, side: Side, cache: Path, env: Dict[str, str]) -> Sample:
    """One mypy run of ``side`` with a fresh cache directory ``cache`` (removed after)."""
    return finish(start(python, side, cache, env))


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


def _summary(samples: Dict[str, List[float]], plain_a: str, pair: bool) -> List[str]:
    med = {n: statistics.median(v) for n, v in samples.items()}
    ra = [a / p for a, p in zip(samples["A"], samples[plain_a])]
    rb = [b / p for b, p in zip(samples["B"], samples["plain"])]
    # (--pair: A and B ran at different times, each beside its own plain run)
    ba = [b / a for a, b in zip(ra, rb)] if pair else [
        b / a for a, b in zip(samples["A"], samples["B"])]
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
        "minima: " + ", ".join(f"{n} {min(v):.2f}s" for n, v in samples.items())
        + f"; ratio of minima: A/plain {min(samples['A']) / min(samples[plain_a]):.3f}  "
        f"B/plain {min(samples['B']) / min(samples['plain']):.3f}  "
        f"B/A {min(samples['B']) / min(samples['A']):.3f}",
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
    ap.add_argument("--limit", type=int, default=0,
                    help="check only the first N files (a quick trial of the script)")
    ap.add_argument("--pair", action="store_true",
                    help="run B with plain, then A with a second plain, at the same time, "
                         "each pinned to its own core (a drift of speed hits both alike)")
    ap.add_argument("--hashseed", default="0",
                    help="PYTHONHASHSEED of every run (default 0: the same work each run; "
                         "'random' for Python's default)")
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
        if args.limit:
            files = {s: f[:args.limit] for s, f in files.items()}
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
        env["PYTHONHASHSEED"] = args.hashseed
        if args.pair:
            if args.plain == "both":
                raise SystemExit("--pair pairs each side with its own plain run: no --plain both")
            if len(os.sched_getaffinity(0)) < 2:
                raise SystemExit("--pair needs 2 cores")
            sides["plainA"] = Side("plainA", tmp / "B", tmp / "B_plain.ini", files["B"])
        _check_sides_load_their_trees(args.python, tmp, env)
        mypy_version = subprocess.run([args.python, "-m", "mypy", "--version"],
                                      capture_output=True, text=True).stdout.strip()
        print(f"A: {desc['A']}")
        print(f"B: {desc['B']}")
        print(f"files: A's own {len(own['A'])}, B's own {len(own['B'])}; checked: "
              f"A {len(files['A'])}, B {len(files['B'])} (--files {args.files})")
        print(f"{mypy_version}; {'--pyc warm' if args.pyc else 'PYTHONDONTWRITEBYTECODE=1 (cold)'}"
              f"; PYTHONHASHSEED={args.hashseed}; {'paired at once (--pair)' if args.pair else 'sequential'}"
              f"; rounds {args.rounds}; load {loadavg()}", flush=True)

        names = list(sides)
        if args.pyc:
            print("warm-up round (untimed) ...", flush=True)
            for n in names:
                run_once(args.python, sides[n], tmp / "cache_warm", env)
        samples: Dict[str, List[float]] = {n: [] for n in names}
        last_lines: Dict[str, set[str]] = {n: set() for n in names}
        plain_a = "plainA" if "plainA" in sides else "plain"  # (A's own plain run)
        cores = sorted(os.sched_getaffinity(0))[:2]
        for r in range(args.rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            if r % 2:
                order = order[::-1]
            if args.pair:  # (B with plain, then A with plainA; cores swapped each round)
                steps = [[("B", cores[r % 2]), ("plain", cores[1 - r % 2])],
                         [("A", cores[r % 2]), ("plainA", cores[1 - r % 2])]]
                if r % 2:
                    steps.reverse()
            else:
                steps = [[(n, None)] for n in order]
            row = []
            for step in steps:
                running = [(n, start(args.python, sides[n], tmp / f"cache_{n}_{r}", env, core))
                           for n, core in step]
                for n, run in running:
                    got = finish(run)
                    samples[n].append(got.cpu)
                    last_lines[n].add(got.last_line)
                    row.append(f"{n} {got.cpu:6.2f}s (wall {got.wall:5.1f}; {got.detail()})")
            a, b = samples["A"][-1], samples["B"][-1]
            ra, rb = a / samples[plain_a][-1], b / samples["plain"][-1]
            print(f"round {r + 1}:\n  " + "\n  ".join(row) + "\n "
                  + f" A/plain {ra:.3f}  B/plain {rb:.3f}"
                  f"  B/A {(rb / ra if args.pair else b / a):.3f}"
                  f" | load {loadavg()}", flush=True)
        for line in _summary(samples, plain_a, args.pair):
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
