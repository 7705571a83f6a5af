"""Inline expectations of the type-checker cases: parse, compare and rewrite them.

A case file is ordinary Python; a line ends with expectations such as
``# E: <message>  [shape]`` or ``# N: Revealed type is "..."`` (several on one line are
allowed), and an unmarked line must be clean.

>>> parse_line('y = f(x)  # E: Bad  [shape]  # N: Revealed type is "int"')
('y = f(x)', [('E', 'Bad  [shape]'), ('N', 'Revealed type is "int"')])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

# The marks' syntax is shared with the bug/fix corpus (tests/corpus/program_lines.py).
from program_lines import Mark as Expectation
from program_lines import marks_of as expected_of
from program_lines import parse_line

__all__ = [
    "CASES",
    "Expectation",
    "parse_line",
    "expected_of",
    "parse_mypy_output",
    "rewrite",
]

HERE = Path(__file__).resolve().parent
CASES = sorted(HERE.glob("case_*.py"))
"""Every case file, in a stable order."""

_OUT = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<kind>error|note): (?P<text>.*)$")


@dataclass
class Reported:
    """What mypy said about one file, line by line."""

    lines: Dict[int, List[Expectation]]


def parse_mypy_output(stdout: str, files: Sequence[Path]) -> Dict[Path, Dict[int, List[Expectation]]]:
    """Split mypy's output into per-file, per-line expectations (other files are dropped).

    >>> p = Path("/x/case_a.py")
    >>> parse_mypy_output("/x/case_a.py:3: error: Boom  [shape]\\n", [p])[p]
    {3: [('E', 'Boom  [shape]')]}
    """
    by_name = {str(f.resolve()): f for f in files}
    out: Dict[Path, Dict[int, List[Expectation]]] = {f: {} for f in files}
    for raw in stdout.splitlines():
        m = _OUT.match(raw)
        if not m:
            continue
        f = by_name.get(str(Path(m.group("path")).resolve()))
        if f is None:
            continue
        kind = "E" if m.group("kind") == "error" else "N"
        out[f].setdefault(int(m.group("line")), []).append((kind, m.group("text")))
    return out


def rewrite(path: Path, actual: Dict[int, List[Expectation]]) -> bool:
    """Rewrite ``path``'s expectations to ``actual``; return whether anything changed."""
    old = path.read_text()
    lines = old.splitlines()
    new: List[str] = []
    for n, line in enumerate(lines, start=1):
        code, _ = parse_line(line)
        marks = "".join(f"  # {k}: {t}" for k, t in actual.get(n, []))
        new.append(code + marks if marks else code)
    text = "\n".join(new) + "\n"
    if text != old:
        path.write_text(text)
        return True
    return False
