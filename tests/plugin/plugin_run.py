"""The one mypy run (plugin on) that every test in tests/plugin reads, and what it checks.

Files: each snippet of plugin_snippets.py, the random expressions of random_program.py
revealed one per line (``random_ops``), generic functions over them (``random_generic_ops``),
and annotation boundaries over the same expressions (``random_boundaries``): for each
expression that runs, a function returning it under its true annotation, one under a wrong
annotation, and an annotated assignment; calls of shaped functions every way arguments are
passed (``random_calls``); generic functions returning the symbolic expressions under random
annotations (``random_generic_returns``).
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from mypy import api

from plugin_snippets import SNIPPETS
from random_program import (
    calls_source,
    generic_returns_source,
    symbolic_program,
    symbolic_source,
)

RANDOM = "random_ops"
SYMBOLIC = "random_generic_ops"
BOUNDARIES = "random_boundaries"
CALLS = "random_calls"
GENERIC_RETURNS = "random_generic_returns"
RANDOM_HEADER = "from typing_extensions import reveal_type\nimport typedflux as tf\n"
BOUNDARY_HEADER = "import typedflux as tf\nfrom typedflux import Tensor\n"
BOUNDARY_LINES = 7  # lines per case in the boundaries file

Output = Dict[str, List[Tuple[int, str]]]


def annotation(shape: Sequence[int]) -> str:
    """``Tensor[2, 3]`` (``Tensor[()]`` for a scalar).

    >>> annotation(()), annotation((2, 3))
    ('Tensor[()]', 'Tensor[2, 3]')
    """
    return f"Tensor[{', '.join(map(str, shape)) or '()'}]"


def wrong(shape: Sequence[int]) -> Tuple[int, ...]:
    """A shape that differs from ``shape``: its last size plus one (a scalar gains an axis).

    >>> wrong(()), wrong((2, 3))
    ((1,), (2, 4))
    """
    return tuple(shape[:-1]) + (shape[-1] + 1,) if shape else (1,)


def boundaries_source(cases: Sequence[Tuple[str, Tuple[int, ...]]]) -> str:
    """Case ``i`` (expression, its run-time shape) starts on line
    ``len(header) + BOUNDARY_LINES * i + 1``: a checked function returning it under its true
    annotation (``ok<i>``), one under a wrong one (``bad<i>``), an annotated assignment.
    """
    out = [BOUNDARY_HEADER.rstrip("\n")]
    for i, (expr, shape) in enumerate(cases):
        out += [
            "@tf.shapecheck",
            f"def ok{i}() -> {annotation(shape)}:",
            f"    return {expr}",
            "@tf.shapecheck",
            f"def bad{i}() -> {annotation(wrong(shape))}:",
            f"    return {expr}",
            f"v{i}: {annotation(shape)} = {expr}",
        ]
    return "\n".join(out) + "\n"


def header_lines() -> int:
    """Lines before the first case of the boundaries file."""
    return BOUNDARY_HEADER.count("\n")


def run(
    tmp: Path,
    random_exprs: Sequence[str],
    boundary_cases: Sequence[Tuple[str, Tuple[int, ...]]],
    extra_args: Optional[List[str]] = None,
) -> Output:
    """Type-check every program in one mypy run; file stem -> [(line, text)]."""
    sources = {name: textwrap.dedent(body).lstrip() for name, body in SNIPPETS.items()}
    sources[RANDOM] = RANDOM_HEADER + "".join(f"reveal_type({e})\n" for e in random_exprs)
    sources[SYMBOLIC] = symbolic_source(symbolic_program())
    sources[BOUNDARIES] = boundaries_source(boundary_cases)
    sources[CALLS] = calls_source()[0]
    sources[GENERIC_RETURNS] = generic_returns_source(symbolic_program())[0]
    files: List[Path] = []
    for name, text in sources.items():
        path = tmp / f"{name}.py"
        path.write_text(text)
        files.append(path)
    ini = tmp / "mypy.ini"
    ini.write_text(
        "[mypy]\nplugins = mypy_plugin\nallow_redefinition = True\n"
        "[mypy-typedflux.*]\nfollow_imports = silent\n"
    )
    stdout, stderr, status = api.run(
        ["--config-file", str(ini), "--no-incremental", "--cache-dir", str(tmp / "cache"),
         "--show-error-codes", "--no-error-summary", *(extra_args or []), *map(str, files)]
    )
    assert status in (0, 1), stdout + stderr
    out: Output = {name: [] for name in sources}
    for line in stdout.splitlines():
        for name in sources:
            prefix = str(tmp / f"{name}.py") + ":"
            if line.startswith(prefix):
                number, _, text = line[len(prefix):].partition(": ")
                out[name].append((int(number), text.strip()))
    return out
