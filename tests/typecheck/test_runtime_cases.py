"""The snapshot cases run at run time: every ``# E: ... [shape]`` line must raise ShapeError.

This is what makes "never a false alarm" testable: a line the checker reports must really
fail when executed, with the same words. Module-level lines run on concrete tensors, so the
texts must be identical. Inside a generic function the checker speaks of symbols (``B``)
where the run has sizes (``8``): there each symbolic dim in the expected text matches any
size. Lines the checker leaves silent may still fail at run time (gradual dims): allowed.
"""

from __future__ import annotations

import ast
import re
import traceback
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest

from typecheck_snapshots import CASES, expected_of
from typedflux.shapes.errors import ShapeError

_CODE = "  [shape]"


def _run(case: Path) -> Dict[int, List[str]]:
    """Execute ``case`` statement by statement; ShapeErrors by the case line that raised."""
    source = case.read_text()
    tree = ast.parse(source, str(case))
    namespace: Dict[str, object] = {"__name__": case.stem}
    raised: Dict[int, List[str]] = {}
    for stmt in tree.body:
        code = compile(ast.Module(body=[stmt], type_ignores=[]), str(case), "exec")
        try:
            exec(code, namespace)
        except ShapeError as err:
            frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename == str(case)]
            line = frames[-1].lineno if frames and frames[-1].lineno else stmt.lineno
            raised.setdefault(line, []).append(err.message)
    return raised


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
    """
    if symbols:
        sym = "|".join(sorted(map(re.escape, symbols), key=len, reverse=True))
        dim = rf"(?:\d+\*)*(?:{sym})(?:\*\d+)*"
        parts = re.split(rf"\b({dim})\b", text)
    else:
        parts = [text]
    # A symbolic dim matches a size, or itself (a callee's annotation stays symbolic).
    out = "".join(
        rf"(?:-?\d+|{re.escape(p)})" if i % 2 else _unknowns(p) for i, p in enumerate(parts)
    )
    return re.compile(out)


# What the checker does not know it writes ``?``: an activation (``Dense(4 => 8, ?)``: at run
# time a name, or nothing for identity) or a dim (``Tensor[?, 3]``: a size at run time).
_UNKNOWN = re.compile(r"(, \?\)|(?<=[\[ ])\?(?=[\],]))")


def _unknowns(text: str) -> str:
    pieces = _UNKNOWN.split(text)
    out = []
    for i, p in enumerate(pieces):
        if i % 2 == 0:
            out.append(re.escape(p))
        elif p == ", ?)":
            out.append(r"(?:, [\w<>]+)?\)")
        else:
            out.append(r"(?:-?\d+|\?)")  # the runtime may not know it either (a template)
    return "".join(out)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_static_error_fails_at_run_time(case: Path) -> None:
    expected: List[Tuple[int, str]] = [
        (line, text[: -len(_CODE)])
        for line, marks in expected_of(case).items()
        for kind, text in marks
        if kind == "E" and text.endswith(_CODE)
    ]
    raised = _run(case)
    top = _module_level_lines(case)
    symbols = _symbols(case)
    problems = []
    for line, text in expected:
        got = raised.get(line, [])
        if line in top and not _UNKNOWN.search(text):
            ok = text in got
        else:
            pattern = symbolic_pattern(text, symbols)
            ok = any(pattern.fullmatch(g) for g in got)
        if not ok:
            problems.append(f"{case.name}:{line}: expected ShapeError\n    {text}\n  got {got}")
    assert not problems, "\n".join(problems)
