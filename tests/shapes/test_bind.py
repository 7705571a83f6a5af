"""Binding symbolic dims at a call: the unification shared by @shapecheck and the plugin."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from typedflux.shapes.bind import Bindings
from typedflux.shapes.dims import UNKNOWN, Star, sym
from typedflux.shapes.errors import ShapeError

B, N, H = sym("B"), sym("N"), sym("H")


def test_bare_symbols_bind_then_must_agree() -> None:
    env = Bindings("f")
    env.bind('argument "x"', (B, 784), (32, 784))
    env.bind('argument "y"', (B, 10), (32, 10))
    assert env.dims == {"B": 32}
    with pytest.raises(ShapeError) as err:
        env.bind("return value", (B, 10), (16, 10))
    assert err.value.message == (
        'Dim "B" differs for "f": argument "x" gives B = 32, return value gives B = 16; '
        "need one size for B (32 vs 16)"
    )
    assert err.value.notes == ("B=32",)


def test_literal_mismatch_names_axis_and_sizes() -> None:
    env = Bindings("predict")
    with pytest.raises(ShapeError) as err:
        env.bind('argument "x"', (B, 784), (32, 100))
    assert err.value.message == (
        'Shape mismatch for "predict": argument "x" has Tensor[32, 100], annotated '
        "Tensor[B, 784]; need size 784 at axis 1 (got 100)"
    )


def test_rank_mismatch() -> None:
    with pytest.raises(ShapeError, match="need rank 2 \\(got 3\\)"):
        Bindings("f").bind('argument "x"', (B, 784), (2, 3, 4))


@given(st.integers(1, 50), st.integers(0, 40))
def test_expressions_solve_for_their_symbol(n: int, offset: int) -> None:
    env = Bindings("f")
    env.bind('argument "x"', (2 * N + offset,), (2 * n + offset,))
    assert env.dims == {"N": n}
    assert env.substitute(((H - 3) // 2 + 1, N * N)) == ((H - 3) // 2 + 1, n * n)


def test_unsolvable_size_is_a_mismatch() -> None:
    with pytest.raises(ShapeError, match='annotated Tensor\\[2\\*N\\]'):
        Bindings("f").bind('argument "x"', (2 * N,), (7,))


def test_expression_checked_after_its_symbol_is_bound() -> None:
    env = Bindings("f")
    env.bind('argument "x"', (N, 2 * N), (5, 10))
    assert env.dims == {"N": 5}
    with pytest.raises(ShapeError, match="need size 2\\*N at axis 1 \\(got 11\\)"):
        Bindings("g").bind('argument "x"', (N, 2 * N), (5, 11))


def test_stars_bind_runs_of_dims() -> None:
    env = Bindings("f")
    env.bind('argument "x"', (Star("Bs"), 784), (2, 3, 784))
    assert env.stars == {"Bs": (2, 3)}
    assert env.substitute((Star("Bs"), 10)) == (2, 3, 10)
    with pytest.raises(ShapeError, match='Dim "\\*Bs" differs'):
        env.bind('argument "y"', (Star("Bs"), 10), (2, 10))
    assert env.note() == "*Bs=(2, 3)"


def test_unknown_dims_never_mismatch() -> None:
    env = Bindings("f")
    env.bind('argument "x"', (B, UNKNOWN, 3), (UNKNOWN, 5, 3))
    env.bind('argument "y"', (B, 2 * N), (4, UNKNOWN))
    assert env.dims == {"B": 4}


def test_symbolic_actuals_bind_statically() -> None:
    M = sym("M")
    env = Bindings("f")
    env.bind('argument "x"', (B, N), (M, 784))
    assert env.substitute((B, N)) == (M, 784)
    with pytest.raises(ShapeError):
        env.bind('argument "y"', (B,), (sym("K"),))  # rigid: M and K differ
