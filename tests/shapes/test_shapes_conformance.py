"""Shape rules on int shapes agree with numpy's real output shapes, and raise ShapeError
exactly when numpy raises."""

from __future__ import annotations

import warnings
from typing import Any, Callable, Optional, Tuple

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux.shapes  # noqa: F401  (registers every rule)
from typedflux.shapes.catalog import SPECS, Kind
from typedflux.shapes.errors import ShapeError

Ints = Tuple[int, ...]
SETTINGS = settings(max_examples=120, deadline=None)

dims = st.integers(0, 4)
shapes = st.lists(dims, min_size=0, max_size=4).map(tuple)
small = st.lists(st.integers(1, 3), min_size=0, max_size=4).map(tuple)


def outcome(f: Callable[[], Any]) -> Optional[Ints]:
    """numpy's output shape, or None when numpy refuses."""
    try:
        out = f()
    except (ValueError, IndexError, TypeError, ZeroDivisionError):
        return None
    return out if isinstance(out, tuple) else tuple(np.shape(out))


def rule(name: str, **kw: Any) -> Optional[Ints]:
    """The rule's output shape, or None when it raises ShapeError."""
    try:
        out = SPECS[name].rule(**kw)
    except ShapeError as err:
        assert isinstance(err.message, str) and err.message[:1].isupper()
        return None
    assert all(type(d) is int for d in out), out
    return tuple(out)


def z(shape: Ints) -> np.ndarray:
    return np.zeros(shape)


def agree(name: str, f: Callable[[], Any], **kw: Any) -> None:
    assert rule(name, **kw) == outcome(f), (name, kw)


def stricter(name: str, f: Callable[[], Any], **kw: Any) -> None:
    """Where numpy is lax on purpose-less input, the rule refuses (see the callers)."""
    assert outcome(f) is not None, (name, kw)
    assert rule(name, **kw) is None, (name, kw)


def scalar_axis_quirk(x: Ints, axis: Any) -> bool:
    # numpy accepts axis 0 or -1 on a 0-d array in reductions and squeeze (a legacy quirk);
    # a 0-d tensor has no axis, so the rules report it.
    return x == () and isinstance(axis, int) and axis in (0, -1)


# Elementwise ops are found by their signature, so a new one is tested without a new line.
OURS = {n for n, s in SPECS.items()
        if s.rule.__module__.split(".")[-1] in (
            "rules_elementwise", "rules_linalg", "rules_reduce", "rules_movement", "rules_index",
            "rules_join", "rules_nn", "rules_creation", "rules_expand")}
BINARY = sorted(n for n in OURS if [(a.name, a.kind) for a in SPECS[n].args]
                == [("x", Kind.TENSOR), ("y", Kind.TENSOR)])
UNARY = sorted(n for n in OURS if SPECS[n].args[0].name == "x"
               and all(a.kind is Kind.IGNORED for a in SPECS[n].args[1:]) and len(
                   [a for a in SPECS[n].args if a.kind is Kind.TENSOR]) == 1
               and n not in ("T", "flatten", "tril", "triu"))
NAMED = {"where", "add_n", "mul_n", "matmul", "sum", "mean", "max", "min", "logsumexp",
         "reshape", "transpose", "T", "swapaxes", "squeeze", "unsqueeze", "flatten", "concat",
         "cat", "stack", "getitem", "softmax", "logsoftmax", "zeros", "ones", "randn", "rand",
         "full", "arange", "var", "std", "argmax", "argmin", "cumsum", "tril", "triu", "split", "chunk", "tile", "repeat",
         "repeat_interleave", "pad", "take_along_axis", "gather"}


def test_every_rule_here_is_checked_against_numpy() -> None:
    # Binary and unary elementwise ops are found by their signature; every other op needs a
    # conformance test below and its name in NAMED.
    assert len(BINARY) >= 13 and len(UNARY) >= 12
    missing = OURS - set(BINARY) - set(UNARY) - NAMED
    assert not missing, f"ops without a numpy conformance test here (add one, and to NAMED): {sorted(missing)}"
    gone = NAMED - OURS
    assert not gone, f"NAMED lists ops that are not here: {sorted(gone)}"


# A pair of shapes that often broadcast: the second is a suffix of the first, with some 1s.
@st.composite
def broadcastable(draw: st.DrawFn) -> Tuple[Ints, Ints]:
    x = draw(shapes)
    k = draw(st.integers(0, len(x)))
    y = tuple(1 if draw(st.booleans()) else d for d in x[len(x) - k:])
    if draw(st.booleans()):
        y = tuple(draw(st.integers(0, 4)) if draw(st.integers(0, 4)) == 0 else d for d in y)
    return (x, y) if draw(st.booleans()) else (y, x)


@settings(max_examples=60, deadline=None)
@given(broadcastable())
@pytest.mark.parametrize("name", BINARY)
def test_binary_broadcasting(name: str, xy: Tuple[Ints, Ints]) -> None:
    x, y = xy
    agree(name, lambda: np.broadcast_shapes(x, y), x=x, y=y)


@SETTINGS
@given(broadcastable(), shapes)
def test_where_and_add_n(xy: Tuple[Ints, Ints], c: Ints) -> None:
    x, y = xy
    agree("where", lambda: np.where(z(c) > 0, z(x), z(y)), cond=c, x=x, y=y)
    agree("add_n", lambda: z(c) + z(x) + z(y), xs=(c, x, y))
    agree("mul_n", lambda: z(x) * z(y), xs=(x, y))


@settings(max_examples=25, deadline=None)
@given(shapes)
@pytest.mark.parametrize("name", UNARY)
def test_unary(name: str, x: Ints) -> None:
    agree(name, lambda: np.exp(z(x)), x=x)


@st.composite
def matmul_pair(draw: st.DrawFn) -> Tuple[Ints, Ints]:
    n, k, m = draw(st.integers(1, 4)), draw(st.integers(1, 4)), draw(st.integers(1, 4))
    if draw(st.integers(0, 3)) == 0:
        k2 = draw(st.integers(1, 4))
    else:
        k2 = k
    bx = draw(st.lists(st.integers(1, 3), max_size=2).map(tuple))
    bw = tuple(1 if draw(st.booleans()) else d for d in bx[draw(st.integers(0, len(bx))):])
    if draw(st.integers(0, 4)) == 0:
        bw = draw(st.lists(st.integers(1, 3), max_size=2).map(tuple))
    x: Ints = (k,) if draw(st.integers(0, 3)) == 0 else bx + (n, k)
    w: Ints = (k2,) if draw(st.integers(0, 3)) == 0 else bw + (k2, m)
    if draw(st.integers(0, 9)) == 0:
        x = ()
    return x, w


@SETTINGS
@given(matmul_pair())
def test_matmul(xw: Tuple[Ints, Ints]) -> None:
    x, w = xw
    agree("matmul", lambda: np.matmul(z(x), z(w)), x=x, w=w)


@st.composite
def axis_args(draw: st.DrawFn, x: Ints) -> Any:
    n = len(x)
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return None
    if kind == 1:
        return draw(st.integers(-n - 1, n))
    return tuple(draw(st.lists(st.integers(-n - 1, n), max_size=3)))


@SETTINGS
@given(st.data(), shapes, st.booleans())
@pytest.mark.parametrize("name", ["sum", "mean", "max", "min", "logsumexp", "var", "std"])
def test_reductions(name: str, data: st.DataObject, x: Ints, keepdims: bool) -> None:
    axis = data.draw(axis_args(x))
    if name in ("var", "std"):
        # Empty or single-element reductions give nan (numpy warns); only the shape counts.
        def fn() -> Any:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return getattr(np, name)(z(x), axis=axis, keepdims=keepdims, ddof=1)
    elif name == "mean":
        fn: Callable[[], Any] = lambda: np.sum(z(x), axis=axis, keepdims=keepdims)  # noqa: E731
    elif name in ("max", "min"):
        fn = lambda: getattr(np, name)(z(x), axis=axis, keepdims=keepdims)  # noqa: E731
    elif name == "logsumexp":
        fn = lambda: np.exp(np.sum(np.exp(z(x)), axis=axis, keepdims=keepdims))  # noqa: E731
    else:
        fn = lambda: np.sum(z(x), axis=axis, keepdims=keepdims)  # noqa: E731
    # (np.var refuses an axis of a 0-d array, as the rules do: no quirk there.)
    quirk = scalar_axis_quirk(x, axis) and name not in ("var", "std")
    check = stricter if quirk else agree
    check(name, fn, x=x, axis=axis, keepdims=keepdims)


@SETTINGS
@given(st.data(), shapes, st.booleans())
@pytest.mark.parametrize("name", ["argmax", "argmin"])
def test_arg_reductions(name: str, data: st.DataObject, x: Ints, keepdims: bool) -> None:
    n = len(x)
    axis = data.draw(st.none() | st.integers(-n - 1, n))
    fn = lambda: getattr(np, name)(z(x), axis=axis, keepdims=keepdims)  # noqa: E731
    check = stricter if scalar_axis_quirk(x, axis) else agree
    check(name, fn, x=x, axis=axis, keepdims=keepdims)


@SETTINGS
@given(st.data(), shapes)
def test_cumsum(data: st.DataObject, x: Ints) -> None:
    n = len(x)
    axis = data.draw(st.integers(-n - 1, n))
    check = stricter if scalar_axis_quirk(x, axis) else agree
    check("cumsum", lambda: np.cumsum(z(x), axis=axis), x=x, axis=axis)


@SETTINGS
@given(shapes)
@pytest.mark.parametrize("name", ["tril", "triu"])
def test_triangles(name: str, x: Ints) -> None:
    # numpy reads a 1-d array as the row of a square matrix; a triangle of a vector is a
    # slip here (the rules want the two matrix axes).
    check = stricter if len(x) == 1 else agree
    check(name, lambda: getattr(np, name)(z(x)), x=x)


@st.composite
def reshape_case(draw: st.DrawFn) -> Tuple[Ints, Ints]:
    x = draw(shapes)
    total = int(np.prod(x))
    # Mostly a target that fits (a factorisation, maybe with a -1), sometimes anything.
    if draw(st.integers(0, 4)) == 0:
        target = tuple(draw(st.lists(st.integers(-2, 6), max_size=4)))
        return x, target
    parts = []
    rest = total
    for _ in range(draw(st.integers(0, 3))):
        divisors = [d for d in range(1, 7) if rest % d == 0] if rest else [0, 1, 2]
        d = draw(st.sampled_from(divisors))
        parts.append(d)
        rest = rest // d if d else rest
    parts.append(rest)
    target = tuple(draw(st.permutations(parts)))
    if target and draw(st.booleans()):
        i = draw(st.integers(0, len(target) - 1))
        target = target[:i] + (-1,) + target[i + 1:]
    return x, target


@SETTINGS
@given(reshape_case())
def test_reshape(case: Tuple[Ints, Ints]) -> None:
    x, target = case
    if any(d < -1 for d in target):
        # numpy 2 reads any negative size as -1; docs/design.md allows only -1: the rule refuses.
        assert rule("reshape", x=x, shape=target) is None
        return
    agree("reshape", lambda: np.reshape(z(x), target), x=x, shape=target)


@SETTINGS
@given(st.data(), small)
def test_transpose_swapaxes_T(data: st.DataObject, x: Ints) -> None:
    n = len(x)
    if data.draw(st.booleans()):
        axes = tuple(data.draw(st.permutations(range(n))))
        axes = tuple(a - n if data.draw(st.booleans()) else a for a in axes)
    else:
        axes = tuple(data.draw(st.lists(st.integers(-n - 1, n), max_size=n + 1)))
    agree("transpose", lambda: np.transpose(z(x), axes or None), x=x, axes=axes)
    agree("T", lambda: z(x).T, x=x)
    a1, a2 = data.draw(st.integers(-n - 1, n)), data.draw(st.integers(-n - 1, n))
    agree("swapaxes", lambda: np.swapaxes(z(x), a1, a2), x=x, axis1=a1, axis2=a2)


@SETTINGS
@given(st.data(), st.lists(st.integers(1, 3), max_size=4).map(tuple))
def test_squeeze_unsqueeze(data: st.DataObject, x: Ints) -> None:
    axis = data.draw(axis_args(x))
    check = stricter if scalar_axis_quirk(x, axis) else agree
    check("squeeze", lambda: np.squeeze(z(x), axis=axis), x=x, axis=axis)
    n = len(x)
    ax = data.draw(st.integers(-n - 2, n + 1))
    agree("unsqueeze", lambda: np.expand_dims(z(x), ax), x=x, axis=ax)


@SETTINGS
@given(shapes)
def test_flatten(x: Ints) -> None:
    # Flux's flatten: keep the batch (first) axis, merge the rest (a 1-d x becomes a column).
    def ref() -> np.ndarray:
        a = z(x)
        if a.ndim == 0:
            raise ValueError("flatten of a scalar")
        return a.reshape(a.shape[0], int(np.prod(a.shape[1:])))

    agree("flatten", ref, x=x)


@st.composite
def join_case(draw: st.DrawFn) -> Tuple[Tuple[Ints, ...], int]:
    base = draw(shapes)
    k = draw(st.integers(0, 3))
    n = len(base)
    axis = draw(st.integers(-n - 2, n + 1))
    xs = []
    for _ in range(k):
        s = list(base)
        if s and draw(st.integers(0, 2)) == 0:
            s[draw(st.integers(0, n - 1))] = draw(dims)
        if draw(st.integers(0, 9)) == 0:
            s = s[1:]
        xs.append(tuple(s))
    return tuple(xs), axis


@SETTINGS
@given(join_case())
def test_concat_stack_cat(case: Tuple[Tuple[Ints, ...], int]) -> None:
    xs, axis = case
    agree("concat", lambda: np.concatenate([z(x) for x in xs], axis=axis), xs=xs, axis=axis)
    agree("cat", lambda: np.concatenate([z(x) for x in xs], axis=axis), xs=xs, axis=axis)
    agree("stack", lambda: np.stack([z(x) for x in xs], axis=axis), xs=xs, axis=axis)


def several(name: str, f: Callable[[], Any], **kw: Any) -> None:
    """A multi-output rule against numpy: one shape per output, or both refuse."""
    try:
        want: Optional[Tuple[Ints, ...]] = tuple(a.shape for a in f())
    except (ValueError, IndexError):
        want = None
    try:
        got: Optional[Tuple[Ints, ...]] = tuple(tuple(s) for s in SPECS[name].rule(**kw))
    except ShapeError:
        got = None
    assert got == want, (name, kw)


@SETTINGS
@given(st.data(), st.lists(st.integers(0, 6), min_size=1, max_size=3).map(tuple))
def test_split_chunk(data: st.DataObject, x: Ints) -> None:
    n = len(x)
    axis = data.draw(st.integers(-n - 1, n))
    ax = axis % n if -n <= axis < n else 0
    sizes = tuple(data.draw(st.lists(st.integers(0, 4), min_size=1, max_size=3)))
    if data.draw(st.booleans()):  # mostly sizes that add up
        sizes = sizes[:-1] + (max(x[ax] - sum(sizes[:-1]), 0),)
    cuts = list(np.cumsum(sizes)[:-1])

    def numpy_split() -> Any:
        a = z(x)
        if not -n <= axis < n or sum(sizes) != x[axis]:
            raise ValueError("numpy splits at any cut points; typedflux wants sizes adding up")
        return np.split(a, cuts, axis=axis)

    several("split", numpy_split, x=x, sizes=sizes, axis=axis)
    chunks = data.draw(st.integers(1, 4))
    several("chunk", lambda: np.split(z(x), chunks, axis=axis), x=x, chunks=chunks, axis=axis)


@SETTINGS
@given(shapes, st.lists(st.integers(-1, 3), max_size=4).map(tuple))
def test_tile_repeat(x: Ints, reps: Ints) -> None:
    agree("tile", lambda: np.tile(z(x), reps) if min(reps, default=0) >= 0 else None + 1,
          x=x, reps=reps)

    def torch_repeat() -> Any:  # torch's Tensor.repeat: np.tile with a count per axis
        if len(reps) < len(x) or min(reps, default=0) < 0:
            raise ValueError("torch needs a count per axis")
        return np.tile(z(x), reps)

    agree("repeat", torch_repeat, x=x, counts=reps)


@SETTINGS
@given(st.data(), shapes, st.integers(-1, 3))
def test_repeat_interleave(data: st.DataObject, x: Ints, r: int) -> None:
    n = len(x)
    axis = data.draw(st.none() | st.integers(-n - 1, n))
    if r < 0:  # numpy lets a negative count through when nothing is repeated; never here
        assert rule("repeat_interleave", x=x, repeats=r, axis=axis) is None
        return
    check = stricter if scalar_axis_quirk(x, axis) else agree
    check("repeat_interleave", lambda: np.repeat(z(x), r, axis=axis), x=x, repeats=r, axis=axis)


@SETTINGS
@given(st.data(), st.lists(st.integers(0, 4), max_size=3).map(tuple),
       st.sampled_from(["constant", "reflect", "replicate", "circular"]))
def test_pad(data: st.DataObject, x: Ints, mode: str) -> None:
    k = len(x) + data.draw(st.sampled_from([0, 0, 0, -1, 1]))
    widths = tuple((data.draw(st.integers(-1, 5)), data.draw(st.integers(0, 5)))
                   for _ in range(max(k, 0)))

    def torch_rules() -> Any:
        # np.pad broadcasts a short widths list and reflects more than once; typedflux wants a
        # pair per axis and torch's limits (reflect < size, circular <= size, replicate > 0).
        if len(widths) != len(x) or any(min(p) < 0 for p in widths):
            raise ValueError("a pair of widths >= 0 per axis")
        for (b, e), d in zip(widths, x):
            w = max(b, e)
            if (mode == "reflect" and w and w >= d) or (mode == "circular" and w > d) or (
                    mode == "replicate" and w and d == 0):
                raise ValueError("torch's limits")
        np_mode = {"replicate": "edge", "circular": "wrap"}.get(mode, mode)
        return np.pad(z(x), widths, mode=np_mode)

    agree("pad", torch_rules, x=x, widths=widths, mode=mode)


@SETTINGS
@given(st.data(), st.lists(st.integers(1, 3), min_size=1, max_size=3).map(tuple))
def test_take_along_axis_and_gather(data: st.DataObject, x: Ints) -> None:
    n = len(x)
    ix = tuple(data.draw(st.sampled_from([d, 1, 2, 4])) for d in x)
    if data.draw(st.integers(0, 9)) == 0:
        ix = ix[1:]
    axis = data.draw(st.integers(-n - 1, n))
    idx = np.zeros(ix, dtype=np.int64)
    agree("take_along_axis", lambda: np.take_along_axis(z(x), idx, axis=axis), x=x, indices=ix,
          axis=axis)

    def torch_gather() -> Any:  # no broadcasting; index sizes <= x sizes off the axis
        if len(ix) != n or not -n <= axis < n:
            raise ValueError("rank or axis")
        if any(q > p for k, (p, q) in enumerate(zip(x, ix)) if k != axis % n):
            raise ValueError("index larger than x")
        return idx

    agree("gather", torch_gather, x=x, axis=axis, index=ix)


index_items = st.one_of(
    st.integers(-5, 5),
    st.builds(slice, st.none() | st.integers(-6, 6), st.none() | st.integers(-6, 6),
              st.none() | st.integers(-3, 3)),
    st.none(),
    st.just(Ellipsis),
)
keys = st.one_of(index_items, st.lists(index_items, max_size=5).map(tuple))


@settings(max_examples=300, deadline=None)
@given(shapes, keys)
def test_getitem(x: Ints, key: Any) -> None:
    agree("getitem", lambda: z(x)[key], x=x, key=key)


@SETTINGS
@given(st.data(), shapes)
@pytest.mark.parametrize("name", ["softmax", "logsoftmax"])
def test_softmax(name: str, data: st.DataObject, x: Ints) -> None:
    n = len(x)
    axis = data.draw(st.integers(-n - 1, n))

    def ref() -> np.ndarray:
        a = z(x)
        e = np.exp(a - np.max(a, axis=axis, keepdims=True)) if a.size else np.exp(a)
        np.sum(e, axis=axis, keepdims=True)  # raises on a bad axis, as the fused op will
        return e

    check = stricter if scalar_axis_quirk(x, axis) else agree
    check(name, ref, x=x, axis=axis)


@SETTINGS
@given(st.lists(st.integers(-2, 4), max_size=4).map(tuple))
@pytest.mark.parametrize("name", ["zeros", "ones", "randn", "rand", "full"])
def test_creation(name: str, shape: Ints) -> None:
    agree(name, lambda: np.zeros(shape), shape=shape)


@SETTINGS
@given(st.integers(-5, 8), st.none() | st.integers(-5, 8), st.integers(-3, 3))
def test_arange(start: int, stop: Optional[int], step: int) -> None:
    def ref() -> np.ndarray:
        # stop=None means arange(0, start, step), as in numpy and range().
        return np.arange(0, start, step) if stop is None else np.arange(start, stop, step)

    agree("arange", ref, start=start, stop=stop, step=step)


@SETTINGS
@given(st.floats(-3, 3), st.floats(-3, 3), st.sampled_from([0.25, 0.5, -0.5, 1.0]))
def test_arange_floats(start: float, stop: float, step: float) -> None:
    agree("arange", lambda: np.arange(start, stop, step), start=start, stop=stop, step=step)


def test_numpy_scalars_stand_for_python_numbers() -> None:
    # Sizes computed with numpy (np.prod, x.shape arithmetic on arrays) reach the rules at
    # run time as numpy scalars.
    i64 = np.int64
    agree("reshape", lambda: z((4, 6)).reshape(i64(2), i64(-1)), x=(4, 6), shape=(i64(2), i64(-1)))
    agree("zeros", lambda: np.zeros((i64(2), 3)), shape=(i64(2), 3))
    agree("arange", lambda: np.arange(i64(5)), start=i64(5))
    agree("arange", lambda: np.arange(np.float32(0), 1, np.float64(0.25)),
          start=np.float32(0), stop=1, step=np.float64(0.25))
    agree("sum", lambda: z((2, 3)).sum(axis=i64(1)), x=(2, 3), axis=i64(1))
    agree("max", lambda: z((2, 3)).max(axis=(i64(0),)), x=(2, 3), axis=(i64(0),))
    agree("squeeze", lambda: np.squeeze(z((2, 1)), axis=i64(1)), x=(2, 1), axis=i64(1))
    key = (i64(1), slice(i64(1), None, i64(2)))
    agree("getitem", lambda: z((3, 6))[key], x=(3, 6), key=key)
