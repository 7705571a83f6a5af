"""Rules on symbolic shapes: rigid symbols, stars, unknown dims, and soundness against the
same rules run on ints for every assignment of the symbols."""

from __future__ import annotations

import itertools
from typing import Any, Dict, List, Optional, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux.shapes  # noqa: F401  (registers every rule)
from typedflux.shapes.catalog import SPECS
from typedflux.shapes.dims import UNKNOWN, Dim, Expr, Star, Unknown, evaluate, sym
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.rules_index import slice_formula

B, N, M = sym("B"), sym("N"), sym("M")
Bs = Star("Bs")
ENVS = [{"N": n, "M": m} for n, m in itertools.product(range(1, 6), repeat=2)]
POOL: List[Dim] = [1, 2, 3, N, M, 2 * N, N + 1]


def run(name: str, **kw: Any) -> Any:
    return SPECS[name].rule(**kw)


def raises(name: str, **kw: Any) -> str:
    with pytest.raises(ShapeError) as info:
        run(name, **kw)
    return info.value.message


# -- rigid semantics ---------------------------------------------------------------------------


def test_a_symbol_broadcasts_only_with_one_or_itself() -> None:
    assert run("add", x=(B, N), y=(N,)) == (B, N)
    assert run("add", x=(B, 1), y=(N,)) == (B, N)
    assert run("add", x=(B, N + N), y=(2 * N,)) == (B, 2 * N)
    raises("add", x=(B, N), y=(5,))
    raises("add", x=(B, N), y=(M,))
    raises("add", x=(N,), y=(N + 1,))


def test_unknown_is_never_a_mismatch() -> None:
    assert run("add", x=(UNKNOWN, 3), y=(4, 3)) == (4, 3)
    assert run("add", x=(UNKNOWN,), y=(1,)) == (UNKNOWN,)
    assert run("add", x=(UNKNOWN,), y=(N,)) == (N,)
    assert run("matmul", x=(B, UNKNOWN), w=(784, 10)) == (B, 10)
    assert run("reshape", x=(UNKNOWN, 784), shape=(B, 700)) == (B, 700)
    assert run("concat", xs=((UNKNOWN, 3), (B, 4)), axis=1) == (B, 7)
    assert run("getitem", x=(UNKNOWN,), key=7) == ()


def test_stars_align_and_broadcast() -> None:
    assert run("add", x=(Bs, 784), y=(784,)) == (Bs, 784)
    assert run("add", x=(784,), y=(Bs, 784)) == (Bs, 784)
    assert run("add", x=(Bs, 784), y=(Bs, 1)) == (Bs, 784)
    assert run("add", x=(Bs, 3), y=(Star("Cs"), 3)) == (Star(), 3)
    assert run("add", x=(Bs, 3), y=(2, 5, 3)) == (Star(), 3)
    raises("add", x=(Bs, 3), y=(4,))


def test_matmul_with_a_star_checks_what_it_can() -> None:
    assert run("matmul", x=(Bs, B, 784), w=(784, 10)) == (Bs, B, 10)
    assert "(784 vs 700)" in raises("matmul", x=(Bs, 784), w=(700, 10))
    with pytest.raises(CannotTell):
        run("matmul", x=(Bs, 784), w=(784, 10))  # x may be 1-d: the output rank is unknown


def test_axes_inside_a_star_cannot_be_told() -> None:
    assert run("sum", x=(Bs, N, 3), axis=-1) == (Bs, N)
    assert run("sum", x=(B, Bs, 3), axis=0) == (Bs, 3)
    with pytest.raises(CannotTell):
        run("sum", x=(Bs, 3), axis=0)
    assert run("sum", x=(Bs, 3)) == ()
    assert run("softmax", x=(Bs, 10), axis=-1) == (Bs, 10)
    assert run("unsqueeze", x=(Bs, 10), axis=-1) == (Bs, 10, 1)
    assert run("unsqueeze", x=(Bs, 10), axis=0) == (1, Bs, 10)
    assert run("stack", xs=((Bs, N), (Bs, N)), axis=0) == (2, Bs, N)
    assert run("concat", xs=((Bs, N), (Bs, 3)), axis=-1) == (Bs, N + 3)
    with pytest.raises(CannotTell):
        run("concat", xs=((Bs, N), (Star("Cs"), 3)), axis=-1)
    assert run("flatten", x=(B, Bs, 3)) == (B, UNKNOWN)
    assert run("T", x=(Bs, 2, 3)) == (3, 2, Star())


def test_reshape_solves_minus_one_symbolically() -> None:
    assert run("reshape", x=(B, 28, 28), shape=(B, -1)) == (B, 784)
    assert run("reshape", x=(B, 784), shape=(-1, 28, 28)) == (B, 28, 28)
    assert run("reshape", x=(B, N, 4), shape=(-1, 2)) == (2 * B * N, 2)
    assert run("reshape", x=(N + 1, N), shape=(N, -1)) == (N, N + 1)
    assert run("reshape", x=(B, 784), shape=(-1, 700)) == (UNKNOWN, 700)  # B=25k fits
    assert run("reshape", x=(Bs, 784), shape=(-1, 28, 28)) == (UNKNOWN, 28, 28)
    raises("reshape", x=(B, 784), shape=(B, 700))
    raises("reshape", x=(B, 784), shape=(-1, -1))
    raises("reshape", x=(B, 784), shape=(B, -3))


def test_reshape_counts_equal_for_some_remainders_prove_nothing() -> None:
    # B*N vs 2*B*(N//2): equal for every even N, so a generic N proves nothing (the run time
    # checks the sizes); counts that differ in every class of remainders stay errors.
    assert run("reshape", x=(B, N), shape=(B, N // 2, 2)) == (B, N // 2, 2)
    assert run("reshape", x=(N,), shape=((N + 1) // 2, 2)) == ((N + 1) // 2, 2)
    assert run("reshape", x=(N, M), shape=(N // 2, 2, M // 3, 3)) == (N // 2, 2, M // 3, 3)
    assert "(B*N vs 4*B*(N//2))" in raises("reshape", x=(B, N), shape=(B, N // 2, 4))
    raises("reshape", x=(4 * N,), shape=(N // 2, 2))
    raises("reshape", x=(B, N), shape=(B, N // 2, 2, 2))


def test_symbolic_slices() -> None:
    assert run("getitem", x=(B, N), key=(slice(None), slice(None, -1))) == (B, N - 1)
    assert run("getitem", x=(N,), key=slice(1, None)) == (N - 1,)
    assert run("getitem", x=(N,), key=slice(-1, None)) == (1,)
    assert run("getitem", x=(N,), key=slice(None, None, -1)) == (N,)
    assert run("getitem", x=(2 * N,), key=slice(None, None, 2)) == (N,)
    # Int bounds: the size for every axis long enough for the slice as written (min(3, N)
    # is 3 from N >= 3 on; N - 2 from N >= 2 on, 0 below: rules_index.slice_formula).
    assert run("getitem", x=(N,), key=slice(None, 3)) == (3,)
    assert run("getitem", x=(N,), key=slice(2, None)) == (N - 2,)
    assert run("getitem", x=(N,), key=slice(2, None, -1)) == (UNKNOWN,)  # negative step
    assert run("getitem", x=(Bs, N), key=(Ellipsis, 0)) == (Bs,)
    assert run("getitem", x=(B, Bs, N), key=(0, Ellipsis, slice(1, None))) == (Bs, N - 1)
    with pytest.raises(CannotTell):
        run("getitem", x=(Bs, N), key=(0, 0))
    # Bounds taken from shapes (x.shape[1] in the plugin) are symbolic too.
    assert run("getitem", x=(B, N), key=(slice(None), slice(None, N))) == (B, N)
    assert run("getitem", x=(2 * N,), key=slice(N, None)) == (N,)
    assert run("getitem", x=(2 * N,), key=slice(-N, None)) == (N,)
    assert run("getitem", x=(5,), key=slice(None, N)) == (UNKNOWN,)  # min(5, N)
    assert run("getitem", x=(5, 4), key=N) == (4,)


def test_squeeze_of_a_symbol_is_an_error_of_an_unknown_is_not() -> None:
    raises("squeeze", x=(B, 1), axis=0)
    assert run("squeeze", x=(UNKNOWN, 3), axis=0) == (3,)
    assert run("squeeze", x=(B, 1, N)) == (B, N)
    with pytest.raises(CannotTell):
        run("squeeze", x=(UNKNOWN, 3))


def test_arange_and_creation_with_symbols() -> None:
    assert run("arange", start=N) == (N,)
    assert run("arange", start=1, stop=N + 1) == (N,)
    assert run("arange", start=0, stop=N, step=3) == ((N + 2) // 3,)
    assert run("arange", start=3, stop=N) == (UNKNOWN,)
    assert run("zeros", shape=(B, 784)) == (B, 784)


# -- soundness: a static answer holds for every assignment of its symbols ---------------------

dims = st.sampled_from(POOL)
shapes = st.lists(dims, max_size=3).map(tuple)


def concrete(shape: Tuple[Any, ...], env: Dict[str, int]) -> Tuple[int, ...]:
    return tuple(evaluate(d, env) for d in shape)  # type: ignore[misc]


def concrete_item(it: Any, env: Dict[str, int]) -> Any:
    if isinstance(it, slice):
        return slice(*(None if b is None else evaluate(b, env)
                       for b in (it.start, it.stop, it.step)))
    if isinstance(it, Expr):
        return evaluate(it, env)
    return it


def int_outcome(name: str, kw: Dict[str, Any], env: Dict[str, int]) -> Optional[Tuple[int, ...]]:
    conc = {}
    for k, v in kw.items():
        if k in ("x", "y", "w", "cond"):
            conc[k] = concrete(v, env)
        elif k == "xs":
            conc[k] = tuple(concrete(s, env) for s in v)
        elif k == "shape":
            conc[k] = concrete(v, env)
        elif k == "key":
            conc[k] = tuple(concrete_item(it, env) for it in v)
        elif k in ("start", "stop", "step"):
            conc[k] = v if v is None else evaluate(v, env)
        else:
            conc[k] = v
    try:
        return tuple(SPECS[name].rule(**conc))
    except ShapeError:
        return None


def matches(static: Tuple[Any, ...], env: Dict[str, int], real: Tuple[int, ...]) -> bool:
    if len(static) != len(real):
        return False
    return all(isinstance(d, Unknown) or evaluate(d, env) == r for d, r in zip(static, real))


# Ops whose checks on polynomial dims are all decidable: a static success means success at
# every assignment.
DECIDED = {"add", "matmul", "concat", "stack", "transpose", "sum", "softmax", "flatten",
           "unsqueeze", "where"}


def covered(name: str, kw: Dict[str, Any], env: Dict[str, int]) -> bool:
    """Whether the rule's result speaks for ``env``: a slice by int bounds is sized for every
    axis long enough for the slice as written (``x[2:]`` of ``N`` is ``N - 2`` from
    ``N >= 2`` on: ``rules_index.slice_formula``); every other result for every size."""
    if name != "getitem":
        return True
    x, key = kw["x"], kw["key"]
    items = key if isinstance(key, tuple) else (key,)
    if Ellipsis in items:
        k = items.index(Ellipsis)
        head, tail = items[:k], items[k + 1:]
    else:
        head, tail = items, ()
    takes = [it for it in head if it is not None]
    after = [it for it in tail if it is not None]
    pairs = list(zip(takes, x)) + list(zip(after[::-1], x[::-1]))
    for it, d in pairs:
        if isinstance(it, slice) and not isinstance(d, int):
            least = slice_formula(it, d)[1]
            if evaluate(d, env) < least:  # type: ignore[operator]
                return False
    return True


def check_sound(name: str, **kw: Any) -> None:
    try:
        static = SPECS[name].rule(**kw)
    except CannotTell:
        return
    except ShapeError:
        # Rigid symbols: a reported mismatch must be real for some sizes.
        assert any(int_outcome(name, kw, env) is None for env in ENVS), (name, kw)
        return
    for env in ENVS:
        if not covered(name, kw, env):
            continue
        real = int_outcome(name, kw, env)
        if real is None:
            assert name not in DECIDED, (name, kw, env)
            continue
        assert matches(tuple(static), env, real), (name, kw, env, static, real)


SOUND = settings(max_examples=150, deadline=None)


@SOUND
@given(shapes, shapes, shapes)
def test_sound_broadcasting(x: Any, y: Any, c: Any) -> None:
    check_sound("add", x=x, y=y)
    check_sound("where", cond=c, x=x, y=y)


@SOUND
@given(st.lists(dims, min_size=1, max_size=3).map(tuple),
       st.lists(dims, min_size=1, max_size=3).map(tuple))
def test_sound_matmul(x: Any, w: Any) -> None:
    check_sound("matmul", x=x, w=w)


@SOUND
@given(shapes, st.lists(st.sampled_from(POOL + [-1, 4, 6]), max_size=3).map(tuple))
def test_sound_reshape(x: Any, target: Any) -> None:
    check_sound("reshape", x=x, shape=target)


@SOUND
@given(st.lists(shapes, min_size=1, max_size=3), st.integers(-3, 2))
def test_sound_joins(xs: Any, axis: int) -> None:
    check_sound("concat", xs=tuple(xs), axis=axis)
    check_sound("stack", xs=tuple(xs), axis=axis)


bounds = st.none() | st.integers(-3, 3) | st.sampled_from([N, M, -N, N + 1, 2 * N, N - 1])
index_items = st.one_of(
    st.integers(-3, 3),
    st.sampled_from([N, N - 1]),
    st.builds(slice, bounds, bounds, st.none() | st.sampled_from([1, 2, -1, -2])),
    st.none(),
    st.just(Ellipsis),
)


@settings(max_examples=300, deadline=None)
@given(shapes, st.lists(index_items, max_size=3).map(tuple))
def test_sound_getitem(x: Any, key: Any) -> None:
    check_sound("getitem", x=x, key=key)


@SOUND
@given(shapes, st.integers(-4, 3), st.booleans())
def test_sound_axis_ops(x: Any, axis: int, keepdims: bool) -> None:
    check_sound("sum", x=x, axis=axis, keepdims=keepdims)
    check_sound("softmax", x=x, axis=axis)
    check_sound("squeeze", x=x, axis=axis)
    check_sound("unsqueeze", x=x, axis=axis)
    check_sound("flatten", x=x)
    n = len(x)
    check_sound("transpose", x=x, axes=tuple(range(n))[::-1])


@SOUND
@given(st.sampled_from(POOL + [0, -2]), st.none() | st.sampled_from(POOL + [0]),
       st.sampled_from([1, 2, -1, 3]))
def test_sound_arange(start: Any, stop: Any, step: int) -> None:
    check_sound("arange", start=start, stop=stop, step=step)


def test_results_hold_expressions_not_strings() -> None:
    out = run("concat", xs=((B, 3), (B, N)), axis=-1)
    assert isinstance(out[1], Expr) and out[1] == N + 3


# -- soundness with a *Bs run: each assignment also picks the run's concrete dims --------------

RUNS = [(), (2,), (3, 1), (1, 2, 2)]
STAR_ENVS = [(env, run) for env in ENVS[::4] for run in RUNS]  # N != M among them


def expand(shape: Tuple[Any, ...], env: Dict[str, int], run: Tuple[int, ...]) -> Tuple[int, ...]:
    out: List[int] = []
    for d in shape:
        if isinstance(d, Star):
            out.extend(run)
        else:
            out.append(evaluate(d, env))  # type: ignore[arg-type]
    return tuple(out)


def concretize(kw: Dict[str, Any], env: Dict[str, int], run: Tuple[int, ...]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for k, v in kw.items():
        if k in ("x", "y", "w", "shape"):
            out[k] = expand(v, env, run)
        elif k == "xs":
            out[k] = tuple(expand(s, env, run) for s in v)
        else:
            out[k] = v
    return out


def matches_run(static: Tuple[Any, ...], env: Dict[str, int], run: Tuple[int, ...],
                real: Tuple[int, ...]) -> bool:
    """Does the static result describe the real one? ``*Bs`` stands for ``run``, ``...`` for
    any run of dims, ``?`` for any dim."""
    k = next((i for i, d in enumerate(static) if isinstance(d, Star)), None)
    if k is not None and static[k] == Bs:
        static = static[:k] + tuple(run) + static[k + 1:]
        k = None
    if k is None:
        return matches(static, env, real)
    pre, post = static[:k], static[k + 1:]
    if len(real) < len(pre) + len(post):
        return False
    return matches(pre, env, real[:len(pre)]) and matches(post, env, real[len(real) - len(post):])


def check_sound_star(name: str, **kw: Any) -> None:
    try:
        static = SPECS[name].rule(**kw)
    except (CannotTell, ShapeError):
        return  # errors: see check_error_real
    conc_all = []
    for env, run in STAR_ENVS:
        conc = concretize(kw, env, run)
        try:
            conc_all.append((env, run, tuple(SPECS[name].rule(**conc))))
        except ShapeError:
            conc_all.append((env, run, None))
    for env, run, real in conc_all:
        if real is not None:
            assert matches_run(tuple(static), env, run, real), (name, kw, env, run, static, real)


def check_error_real(name: str, **kw: Any) -> None:
    try:
        SPECS[name].rule(**kw)
    except ShapeError:
        fails = []
        for env, run in STAR_ENVS:
            conc = concretize(kw, env, run)
            try:
                SPECS[name].rule(**conc)
                fails.append(False)
            except ShapeError:
                fails.append(True)
        assert any(fails), (name, kw)
    except CannotTell:
        pass


@st.composite
def starred(draw: st.DrawFn) -> Tuple[Any, ...]:
    body = draw(st.lists(dims, max_size=3))
    if draw(st.integers(0, 3)):
        body.insert(draw(st.integers(0, len(body))), Bs)
    return tuple(body)


@settings(max_examples=120, deadline=None)
@given(starred(), starred(), st.integers(-3, 2), st.booleans())
def test_sound_with_stars(x: Any, y: Any, axis: int, keepdims: bool) -> None:
    for name, kw in (
        ("add", dict(x=x, y=y)),
        ("matmul", dict(x=x, w=y)),
        ("concat", dict(xs=(x, y), axis=axis)),
        ("stack", dict(xs=(x, y), axis=axis)),
        ("sum", dict(x=x, axis=axis, keepdims=keepdims)),
        ("squeeze", dict(x=x, axis=axis)),
        ("unsqueeze", dict(x=x, axis=axis)),
        ("softmax", dict(x=x, axis=axis)),
        ("flatten", dict(x=x)),
        ("T", dict(x=x)),
        ("reshape", dict(x=x, shape=tuple(d for d in y if not isinstance(d, Star)) + (-1,))),
        ("getitem", dict(x=x, key=(Ellipsis, slice(1, None)) if axis < 0 else (0, Ellipsis))),
    ):
        check_sound_star(name, **kw)
        check_error_real(name, **kw)
