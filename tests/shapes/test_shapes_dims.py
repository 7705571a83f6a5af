"""Properties of the dim algebra: normal forms agree with arithmetic, equal() is never wrong."""

from __future__ import annotations

import itertools
from typing import Callable, Dict, Tuple

from hypothesis import given, settings
from hypothesis import strategies as st

from typedflux.shapes.dims import UNKNOWN, Dim, Expr, _sample_envs, equal, evaluate, is_one, sym
from typedflux.shapes.parse import parse_dim

NAMES = ("a", "b", "c")
Env = Dict[str, int]
# A tree is built twice at once: as a dim (normal form) and as a plain int function.
Tree = Tuple[Dim, Callable[[Env], int], str]


def _leaf_int(v: int) -> Tree:
    return (v, lambda env: v, str(v))


def _leaf_sym(n: str) -> Tree:
    return (sym(n), lambda env: env[n], n)


def _combine(op: str, x: Tree, y: Tree) -> Tree:
    dx, fx, sx = x
    dy, fy, sy = y
    if op == "+":
        return (dx + dy, lambda e: fx(e) + fy(e), f"({sx} + {sy})")  # type: ignore[operator]
    if op == "-":
        return (dx - dy, lambda e: fx(e) - fy(e), f"({sx} - {sy})")  # type: ignore[operator]
    return (dx * dy, lambda e: fx(e) * fy(e), f"({sx} * {sy})")  # type: ignore[operator]


def _div(x: Tree, k: int) -> Tree:
    dx, fx, sx = x
    return (dx // k, lambda e: fx(e) // k, f"({sx} // {k})")  # type: ignore[operator]


leaves = st.one_of(st.integers(-4, 6).map(_leaf_int), st.sampled_from(NAMES).map(_leaf_sym))


def _div_sym(x: Tree, n: str) -> Tree:
    # Division by a symbol (always >= 1 here) is kept opaque but must still evaluate.
    dx, fx, sx = x
    return (dx // sym(n), lambda e: fx(e) // e[n], f"({sx} // {n})")  # type: ignore[operator]


def _extend(children: st.SearchStrategy[Tree]) -> st.SearchStrategy[Tree]:
    binary = st.tuples(st.sampled_from("+-*"), children, children).map(lambda t: _combine(*t))
    div = st.tuples(children, st.integers(1, 5)).map(lambda t: _div(*t))
    div_sym = st.tuples(children, st.sampled_from(NAMES)).map(lambda t: _div_sym(*t))
    return st.one_of(binary, div, div_sym)


trees = st.recursive(leaves, _extend, max_leaves=6)
polys = st.recursive(
    leaves,
    lambda ch: st.tuples(st.sampled_from("+-*"), ch, ch).map(lambda t: _combine(*t)),
    max_leaves=6,
)
points = st.fixed_dictionaries({n: st.integers(1, 40) for n in NAMES})
GRID = [dict(zip(NAMES, v)) for v in itertools.product((1, 2, 3, 5, 8, 13, 29), repeat=3)]


@settings(max_examples=150, deadline=None)
@given(trees, points)
def test_normal_form_evaluates_like_the_arithmetic(t: Tree, env: Env) -> None:
    dim, f, _ = t
    assert evaluate(dim, env) == f(env)


@settings(max_examples=150, deadline=None)
@given(trees, trees)
def test_equal_is_never_wrong(x: Tree, y: Tree) -> None:
    (dx, fx, _), (dy, fy, _) = x, y
    verdict = equal(dx, dy)
    if verdict is True:
        assert all(fx(env) == fy(env) for env in GRID)
    elif verdict is False:
        # A difference must exist: on the grid, or at one of the points equal() itself tried.
        tried = [{**dict.fromkeys(NAMES, 1), **env}
                 for k in range(1, len(NAMES) + 1)
                 for subset in itertools.combinations(NAMES, k)
                 for env in _sample_envs(frozenset(subset))]
        assert any(fx(env) != fy(env) for env in GRID + tried)


@settings(max_examples=100, deadline=None)
@given(polys, polys)
def test_equal_decides_polynomials(x: Tree, y: Tree) -> None:
    # Without floor division the normal form is canonical, so equal() always answers, and
    # a grid of 7 points per symbol cannot hide a nonzero polynomial of degree <= 6.
    (dx, fx, _), (dy, fy, _) = x, y
    same = all(fx(env) == fy(env) for env in GRID)
    assert equal(dx, dy) is same
    assert (dx == dy) is same


@settings(max_examples=100, deadline=None)
@given(polys, polys, polys, st.integers(1, 7))
def test_polynomial_identities_share_one_normal_form(x: Tree, y: Tree, z: Tree, k: int) -> None:
    a, b, c = x[0], y[0], z[0]
    assert a + b == b + a  # type: ignore[operator]
    assert (a + b) * c == a * c + b * c  # type: ignore[operator]
    assert a + a == 2 * a  # type: ignore[operator]
    assert (k * a) // k == a  # type: ignore[operator]
    assert a - a == 0  # type: ignore[operator]


@settings(max_examples=100, deadline=None)
@given(polys, polys, st.sampled_from(NAMES), st.integers(1, 5), points)
def test_division_by_one_term_that_divides_every_term_is_exact(
    x: Tree, r: Tree, n: str, k: int, env: Env
) -> None:
    # ``(x*k*n)//(k*n)`` is ``x``: the printed form names no division (``(N*M)//M`` is N).
    a, b = x[0], k * sym(n)
    assert (a * b) // b == a  # type: ignore[operator]
    # Any other numerator stays a division, and every form evaluates like the arithmetic.
    num = a * b + r[0]  # type: ignore[operator]
    assert evaluate(num // b, env) == evaluate(num, env) // (k * env[n])  # type: ignore[operator]


@settings(max_examples=150, deadline=None)
@given(trees)
def test_str_round_trips_through_parse_dim(t: Tree) -> None:
    dim = t[0]
    assert parse_dim(str(dim)) == dim


@settings(max_examples=100, deadline=None)
@given(trees, points)
def test_parse_dim_of_the_written_tree_is_its_normal_form(t: Tree, env: Env) -> None:
    dim, f, text = t
    parsed = parse_dim(text)
    assert evaluate(parsed, env) == f(env)
    assert equal(parsed, dim) is not False


# Sums of positive multiples of symbols and a constant (``2*a + b + 3``): a size written in an
# annotation, the numerator of a ceil division.
positive_sums = st.tuples(
    st.lists(st.tuples(st.integers(1, 4), st.sampled_from(NAMES)), min_size=1, max_size=3),
    st.integers(0, 5),
).map(lambda t: sum((c * sym(n) for c, n in t[0]), start=t[1]))


@settings(max_examples=150, deadline=None)
@given(positive_sums, st.integers(2, 6), points)
def test_ceil_division_has_one_normal_form(x: Dim, k: int, env: Env) -> None:
    # Python's ceil-division idiom ``-(-x//k)`` is ``(x + k - 1)//k`` for every integer x
    # (redteam aq1: ``"-(-H//2)"`` was refused against a stride-2 conv's ``(H + 1)//2``).
    ceil = -(-x // k)  # type: ignore[operator]
    assert ceil == (x + k - 1) // k  # type: ignore[operator]
    value = evaluate(x, env)
    assert isinstance(value, int)
    assert evaluate(ceil, env) == -(-value // k) == (value + k - 1) // k
    assert parse_dim(str(ceil)) == ceil


@settings(max_examples=150, deadline=None)
@given(positive_sums, st.integers(2, 6))
def test_a_floor_identity_is_never_a_difference(x: Dim, k: int) -> None:
    # ``x - x//k`` and ``((k - 1)*x + k - 1)//k`` are one size for every integer x, though no
    # size makes both divisions exact (the rule equal() otherwise counts on).
    a = x - x // k  # type: ignore[operator]
    b = ((k - 1) * x + k - 1) // k  # type: ignore[operator]
    assert equal(a, b) is not False
    assert equal(a, b + 1) is False  # type: ignore[operator]


def test_the_documented_identities() -> None:
    n = sym("N")
    assert n + n == 2 * n
    assert (2 * n) // 2 == n
    assert isinstance(n - 1, Expr)
    assert equal(n, sym("M")) is False
    assert equal(2 * n, n + 1) is False
    assert equal(784 * sym("B"), 700 * sym("B")) is False


def test_unknown_is_never_decided() -> None:
    assert equal(UNKNOWN, 3) is None
    assert equal(UNKNOWN, sym("N")) is None
    assert is_one(UNKNOWN) is None
    assert UNKNOWN * sym("N") is UNKNOWN
