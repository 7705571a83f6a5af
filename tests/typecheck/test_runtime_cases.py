"""The snapshot cases run at run time: every ``# E: ... [shape]`` line must raise ShapeError.

This is what makes "never a false alarm" testable: a line the checker reports must really
fail when executed, with the same words. Module-level lines run on concrete tensors, so the
texts must be identical. Inside a generic function the checker speaks of symbols (``B``)
where the run has sizes (``8``): there each symbolic dim in the expected text matches any
size. Lines the checker leaves silent may still fail at run time (gradual dims): allowed.

Boundaries: ``@tf.shapecheck`` checks a returned value after the function has returned, so a
``Return shape ...`` error is attributed to the function's ``return`` statements (where the
checker reports it); a yielded value is checked at its ``yield``. Variable annotations
(``h: Tensor[B, 64] = ...``) are invisible at run time (Python does not evaluate a local
annotation), so ``Assigned shape ...`` errors have no run-time twin and are left out here.
"""

from __future__ import annotations

import ast
import re
import sys
import types
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest

import typedflux

from program_lines import error_lines, static_only
from typecheck_snapshots import CASES, expected_of
from typedflux.shapes.errors import ShapeError

_CODE = "  [shape]"


def _run(case: Path) -> Dict[int, List[str]]:
    """Execute ``case`` statement by statement; ShapeErrors by the case line that raised."""
    source = case.read_text()
    tree = ast.parse(source, str(case))
    # A module of its own, registered while it runs: ``@dataclass`` reads its class's module
    # from sys.modules.
    module = types.ModuleType(case.stem)
    namespace: Dict[str, object] = module.__dict__
    raised: Dict[int, List[str]] = {}
    sys.modules[case.stem] = module
    try:
        for stmt in tree.body:
            code = compile(ast.Module(body=[stmt], type_ignores=[]), str(case), "exec")
            try:
                exec(code, namespace)
            except ShapeError as err:
                for n in error_lines(err, str(case), tree) or [stmt.lineno]:
                    raised.setdefault(n, []).append(err.message)
    finally:
        del sys.modules[case.stem]
    return raised


def _statement_of(case: Path) -> Dict[int, Tuple[int, int]]:
    """Line -> the span of the innermost simple statement holding it. mypy reports an error
    in a multi-line ``Chain(...)`` on the line of the layer at fault; at run time the
    statement raises on the line of the call that fails (the Chain's first line)."""
    tree = ast.parse(case.read_text(), str(case))
    spans: Dict[int, Tuple[int, int]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and not hasattr(node, "body"):
            end = node.end_lineno or node.lineno
            for n in range(node.lineno, end + 1):
                old = spans.get(n)
                if old is None or old[1] - old[0] > end - node.lineno:
                    spans[n] = (node.lineno, end)
    return spans


def _module_level_lines(case: Path) -> Set[int]:
    tree = ast.parse(case.read_text(), str(case))
    inside: Set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            end = node.end_lineno or node.lineno
            inside.update(range(node.lineno, end + 1))
    return {n for n in range(1, len(case.read_text().splitlines()) + 1) if n not in inside}


def _symbols(case: Path) -> List[str]:
    """Names of the TypeVars a case declares (``B = TypeVar("B", bound=int)``)."""
    return re.findall(r'^(\w+) = TypeVar(?:Tuple)?\(', case.read_text(), re.M)


def symbolic_pattern(text: str, symbols: List[str]) -> "re.Pattern[str]":
    """A regex for ``text`` where each dim written with a symbol matches any size.

    >>> bool(symbolic_pattern("x has Tensor[B, 784] (784*B vs 700*B)", ["B"]).fullmatch(
    ...     "x has Tensor[8, 784] (6272 vs 5600)"))
    True
    >>> bool(symbolic_pattern("axis 1 is C*H*W, expected H*W", ["C", "H", "W"]).fullmatch(
    ...     "axis 1 is 60, expected 20"))
    True
    >>> bool(symbolic_pattern("Tensor[B, H - 2] (H - 2 vs H)", ["B", "H"]).fullmatch(
    ...     "Tensor[2, 8] (8 vs 10)"))
    True
    >>> bool(symbolic_pattern("Tensor[B, 8*(H - 2)*(W - 2)]: axis 1 is 8*(H - 2)*(W - 2)",
    ...     ["B", "H", "W"]).fullmatch("Tensor[2, 288]: axis 1 is 288"))
    True
    >>> bool(symbolic_pattern("Tensor[*Bs, 1]: rank is len(*Bs) + 1", ["Bs"]).fullmatch(
    ...     "Tensor[5, 7, 1]: rank is len(*Bs) + 1"))
    True
    >>> bool(symbolic_pattern("Tensor[B, *Rs[1:], C]: rank is len(*Rs) + 1, expected 2",
    ...     ["B", "Rs", "C"]).fullmatch("Tensor[2, 6, 3]: rank is 3, expected 2"))
    True
    >>> bool(symbolic_pattern("Tensor[*Bs[1:], N]: *Bs is (*Bs[1:], N), expected (*Bs)",
    ...     ["Bs", "N"]).fullmatch("Tensor[3, 4]: *Bs is (3, 4), expected (2, 3)"))
    True
    >>> bool(symbolic_pattern("Tensor[*Bs[1:], 3]: *Bs is (*Bs[1:], 3), expected (*Bs)",
    ...     ["Bs"]).fullmatch("Tensor[3, 4]: *Bs is (3, 4), expected (2, 3)"))
    False

    Past a variadic run the checker counts axes from the end, the run time from the start
    (it sees sizes, not the run): around a declared run axis numbers are not compared, as
    ``tests/corpus/corpus.same_words`` does. With no run they are:

    >>> bool(symbolic_pattern("Tensor[*Shape, N] (N vs M at axis -1)", ["Shape", "N", "M"]
    ...     ).fullmatch("Tensor[2, 3] (3 vs 5 at axis 1)"))
    True
    >>> bool(symbolic_pattern("Tensor[B, N] (N vs M at axis -1)", ["B", "N", "M"]).fullmatch(
    ...     "Tensor[2, 3] (3 vs 5 at axis 1)"))
    False
    >>> bool(symbolic_pattern("Tensor[*Shape, N] (N vs M at axis -1)", ["N", "M"]).fullmatch(
    ...     "Tensor[2, 3] (3 vs 5 at axis 1)"))
    False
    """
    run = False
    if symbols:
        sym = "|".join(sorted(map(re.escape, symbols), key=len, reverse=True))
        # A product of symbols and ints (``2*N``, ``C*H*W``) is one size at run time, so is
        # a sum of them (``H - 2``, ``N + M``) and a product of such sums written factored
        # (``8*(H - 2)*(W - 2)``).
        term = rf"(?:\d+\*)*(?:{sym})(?:\*(?:\d+|{sym}))*"
        inner = rf"{term}(?: [-+] (?:{term}|\d+))*"
        factor = rf"(?:{sym}|\({inner}\))"
        product = rf"(?:\d+\*)*{factor}(?:\*(?:\d+|{factor}))*"
        dim = rf"{product}(?: [-+] (?:{product}|\d+))*"
        parts = re.split(rf"({_RANK.format(sym=sym)}|{_DROPPED.format(sym=sym)}"
                         rf"|\*(?:{sym})\b|(?<![\w)]){dim}(?![\w(]))", text)
        run = re.search(rf"[\[ ]\*(?:{sym})\b", text) is not None
    else:
        parts = [text]
    # A symbolic dim matches a size, or itself (a callee's annotation stays symbolic); a
    # variadic run (``*Bs``) any run of sizes, or itself; a rank counted around a run
    # (``len(*Bs) + 1``) a size; a run with one item reduced away (``*Bs[1:]``) any run of
    # sizes, the empty one included (with the ``, `` written around it).
    out = "".join(
        (dropped_pattern(p) if "[" in p and p.lstrip(", ").startswith("*")
         else rf"(?:-?\d+(?:, -?\d+)*|{re.escape(p)})" if p.startswith("*")
         else rf"(?:-?\d+|{re.escape(p)})") if i % 2 else _axes(p, run)
        for i, p in enumerate(parts)
    )
    return re.compile(out)


# ``len(*Bs) + 1``: a rank around a run; ``*Bs[1:]``/``*Bs[:-1]`` (typedflux/shapes/
# dropped_run.py), with the ``, `` that separates it from the dims around it.
_RANK = r"len\(\*(?:{sym})\)(?: [-+] \d+)?"
_DROPPED = r"(?:, )?\*(?:{sym})\[(?:1:|:-1)\](?:, )?"


def dropped_pattern(token: str) -> str:
    r"""A regex for a run with one item reduced away, as the checker writes it (``*Bs[1:]``,
    with the ``, `` around it): any run of sizes at run time, the empty one included.

    >>> bool(re.fullmatch(r"\(" + dropped_pattern("*Bs[1:], ") + r"4\)", "(3, 4)"))
    True
    >>> bool(re.fullmatch(r"\(" + dropped_pattern("*Bs[1:], ") + r"4\)", "(4)"))
    True
    >>> bool(re.fullmatch(r"\(2" + dropped_pattern(", *Bs[1:], ") + r"4\)", "(2, 4)"))
    True
    >>> bool(re.fullmatch(r"\(2" + dropped_pattern(", *Bs[:-1]") + r"\)", "(2, 5, 6)"))
    True
    """
    lead, trail = token.startswith(", "), token.endswith(", ")
    own = re.escape(token)
    if lead and trail:
        return rf"(?:(?:, -?\d+)*, |{own})"
    if lead:
        return rf"(?:(?:, -?\d+)*|{own})"
    if trail:
        return rf"(?:(?:-?\d+, )*|{own})"
    return rf"(?:(?:-?\d+(?:, -?\d+)*)?|{own})"


def _axes(text: str, any_axis: bool) -> str:
    """``_unknowns`` of ``text``, where with ``any_axis`` an ``axis 2`` matches any axis."""
    if not any_axis:
        return _unknowns(text)
    pieces = re.split(r"axis -?\d+", text)
    return r"axis -?\d+".join(_unknowns(p) for p in pieces)


# What the checker does not know it writes ``?``: an activation (``Dense(4 => 8, ?)``: at run
# time a name, or nothing for identity; a variable's name, ``Dense(4 => 8, act)``, stands for
# the function it holds), a dim (``Tensor[?, 3]``: a size at run time) or leading dims
# (``Tensor[..., 3]`` after a lambda: sizes at run time); a
# user layer whose own ``__repr__`` is not a literal is its class, ``Block(...)`` (at run
# time its repr, ``Block(64)``).
_UNKNOWN = re.compile(
    r"(, \?\)|, [A-Za-z_][\w.]*\)|(?<=[\[ ])\?(?=[\],])|\b\w+\(\.\.\.\)|(?<=Tensor\[)\.\.\.(?=[,\]]))"
)


def _unknowns(text: str) -> str:
    pieces = _UNKNOWN.split(text)
    out = []
    for i, p in enumerate(pieces):
        if i % 2 == 0:
            out.append(re.escape(p))
        elif p.startswith(", ") and p != ", ?)" and hasattr(typedflux, p[2:-1]):
            out.append(re.escape(p))  # typedflux's own function (relu, add): as at run time
        elif p.startswith(", "):  # ``?`` or a variable's name (``act``): the function it holds
            out.append(r"(?:, [\w<>]+)?\)")
        elif p == "...":  # leading dims the checker does not know: any run of sizes
            out.append(r"(?:\.\.\.|-?\d+(?:, -?\d+)*)")
        elif p.endswith("(...)"):
            out.append(re.escape(p[: -len("(...)")]) + r"\(.*?\)")
        else:
            out.append(r"(?:-?\d+|\?)")  # the runtime may not know it either (a template)
    return "".join(out)


# A check the run time cannot make (a user generic class's type arguments: Python erases
# them) is marked on its line ``# at run time: the body fails``: the run must still raise a
# ShapeError on that line, where the function's body first uses the mismatched tensors (in
# that op's words), so the static report is no false alarm.
_BODY_FAILS = "# at run time: the body fails"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_static_error_fails_at_run_time(case: Path) -> None:
    expected: List[Tuple[int, str]] = [
        (line, text[: -len(_CODE)])
        for line, marks in expected_of(case).items()
        for kind, text in marks
        if kind == "E" and text.endswith(_CODE) and not static_only(text)
    ]
    raised = _run(case)
    source = case.read_text().splitlines()
    top = _module_level_lines(case)
    symbols = _symbols(case)
    spans = _statement_of(case)
    problems = []
    for line, text in expected:
        got = list(raised.get(line, []))
        span = spans.get(line)
        if span is not None:
            got += [m for n in range(span[0], span[1] + 1) if n != line
                    for m in raised.get(n, [])]
        if _BODY_FAILS in source[line - 1]:
            ok = bool(got)
        elif line in top and not _UNKNOWN.search(text):
            ok = text in got
        else:
            pattern = symbolic_pattern(text, symbols)
            ok = any(pattern.fullmatch(g) for g in got)
        if not ok:
            problems.append(f"{case.name}:{line}: expected ShapeError\n    {text}\n  got {got}")
    assert not problems, "\n".join(problems)
