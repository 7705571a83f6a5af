"""Inline expectations of the type-checker cases: parse, compare and rewrite them.

A case file is ordinary Python; a line ends with expectations such as
``# E: <message>  [shape]`` or ``# N: Revealed type is "..."`` (several on one line are
allowed), and an unmarked line must be clean. The syntax, mypy's output read the same way and
the rewriting are shared with the bug/fix corpus (tests/corpus/program_lines.py).

>>> parse_line('y = f(x)  # E: Bad  [shape]  # N: Revealed type is "int"')
('y = f(x)', [('E', 'Bad  [shape]'), ('N', 'Revealed type is "int"')])
"""

from __future__ import annotations

from pathlib import Path

from program_lines import Mark as Expectation
from program_lines import marks_of as expected_of
from program_lines import parse_line, parse_mypy_output, rewrite

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
