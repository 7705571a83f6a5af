"""A seeded generator of one-line tensor expressions over literal shapes, valid and invalid.

>>> import random
>>> _expr(random.Random(0)).startswith(("tf.", "2.0", "1 +", "3 -"))
True
"""

from __future__ import annotations

import random
from typing import List, Tuple

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
        join_axis = rng.randint(-len(s), len(s) - 1)
        return f"tf.{kind}([{_t(s)}, {_t(tuple(other))}], axis={join_axis})"
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


def program(seed: int = SEED, n: int = N_LINES) -> List[str]:
    """``n`` expressions from ``seed``."""
    rng = random.Random(seed)
    return [_expr(rng) for _ in range(n)]
