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


SYMBOLIC_LINES = 200
SYMBOLS = ("B", "N")
# Symbol values tried at run time: distinct sizes >= 2 (so a rigid B-vs-N mismatch shows,
# and nothing broadcasts by accident), plus equal ones.
ASSIGNMENTS = ({"B": 2, "N": 3}, {"B": 3, "N": 2}, {"B": 4, "N": 4}, {"B": 5, "N": 2})


def _sym_shape(rng: random.Random, lo: int = 1, hi: int = 3) -> Tuple[str, ...]:
    pool = ("B", "N", "2", "3", "1", "B", "N")
    return tuple(rng.choice(pool) for _ in range(rng.randint(lo, hi)))


def _sym_expr(rng: random.Random) -> Tuple[Tuple[str, ...], Tuple[str, ...], str]:
    """Two parameter shapes (dims as text) and an expression over ``x`` and ``y``."""
    kind = rng.choice(["binary", "matmul", "concat", "reshape", "reduce", "transpose", "stack"])
    a = _sym_shape(rng)
    if kind == "binary":
        b = a[rng.randint(0, len(a) - 1):]
        b = tuple(rng.choice((d, d, "1", "B", "N")) for d in b)
        return a, b, f"x {rng.choice('+-*')} y"
    if kind == "matmul":
        a = _sym_shape(rng, 2, 3)
        inner = a[-1] if rng.random() < 0.6 else rng.choice(("B", "N", "3"))
        return a, (inner, rng.choice(("B", "N", "2"))), "x @ y"
    if kind in ("concat", "stack"):
        b = tuple(rng.choice((d, d, "B", "N", "2")) for d in a)
        axis = rng.randint(-len(a), len(a) - 1)
        return a, b, f"tf.{kind}([x, y], axis={axis})"
    if kind == "reshape":
        target = rng.choice(["x.shape[0], -1", "-1", "-1, x.shape[-1]", "x.shape[0], 6"])
        return a, (), f"x.reshape({target})"
    if kind == "reduce":
        return a, (), f"x.sum(axis={rng.randint(-3, 2)}, keepdims={rng.choice(['True', 'False'])})"
    perm = list(range(len(a)))
    rng.shuffle(perm)
    return a, (), f"x.transpose({', '.join(map(str, perm))})"


def symbolic_program(
    seed: int = SEED, n: int = SYMBOLIC_LINES
) -> List[Tuple[Tuple[str, ...], Tuple[str, ...], str]]:
    """``n`` generic functions' parameter shapes and bodies, from ``seed``."""
    rng = random.Random(seed)
    return [_sym_expr(rng) for _ in range(n)]


def symbolic_source(cases: List[Tuple[Tuple[str, ...], Tuple[str, ...], str]]) -> str:
    """A module of generic functions ``f<i>(x, y)``; case ``i``'s expression is on line
    ``4 * i + 9`` (``y`` is ``Any`` when the case uses only ``x``).

    >>> print(symbolic_source([(("B",), (), "x.sum()")]).splitlines()[9 - 1])
        reveal_type(x.sum())
    """
    out = [
        "from typing import Any, TypeVar",
        "from typing_extensions import reveal_type",
        "import typedflux as tf",
        "from typedflux import Tensor",
        'B = TypeVar("B", bound=int)',
        'N = TypeVar("N", bound=int)',
    ]
    for i, (a, b, expr) in enumerate(cases):
        y = f"Tensor[{', '.join(b)}]" if b else "Any"
        out += [
            "",
            f"def f{i}(x: Tensor[{', '.join(a)}], y: {y}) -> None:",
            f"    reveal_type({expr})",
            "    return None",
        ]
    return "\n".join(out) + "\n"


# -- annotation boundaries ----------------------------------------------------------------------

CALL_KINDS = ("positional", "keyword", "star", "kwargs", "overload", "method", "list", "tuple")


def _pattern(rng: random.Random) -> Tuple[str, ...]:
    pool = ("B", "N", "2*N", "N+1", "1", "2", "3", "int")
    return tuple(rng.choice(pool) for _ in range(rng.randint(1, 3)))


def _annotation(dims: Tuple[str, ...]) -> str:
    return "Tensor[" + ", ".join(f'"{d}"' if any(c in d for c in "*+") else d for d in dims) + "]"


def _sizes(rng: random.Random, pattern: Tuple[str, ...]) -> Tuple[int, ...]:
    """Sizes that fit ``pattern`` for some B and N, then sometimes one off or one axis more."""
    env = {"B": rng.choice((2, 3)), "N": rng.choice((2, 3))}
    out = []
    for d in pattern:
        v = rng.choice((2, 4)) if d == "int" else int(eval(d, {}, env))  # noqa: S307 (a dim)
        out.append(v + rng.choice((1, 2)) if rng.random() < 0.25 else v)
    return tuple(out + [2]) if rng.random() < 0.1 else tuple(out)


def calls_source(seed: int = SEED, n: int = 200) -> Tuple[str, List[int]]:
    """A module of ``@tf.shapecheck`` functions with shaped parameters (positional, keyword,
    ``*args``, ``**kwargs``, overloaded, methods, lists and tuples of tensors), each called once with concrete tensors
    that fit or not; returns the source and the line of each call.

    >>> source, lines = calls_source(n=3)
    >>> len(lines), source.splitlines()[lines[0] - 1].startswith(("f0(", "C0()"))
    (3, True)
    """
    rng = random.Random(seed)
    out = [
        "from typing import List, Tuple, overload, TypeVar",
        "import typedflux as tf",
        "from typedflux import Tensor",
        'B = TypeVar("B", bound=int)',
        'N = TypeVar("N", bound=int)',
    ]
    calls = []
    for i in range(n):
        kind = rng.choice(CALL_KINDS)
        p1, p2 = _pattern(rng), _pattern(rng)
        t1, t2 = _annotation(p1), _annotation(p2)
        z1 = f"tf.zeros({', '.join(map(str, _sizes(rng, p1)))})"
        z2 = f"tf.zeros({', '.join(map(str, _sizes(rng, p2)))})"
        if kind in ("positional", "keyword"):
            out += ["@tf.shapecheck", f"def f{i}(x: {t1}, y: {t2}) -> None:", "    return None"]
            call = f"f{i}({z1}, {z2})" if kind == "positional" else f"f{i}(y={z2}, x={z1})"
        elif kind == "star":
            out += ["@tf.shapecheck", f"def f{i}(*xs: {t1}) -> None:", "    return None"]
            call = f"f{i}({z1}, {z2})"
        elif kind == "kwargs":
            out += ["@tf.shapecheck", f"def f{i}(x: {t1}, **kw: {t2}) -> None:", "    return None"]
            call = f"f{i}({z1}, a={z2}, b={z1})"
        elif kind == "list":
            out += ["@tf.shapecheck", f"def f{i}(xs: List[{t1}]) -> None:", "    return None"]
            call = f"f{i}([{z1}, {z2}])"
        elif kind == "tuple":
            out += ["@tf.shapecheck", f"def f{i}(xs: Tuple[{t1}, {t2}]) -> None:", "    return None"]
            call = f"f{i}(({z1}, {z2}))"
        elif kind == "overload":
            out += ["@overload", f"def f{i}(x: {t1}) -> None: ...", "@overload",
                    f"def f{i}(x: {t2}) -> None: ...", "@tf.shapecheck",
                    f"def f{i}(x: Tensor) -> None:", "    return None"]
            call = f"f{i}({z1})"
        else:
            out += [f"class C{i}:", "    @tf.shapecheck",
                    f"    def m(self, x: {t1}, y: {t2}) -> None:", "        return None"]
            call = f"C{i}().m({z1}, y={z2})"
        out.append(call)
        calls.append(len(out))
    return "\n".join(out) + "\n", calls


def generic_returns_source(
    cases: List[Tuple[Tuple[str, ...], Tuple[str, ...], str]], seed: int = SEED
) -> Tuple[str, List[Tuple[int, Tuple[str, ...]]]]:
    """Generic ``@tf.shapecheck`` functions returning each symbolic case's expression under a
    random annotation; returns the source and, per case, the ``return`` line and annotation
    (the line before reveals the expression's type).

    >>> source, meta = generic_returns_source([(("B",), (), "x.sum()")])
    >>> source.splitlines()[meta[0][0] - 1]
    '    return x.sum()'
    """
    rng = random.Random(seed)
    out = [
        "from typing import Any, TypeVar",
        "from typing_extensions import reveal_type",
        "import typedflux as tf",
        "from typedflux import Tensor",
        'B = TypeVar("B", bound=int)',
        'N = TypeVar("N", bound=int)',
    ]
    meta = []
    for i, (a, b, expr) in enumerate(cases):
        ann = tuple(rng.choice(("B", "N", "1", "2", "3")) for _ in range(rng.randint(1, 3)))
        y = f"Tensor[{', '.join(b)}]" if b else "Any"
        out += ["@tf.shapecheck",
                f"def f{i}(x: Tensor[{', '.join(a)}], y: {y}) -> Tensor[{', '.join(ann)}]:",
                f"    reveal_type({expr})", f"    return {expr}"]
        meta.append((len(out), ann))
    return "\n".join(out) + "\n", meta
