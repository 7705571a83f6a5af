"""Random concrete programs: what mypy says must be what running them does.

A seeded generator writes a few hundred one-line tensor expressions over literal shapes
(broadcasting, matmul, reshape with -1, reductions, transpose, joins, indexing, ...), valid
and invalid alike. One mypy run with the plugin checks them all; then each line is executed.

- A ``[shape]`` error from mypy must be a ShapeError at run time with the same text
  (never a false alarm), and with every dim a literal, a run-time ShapeError must have been
  reported (nothing missed).
- A revealed ``Tensor[...]`` must agree with the run-time shape (``Any`` dims are allowed:
  not knowing is fine, being wrong is not).
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

import pytest

import typedflux as tf
from typedflux.shapes.errors import ShapeError

_REVEAL = re.compile(r'Revealed type is "typedflux\.tensor\.Tensor\[(.*)\]"')


def _revealed_dims(text: str) -> Optional[List[Optional[int]]]:
    """Dims of a revealed Tensor type: ints, None for Any; None for a variadic/odd type."""
    m = _REVEAL.search(text)
    if not m:
        return None
    body = m.group(1)
    if body == "()":
        return []
    if "*" in body:
        return None
    out: List[Optional[int]] = []
    for part in body.split(", "):
        lit = re.fullmatch(r"Literal\[(\d+)\]", part)
        out.append(int(lit.group(1)) if lit else None)
    return out


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # 0/0 in zeros / zeros is fine here
def test_static_and_runtime_agree(
    random_exprs: List[str], mypy_output: Dict[str, List[Tuple[int, str]]]
) -> None:
    exprs = random_exprs
    by_line: Dict[int, List[str]] = {}
    for line, text in mypy_output["random_ops"]:
        by_line.setdefault(line - 3, []).append(text)
    problems = []
    errors_seen = 0
    for i, expr in enumerate(exprs):
        said = by_line.get(i, [])
        static = [s[len("error: "):-len("  [shape]")] for s in said
                  if s.startswith("error: ") and s.endswith("[shape]")]
        others = [s for s in said if s.startswith("error: ") and not s.endswith("[shape]")]
        internal = [s for s in said if "typedflux plugin failed" in s]
        try:
            value = eval(expr, {"tf": tf})  # noqa: S307 (the generated expression)
            runtime: Optional[str] = None
        except ShapeError as err:
            runtime, value = err.message, None
        if others or internal:
            problems.append(f"{expr}: unexpected {others + internal}")
        if static and static != [runtime]:
            problems.append(f"{expr}: mypy says {static}, run time says {runtime!r}")
        if runtime is not None and not static:
            problems.append(f"{expr}: run time raises {runtime!r}; mypy said nothing")
        if runtime is None and value is not None:
            revealed = [_revealed_dims(s) for s in said if "Revealed type" in s]
            dims = revealed[0] if revealed else None
            shape = tuple(value.shape)
            if dims is not None and (
                len(dims) != len(shape) or any(d is not None and d != r for d, r in zip(dims, shape))
            ):
                problems.append(f"{expr}: mypy reveals {said}, run time shape {shape}")
        errors_seen += bool(static)
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} problems)"
    # The generator must exercise both outcomes.
    assert 0.1 * len(exprs) < errors_seen < 0.9 * len(exprs), errors_seen
