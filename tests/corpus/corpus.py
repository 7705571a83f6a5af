"""The bug/fix corpus: realistic programs, each bug with its fix, checked by mypy and by running.

Layout: ``tests/corpus/<class>/<pair>/bug.py`` and ``fix.py``. The bug file marks the faulty
line with ``# BUG`` (the ground truth, written by hand); after it come mypy's expectations in
the snapshot syntax of tests/typecheck (``# E: <message>  [code]``, ``# N: <note>``). A bug the
checker does not catch as it should carries its reason in the tag, so a change of behaviour
either way fails loudly:

- ``# BUG`` — must be caught: a ``[shape]`` error on this line (and nothing else in the file),
  and running the file raises ``ShapeError`` with the same words on this line;
- ``# BUG[limit: why]`` — a documented limit of mypy's plugin API (docs/errors.md "Known
  limits"): must NOT be caught; mypy says what the ``# E:`` marks say (its own code);
- ``# BUG[gap owner: why]`` — a gap with an owner: must not be caught yet (when it is, the test
  says so: turn the tag into ``# BUG``).

In every case the bug is real: running the file raises ``ShapeError`` on the BUG line (or, for
``Assigned shape`` errors, which no run-time check can see, runs through). The fix must be
clean under mypy (no output at all, of any code) and run to the end, unless a line of it is
tagged ``# ALARM[gap owner: why]`` (a known false alarm, its messages in marks; the bug file
may share it on the same line).

``python tests/corpus/corpus.py`` measures (caught / total by class, false alarms) without
judging the tags; ``--update`` rewrites the ``# E:``/``# N:`` marks from mypy's output.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import sys
import traceback
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from program_lines import (
    Mark, error_lines, marks_of, mypy_cache, parse_line, parse_mypy_output, rewrite, static_only,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONFIG = HERE / "mypy.ini"

_BUG = re.compile(r"#\s*BUG(?:\[(?P<kind>limit|gap)(?P<who>[^:\]]*)(?::\s*(?P<why>.*))?\])?\s*$")
_CODE = re.compile(r"  \[(?P<code>[a-z-]+)\]$")


@dataclass
class Pair:
    """One bug/fix pair of the corpus."""

    cls: str
    name: str
    bug: Path
    fix: Path

    @property
    def id(self) -> str:
        return f"{self.cls}/{self.name}"


@dataclass
class BugTag:
    line: int
    kind: str  # "catch", "limit" or "gap"
    who: str = ""
    why: str = ""


def pairs(root: Path = HERE) -> List[Pair]:
    """Every pair under ``root``, in a stable order."""
    out = []
    for bug in sorted(root.glob("*/*/bug.py")):
        out.append(Pair(bug.parent.parent.name, bug.parent.name, bug, bug.parent / "fix.py"))
    return out


def bug_tag(path: Path) -> BugTag:
    """The one ``# BUG`` tag of a bug file.

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "bug.py"
    >>> _ = p.write_text("x = 1\\ny = f(x)  # BUG[gap layers: no rule]\\n")
    >>> bug_tag(p)
    BugTag(line=2, kind='gap', who='layers', why='no rule')
    """
    found = []
    for n, line in enumerate(path.read_text().splitlines(), start=1):
        code, _ = parse_line(line)
        m = _BUG.search(code)
        if m:
            found.append(BugTag(n, m.group("kind") or "catch", (m.group("who") or "").strip(),
                                (m.group("why") or "").strip()))
    if len(found) != 1:
        raise ValueError(f"{path}: need exactly one # BUG tag, found {len(found)}")
    return found[0]


_ALARM = re.compile(r"#\s*ALARM\[gap\s*(?P<who>[^:\]]*)(?::\s*(?P<why>.*))?\]\s*$")


def alarm_tag(path: Path) -> Optional[str]:
    """A fix file's known false alarm (``# ALARM[gap owner: why]``, its mypy output in
    ``# E:`` marks), or None: a fix is clean unless it says so."""
    for line in path.read_text().splitlines():
        m = _ALARM.search(parse_line(line)[0])
        if m:
            return f"{m.group('who').strip()}: {(m.group('why') or '').strip()}"
    return None


def alarm_lines(path: Path) -> List[int]:
    return [n for n, line in enumerate(path.read_text().splitlines(), start=1)
            if _ALARM.search(parse_line(line)[0])]


# -- mypy -----------------------------------------------------------------------------------------

def mypy_args(files: Sequence[Path], *extra: str, config: Optional[Path] = CONFIG,
              cache: str = "corpus") -> List[str]:
    args = ["--cache-dir", str(mypy_cache(cache)), "--no-error-summary",
            "--hide-error-context", "--no-pretty", "--no-color-output", "--show-error-codes",
            "--explicit-package-bases"]
    if config is not None:
        args[:0] = ["--config-file", str(config)]
    return [*args, *extra, *map(str, files)]


def run_mypy(files: Sequence[Path], *extra: str, config: Optional[Path] = CONFIG,
             cache: str = "corpus", bases: Sequence[Path] = (HERE,)
             ) -> Dict[Path, Dict[int, List[Mark]]]:
    """mypy's messages for ``files`` (one run), by file and line. ``bases`` are the folders
    module names start from (``<class>.<pair>.bug``)."""
    import os

    from mypy import api

    old = os.environ.get("MYPYPATH")
    os.environ["MYPYPATH"] = os.pathsep.join(map(str, bases))
    try:
        stdout, stderr, status = api.run(mypy_args(files, *extra, config=config, cache=cache))
    finally:
        if old is None:
            del os.environ["MYPYPATH"]
        else:
            os.environ["MYPYPATH"] = old
    if status not in (0, 1) or "Traceback" in stderr or "INTERNAL ERROR" in stdout:
        raise RuntimeError(f"mypy crashed (status {status}):\n{stdout}\n{stderr}")
    stray: List[str] = []
    out = parse_mypy_output(stdout, files, stray)
    if stray:
        raise RuntimeError("mypy reported outside the corpus files:\n" + "\n".join(stray))
    return out


def code_of(text: str) -> str:
    m = _CODE.search(text)
    return m.group("code") if m else ""


# -- running ---------------------------------------------------------------------------------------

@dataclass
class Run:
    """What running a program did: the ShapeError (its message and the program lines it is
    attributed to) or another exception, or nothing."""

    message: Optional[str] = None
    lines: List[int] = field(default_factory=list)
    other: Optional[str] = None


def run_program(path: Path) -> Run:
    """Execute ``path`` as ``__main__`` in a fresh namespace (the corpus uses tiny sizes)."""
    from typedflux.shapes.errors import ShapeError

    import runpy

    tree = ast.parse(path.read_text(), str(path))
    try:
        # run_path puts the program in sys.modules["__main__"] while it runs, so annotations
        # resolve against it (typing.get_type_hints on its classes) as when run by python.
        with contextlib.redirect_stdout(io.StringIO()):
            runpy.run_path(str(path), run_name="__main__")
    except ShapeError as err:
        return Run(err.message, error_lines(err, str(path), tree))
    except Exception as err:  # noqa: BLE001 - reported as the pair's failure
        where = traceback.extract_tb(err.__traceback__)[-1]
        return Run(other=f"{type(err).__name__}: {err} ({where.filename}:{where.lineno})")
    finally:
        # typing keeps every @overload by module and name: each program runs as __main__,
        # so one program's ``pool`` overloads would join the next one's. Only __main__'s are
        # dropped (typing.clear_overloads would drop those of modules imported meanwhile).
        registry = getattr(typing, "_overload_registry", None)
        if isinstance(registry, dict):
            registry.pop("__main__", None)
    return Run()


def statement_span(path: Path, line: int) -> Tuple[int, int]:
    """The innermost simple statement holding ``line``: mypy reports a fault in a multi-line
    ``Chain(...)`` on the layer's line, the run time on the line of the failing call."""
    tree = ast.parse(path.read_text(), str(path))
    best = (line, line)
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and not hasattr(node, "body"):
            end = node.end_lineno or node.lineno
            if node.lineno <= line <= end:
                if best == (line, line) or end - node.lineno < best[1] - best[0]:
                    best = (node.lineno, end)
    return best


def _symbols(path: Path) -> List[str]:
    return re.findall(r"^(\w+) = TypeVar(?:Tuple)?\(", path.read_text(), re.M)


def _only_symbolic(parts: List[str], sym: str) -> List[str]:
    """Merge back the matched pieces that hold no symbol (plain numbers stay literal text)."""
    out = [parts[0]]
    for i in range(1, len(parts), 2):
        piece, after = parts[i], parts[i + 1]
        if piece.startswith("*") or re.search(rf"\b(?:{sym})\b", piece):
            out += [piece, after]
        else:
            out[-1] += piece + after
    return out


_UNKNOWN = re.compile(r"(, \?\)|, [A-Za-z_][\w.]*\)|(?<=[\[ ])\?(?=[\],])|(?<=\()\?(?= =>)"
                      r"|(?<==> )\?(?=[),])|(?<=Tensor\[)\.\.\.(?=[,\]]))")


def _plain(text: str) -> str:
    out = []
    for i, p in enumerate(_UNKNOWN.split(text)):
        if i % 2 == 0:
            out.append(re.escape(p))
        elif p.startswith(", ") and p != ", ?)" and is_library_name(p[2:-1]):
            out.append(re.escape(p))
        elif p.startswith(", "):  # ``?`` or a variable's name for an activation: any name
            out.append(r"(?:, [\w<>]+)?\)")
        elif p == "...":  # leading dims the checker does not know: any run of sizes
            out.append(r"(?:\.\.\.|-?\d+(?:, -?\d+)*)")
        else:
            out.append(r"(?:-?\d+|\?)")
    return "".join(out)


def is_library_name(name: str) -> bool:
    """Whether ``name`` is typedflux's own (``relu``, ``add``): a name written as it is at
    run time. Any other name in an activation's place is the variable mypy saw (``Dense(64
    => 32, act)``), the function it holds printed at run time."""
    import typedflux

    return hasattr(typedflux, name)


def _dropped(token: str) -> str:
    """A run with one item reduced away as mypy writes it (``*Bs[1:]``, with the ``, ``
    around it), as a regex: any run of sizes at run time, the empty one included."""
    lead, trail, own = token.startswith(", "), token.endswith(", "), re.escape(token)
    if lead and trail:
        return rf"(?:(?:, -?\d+)*, |{own})"
    if lead:
        return rf"(?:(?:, -?\d+)*|{own})"
    if trail:
        return rf"(?:(?:-?\d+, )*|{own})"
    return rf"(?:(?:-?\d+(?:, -?\d+)*)?|{own})"


def same_words(static: str, runtime: str, symbols: Sequence[str]) -> bool:
    """Whether the run-time message says what mypy said: identical, except that a symbolic
    dim (or a product of them) may be a size at run time, a ``?`` any size, leading ``...``
    any sizes, and an activation named by a variable any function's name.

    >>> same_words("x has Tensor[B, 784] (784*B vs 700*B)", "x has Tensor[8, 784] (6272 vs 5600)", ["B"])
    True
    >>> same_words("axis 1 is 32, expected 64", "axis 1 is 32, expected 10", [])
    False
    >>> same_words("Tensor[B, N + 1]: axis 1 is N + 1, expected 2*N", "Tensor[2, 4]: axis 1 is 4, expected 6", ["B", "N"])
    True
    >>> same_words("Tensor[*Bs, 12] vs Tensor[*Bs, 10]", "Tensor[2, 5, 12] vs Tensor[*Bs, 10]", ["Bs"])
    True
    >>> same_words("Dense(64 => 32, act) produces", "Dense(64 => 32, gelu) produces", [])
    True
    >>> same_words("Dense(64 => 32, relu) produces", "Dense(64 => 32, gelu) produces", [])
    False
    >>> same_words("got Tensor[..., 4]; need", "got Tensor[3, 4]; need", [])
    True
    >>> same_words("Tensor[B, *Bs, 3] (3 vs 5 at axis -1)", "Tensor[2, 4, 3] (3 vs 5 at axis 2)", ["B", "Bs"])
    True
    >>> same_words("Tensor[B, 3] (3 vs 5 at axis -1)", "Tensor[2, 3] (3 vs 5 at axis 1)", ["B"])
    False
    >>> same_words("layer 2 Dense(? => 12, relu) produces", "layer 2 Dense(32 => 12, relu) produces", [])
    True
    >>> same_words("Dense(48 => ?) expects input", "Dense(48 => 7) expects input", [])
    True
    >>> same_words("need size 1 at axis 0 (B)", "need size 1 at axis 0 (3)", ["B"])
    True
    >>> same_words("need size 1 at axis 0 (B)", "need size 1 at axis 0 3", ["B"])
    False
    >>> same_words("Tensor[B, *Rs[1:], C]: rank is len(*Rs) + 1, expected 2",
    ...            "Tensor[2, 6, 3]: rank is 3, expected 2", ["B", "Rs", "C"])
    True
    >>> same_words("Tensor[*Bs[1:], 3]: *Bs is (*Bs[1:], 3), expected (*Bs)",
    ...            "Tensor[3]: *Bs is (3), expected (5)", ["Bs"])
    True
    >>> same_words("Tensor[*Bs[1:], 3]: *Bs is (*Bs[1:], 3), expected (*Bs)",
    ...            "Tensor[6, 4]: *Bs is (6, 4), expected (4, 6)", ["Bs"])
    False
    """
    if static == runtime:
        return True
    if any(re.search(rf"[\[ ]\*{re.escape(v)}\b", static) for v in symbols):
        # Around a variadic run mypy counts axes from the end (``at axis -1``), as the rank
        # is unknown; the run time counts from the start: axis numbers are not compared.
        static = re.sub(r"axis -?\d+", "axis #", static)
        runtime = re.sub(r"axis -?\d+", "axis #", runtime)
    parts = [static]
    if symbols:
        sym = "|".join(sorted(map(re.escape, symbols), key=len, reverse=True))
        # A dim expression over the symbols (``2*N``, ``N + 1``, ``(H - 1)//2 + 1``) is one
        # size at run time.
        op = r"\s?(?:\*|//|\+|-)\s?"
        atom = rf"(?:\d+|\b(?:{sym})\b)"
        term = rf"(?:{atom}|\({atom}(?:{op}{atom})*\))"
        dim = rf"{term}(?:{op}{term})*"
        rank = rf"len\(\*(?:{sym})\)(?: [-+] \d+)?"  # ``len(*Bs) + 1``: one size at run time
        dropped = rf"(?:, )?\*(?:{sym})\[(?:1:|:-1)\](?:, )?"  # ``*Bs[1:]`` (and its ", ")
        parts = re.split(rf"({rank}|{dropped}|\*(?:{sym})\b|{dim})", static)
        parts = _only_symbolic(parts, sym)
    out = []
    for i, p in enumerate(parts):
        if i % 2 == 0:
            out.append(_plain(p))
        elif p.startswith("len("):
            out.append(rf"(?:\d+|{re.escape(p)})")
        elif "[" in p:  # a run less one item: any run of sizes, the empty one included
            out.append(_dropped(p))
        elif p.startswith("*"):  # variadic dims: any run of sizes (a leading ", " included)
            out.append(rf"(?:-?\d+(?:, -?\d+)*|{re.escape(p)})")
        elif _wrapped(p):  # "(B)": the message's own parentheses around one dim, "(3)" at run time
            out.append(rf"\((?:-?\d+|{re.escape(p[1:-1])})\)")
        else:
            out.append(rf"(?:-?\d+|{re.escape(p)})")
    return re.fullmatch("".join(out), runtime) is not None


def _wrapped(piece: str) -> bool:
    """Whether ``piece`` is one parenthesised group, ``(B)`` or ``(N + 1)`` (not ``(N + 1)//2``)."""
    if not (piece.startswith("(") and piece.endswith(")")):
        return False
    depth = 0
    for i, ch in enumerate(piece):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and i < len(piece) - 1:
            return False
    return True


# -- judging ---------------------------------------------------------------------------------------

@dataclass
class Verdict:
    """How the checker did on one pair."""

    status: str  # caught | wrong-line | wrong-code | missed
    false_alarm: bool  # the fix is not clean under mypy
    problems: List[str]  # everything that makes the pair fail as tagged


def judge(pair: Pair, static_bug: Dict[int, List[Mark]], static_fix: Dict[int, List[Mark]],
          run_bug: Run, run_fix: Run, check_marks: bool = True) -> Verdict:
    """The pair's status and, unless ``check_marks`` is off (measuring), everything that
    makes it fail as tagged. Statuses: ``caught`` (a ``[shape]`` error on the BUG line and
    nowhere else, the run time saying the same words there), ``words-differ``, ``duplicated``
    (mypy's own error too, which ``ignore[shape]`` would not silence), ``wrong-line``,
    ``wrong-code`` (only mypy's own code on the line), ``missed``."""
    tag = bug_tag(pair.bug)
    problems: List[str] = []
    errors = {n: [t for k, t in ms if k == "E"] for n, ms in static_bug.items()}
    errors = {n: ts for n, ts in errors.items() if ts}
    on_line = errors.get(tag.line, [])
    shape_here = [t for t in on_line if code_of(t) == "shape"]
    alarms = alarm_lines(pair.bug)  # a known false alarm the bug file shares with its fix
    elsewhere = {n: ts for n, ts in errors.items() if n != tag.line and n not in alarms}
    if shape_here and not elsewhere and len(shape_here) == len(on_line):
        status = "caught"
    elif shape_here and not elsewhere:
        status = "duplicated"
    elif any(code_of(t) == "shape" for ts in elsewhere.values() for t in ts):
        status = "wrong-line"
    elif on_line:
        status = "wrong-code"
    else:
        status = "missed"

    # The bug is real: it fails at run time on its line (in mypy's words when mypy caught it).
    # A variable annotation is invisible at run time: such a bug may run through.
    span = statement_span(pair.bug, tag.line)
    no_twin = bool(shape_here) and all(static_only(t) for t in shape_here)
    if run_bug.other:
        problems.append(f"bug.py raised something else than ShapeError: {run_bug.other}")
    elif run_bug.message is None:
        if not no_twin:
            problems.append("bug.py ran through: no ShapeError")
    elif not no_twin and status == "caught":
        if not any(span[0] <= n <= span[1] for n in run_bug.lines):
            status = "wrong-line"
            problems.append(f"bug.py: ShapeError on line(s) {run_bug.lines}, not the BUG line "
                            f"{tag.line}: {run_bug.message}")
        texts = [_CODE.sub("", t) for t in shape_here]
        if not any(same_words(t, run_bug.message, _symbols(pair.bug)) for t in texts):
            status = "words-differ"
            problems.append(f"run-time words differ:\n    mypy:    {texts}\n"
                            f"    runtime: {run_bug.message}")

    if check_marks:
        written = marks_of(pair.bug)
        for n in sorted(set(written) | set(static_bug)):
            if written.get(n, []) != static_bug.get(n, []):
                problems.append(f"bug.py:{n}: mypy says {static_bug.get(n, [])}, "
                                f"the file expects {written.get(n, [])}")
        if tag.kind == "catch" and status != "caught":
            problems.append(f"bug.py:{tag.line}: not caught ({status})")
        if tag.kind != "catch":
            if status == "caught":
                problems.append(f"bug.py:{tag.line}: caught now: tagged {tag.kind} "
                                f"{tag.who} ({tag.why}); make it a plain # BUG")
            else:  # a known miss: what the run time does is not the checker's business here
                problems = [p for p in problems if not p.startswith(("bug.py: ShapeError",
                                                                     "run-time words"))]

    false_alarm = bool(static_fix)
    alarm = alarm_tag(pair.fix)
    if false_alarm and (alarm is None or not check_marks):
        problems.append("fix.py is not clean: " + "; ".join(
            f"{n}: {t}" for n, ms in sorted(static_fix.items()) for _, t in ms))
    elif check_marks and alarm is not None:
        written = marks_of(pair.fix)
        if not false_alarm:
            problems.append(f"fix.py is clean now: remove its # ALARM tag ({alarm})")
        elif written != static_fix:
            problems.append(f"fix.py: mypy says {static_fix}, the file expects {written}")
    if run_fix.message or run_fix.other:
        problems.append(f"fix.py fails at run time: {run_fix.message or run_fix.other}")
    return Verdict(status, false_alarm, problems)


# -- the same bugs under other settings ----------------------------------------------------------

def variants(found: Sequence[Pair], static: Dict[Path, Dict[int, List[Mark]]], root: Path
             ) -> Dict[Path, Tuple[str, Pair]]:
    """Copies of the bug files under ``root``: ``ignored/...`` with ``# type: ignore[shape]``
    on every line mypy reports a shape error on, ``disabled/...`` with the module's
    ``disable-error-code`` set to ``shape``. Both must leave no shape error and change nothing
    else (the copies' module names start at ``root``)."""
    out: Dict[Path, Tuple[str, Pair]] = {}
    for p in found:
        lines = [_BUG.sub("", _ALARM.sub("", parse_line(line)[0])).rstrip()
                 for line in p.bug.read_text().splitlines()]
        ignored = list(lines)
        for n, marks in static[p.bug].items():
            if any(k == "E" and code_of(t) == "shape" for k, t in marks):
                ignored[n - 1] += "  # type: ignore[shape]"
        disabled = ['# mypy: disable-error-code="shape"', *lines]
        for kind, text in (("ignored", ignored), ("disabled", disabled)):
            path = root / kind / p.cls / p.name / "bug.py"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(text) + "\n")
            out[path] = (kind, p)
    return out


def variant_problems(kind: str, pair: Pair, original: Dict[int, List[Mark]],
                     got: Dict[int, List[Mark]]) -> List[str]:
    """What a variant reports beyond the original's errors of other codes."""
    shift = 1 if kind == "disabled" else 0
    want: Dict[int, List[Mark]] = {}
    for n, marks in original.items():
        errors = [(k, t) for k, t in marks if k == "E" and code_of(t) != "shape"]
        if errors:
            want[n + shift] = errors
    have = {n: [(k, t) for k, t in ms if k == "E"] for n, ms in got.items()}
    have = {n: ms for n, ms in have.items() if ms}
    if have == want:
        return []
    return [f"{kind} {pair.id}: mypy says {have}, expected only {want}"]


def table(verdicts: Sequence[Tuple[Pair, Verdict]]) -> str:
    """The results by class, as tests/corpus/README.md shows them (a test compares)."""
    by_class: Dict[str, List[Tuple[Pair, Verdict]]] = {}
    for p, v in verdicts:
        by_class.setdefault(p.cls, []).append((p, v))
    rows = ["| class | pairs | caught | known limits | open gaps (owner) | false alarms |",
            "|---|---|---|---|---|---|"]

    def line(name: str, group: Sequence[Tuple[Pair, Verdict]]) -> str:
        tags = [(bug_tag(p.bug), v) for p, v in group]
        caught = sum(v.status == "caught" for _, v in tags)
        limits = sum(t.kind == "limit" and v.status != "caught" for t, v in tags)
        owners: Dict[str, int] = {}
        for t, v in tags:
            if t.kind == "gap" and v.status != "caught":
                owners[t.who] = owners.get(t.who, 0) + 1
        gaps = ", ".join(f"{n} ({w})" for w, n in sorted(owners.items())) or "0"
        alarms = sum(v.false_alarm for _, v in group)
        return f"| {name} | {len(group)} | {caught} | {limits} | {gaps} | {alarms} |"

    for cls, group in sorted(by_class.items()):
        rows.append(line(cls, group))
    rows.append(line("**total**", verdicts))
    return "\n".join(rows)


def measure(update: bool = False, root: Path = HERE) -> int:
    """Print the table and every pair that is not caught cleanly (judged without the tags);
    ``update`` rewrites the ``# E:``/``# N:`` marks from mypy's output first, and the table
    in README.md (review both diffs). ``root``: another folder of pairs laid out as this one
    (new programs, measured before they join the corpus; the README is left alone)."""
    found = pairs(root)
    files = [p.bug for p in found] + [p.fix for p in found]
    # Another folder's modules have the same names (``round8.<pair>.bug``) at other paths:
    # its own cache, or mypy reports the other folder's files from the shared one.
    static = run_mypy(files, bases=(root,), cache="corpus" if root == HERE else f"corpus-{root.name}")
    verdicts = []
    for p in found:
        if update:
            rewrite(p.bug, static[p.bug])
            if alarm_tag(p.fix) is not None:
                rewrite(p.fix, static[p.fix])
        v = judge(p, static[p.bug], static[p.fix], run_program(p.bug), run_program(p.fix),
                  check_marks=False)
        verdicts.append((p, v))
    text = table(verdicts)
    print(text)
    if update and root == HERE:  # the marks are mypy's now: the table is what the test finds
        readme = HERE / "README.md"
        head = readme.read_text().split("## Results")[0]
        readme.write_text(head + "## Results\n\n" + text + "\n")
    for p, v in verdicts:
        if v.status != "caught" or v.problems:
            tag = bug_tag(p.bug)
            print(f"{p.id:48} {v.status:12} [{tag.kind} {tag.who}] "
                  + " | ".join(x.splitlines()[0] for x in v.problems)[:300])
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(measure(update="--update" in sys.argv, root=Path(args[0]) if args else HERE))
