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

import random
import re
from typing import Dict, List, Optional, Tuple

import pytest
from mypy import api

import typedflux as tf
from typedflux.shapes.errors import ShapeError

N_LINES = 300
SEED = 20261126


def _shape(rng: random.Random, lo: int = 1, hi: int = 3) -> Tuple[int, ...]:
    return tuple(rng.choice((1, 2, 3, 4)) for _ in range(rng.randint(lo, hi)))


def _t(shape: Tuple[int, ...]) -> str:
    return f"tf.zeros({', '.join(map(str, shape))})"


def _broadcastable_partner(rng: random.Random, s: Tuple[int, ...]) -> Tuple[int, ...]:
    out = list(s[rng.randint(0, len(s) - 1):])
    for i in range(len(out)):
        r = rng.random()
        if r < 0.2:
            out[i] = 1
        elif r < 0.35:
            out[i] = rng.choice((1, 2, 3, 4))
    return tuple(out)


def _expr(rng: random.Random) -> str:
    kind = rng.choice(
        ["binary", "binary", "matmul", "matmul", "reshape", "reduce", "transpose", "concat",
         "stack", "index", "squeeze", "unsqueeze", "swapaxes", "softmax", "scalar", "where"]
    )
    s = _shape(rng)
    if kind == "binary":
        op = rng.choice(["+", "-", "*", "/"])
        return f"{_t(s)} {op} {_t(_broadcastable_partner(rng, s))}"
    if kind == "matmul":
        k = rng.choice((2, 3))
        a = _shape(rng, 1, 3)[:-1] + (k,)
        b_inner = k if rng.random() < 0.6 else rng.choice((2, 3, 4))
        b = (b_inner,) if rng.random() < 0.3 else _shape(rng, 0, 1) + (b_inner, rng.choice((2, 5)))
        return f"{_t(a)} @ {_t(b)}"
    if kind == "reshape":
        size = 1
        for d in s:
            size *= d
        dims = [d for d in (1, 2, 3, 4, 6, 8, 12) if size % d == 0]
        first = rng.choice(dims)
        target: List[int] = [first, size // first] if rng.random() < 0.7 else [first, 5]
        if rng.random() < 0.4:
            target[rng.randint(0, 1)] = -1
        return f"{_t(s)}.reshape({', '.join(map(str, target))})"
    if kind == "reduce":
        op = rng.choice(["sum", "mean", "max", "min"])
        axis = rng.choice(["None", str(rng.randint(-4, 3)), "(0, -1)"])
        keep = rng.choice(["True", "False"])
        return f"{_t(s)}.{op}(axis={axis}, keepdims={keep})"
    if kind == "transpose":
        perm = list(range(len(s)))
        rng.shuffle(perm)
        if rng.random() < 0.2:
            perm = perm[:-1] or [0, 0]
        return f"{_t(s)}.transpose({', '.join(map(str, perm))})"
    if kind in ("concat", "stack"):
        other = list(s)
        if rng.random() < 0.5:
            other[rng.randint(0, len(s) - 1)] = rng.choice((1, 2, 3, 4))
        axis = rng.randint(-len(s), len(s) - 1)
        return f"tf.{kind}([{_t(s)}, {_t(tuple(other))}], axis={axis})"
    if kind == "index":
        parts = []
        for _ in range(rng.randint(1, len(s) + 1)):
            parts.append(rng.choice(
                [str(rng.randint(-4, 4)), ":", "1:", ":2", "::2", "None", "-1", "..."]
            ))
        if parts.count("...") > 1:
            parts = [p for p in parts if p != "..."]
        return f"{_t(s)}[{', '.join(parts) or '0'}]"
    if kind == "squeeze":
        return f"tf.squeeze({_t(s)}, {rng.randint(-len(s), len(s) - 1)})"
    if kind == "unsqueeze":
        return f"tf.unsqueeze({_t(s)}, {rng.randint(-len(s) - 1, len(s))})"
    if kind == "swapaxes":
        return f"{_t(s)}.swapaxes({rng.randint(-3, 2)}, {rng.randint(-3, 2)})"
    if kind == "softmax":
        return f"tf.{rng.choice(['softmax', 'logsoftmax'])}({_t(s)}, axis={rng.randint(-3, 2)})"
    if kind == "scalar":
        return f"{rng.choice(['2.0 * ', '1 + ', '3 - '])}{_t(s)}"
    return f"tf.where({_t(s)} > 0, {_t(_broadcastable_partner(rng, s))}, 0.0)"


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


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Tuple[List[str], Dict[int, List[str]]]:
    rng = random.Random(SEED)
    exprs = [_expr(rng) for _ in range(N_LINES)]
    tmp = tmp_path_factory.mktemp("random_programs")
    path = tmp / "random_ops.py"
    header = "from typing_extensions import reveal_type\nimport typedflux as tf\n"
    # Line 3 + i holds expression i.
    path.write_text(header + "".join(f"reveal_type({e})\n" for e in exprs))
    ini = tmp / "mypy.ini"
    ini.write_text("[mypy]\nplugins = mypy_plugin\n[mypy-typedflux.*]\nfollow_imports = silent\n")
    stdout, stderr, status = api.run(
        ["--config-file", str(ini), "--no-incremental", "--cache-dir", str(tmp / "cache"),
         "--show-error-codes", "--no-error-summary", str(path)]
    )
    assert status in (0, 1), stdout + stderr
    by_line: Dict[int, List[str]] = {}
    for line in stdout.splitlines():
        m = re.match(rf"{re.escape(str(path))}:(\d+): (.*)$", line)
        if m:
            by_line.setdefault(int(m.group(1)) - 3, []).append(m.group(2))
    return exprs, by_line


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # 0/0 in zeros / zeros is fine here
def test_static_and_runtime_agree(program: Tuple[List[str], Dict[int, List[str]]]) -> None:
    exprs, by_line = program
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
