"""Binding symbolic dims at a call: the unification shared by @shapecheck and the plugin."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from typedflux.shapes.bind import RIGID_SAME, RIGID_UNKNOWN, Bindings, Mismatch, rigid_mismatch
from typedflux.shapes.dims import UNKNOWN, Star, sym
from typedflux.shapes.errors import ShapeError

B, N, H = sym("B"), sym("N"), sym("H")


def test_bare_symbols_bind_then_must_agree() -> None:
    env = Bindings("f")
    env.bind('argument "x"', (B, 784), (32, 784))
    env.bind('argument "y"', (B, 10), (32, 10))
    assert env.dims == {"B": 32}
    with pytest.raises(ShapeError) as err:
        env.bind('argument "z"', (B, 10), (16, 10))
    assert err.value.message == (
        'Dim "B" differs for "f": argument "x" gives B = 32, argument "z" gives B = 16; '
        "need one size for B (32 vs 16)"
    )
    assert err.value.notes == ("B=32",)


def test_a_result_is_checked_against_the_bindings_in_its_own_words() -> None:
    env = Bindings("f")
    env.bind('argument "x"', (B, 784), (32, 784))
    with pytest.raises(ShapeError) as err:
        env.bind("return value (tuple item 1)", (B, 10), (16, 10))
    assert err.value.message == (
        "Return shape Tensor[16, 10] (tuple item 1) does not match the annotation "
        "Tensor[B, 10]: axis 0 is 16, expected 32"
    )
    with pytest.raises(ShapeError, match="^Yielded shape Tensor\\[32, 9\\] does not match"):
        env.bind("yielded value", (B, 10), (32, 9))


def test_literal_mismatch_names_axis_and_sizes() -> None:
    env = Bindings("predict")
    with pytest.raises(ShapeError) as err:
        env.bind('argument "x"', (B, 784), (32, 100))
    assert err.value.message == (
        'Argument "x" of "predict" has shape Tensor[32, 100], which does not match the '
        "annotation Tensor[B, 784]: axis 1 is 100, expected 784"
    )
    assert err.value.brief == (
        'argument "x" has shape Tensor[32, 100], expected Tensor[B, 784] '
        "(axis 1 is 100, expected 784)"
    )


def test_rank_mismatch() -> None:
    with pytest.raises(ShapeError, match="rank is 3, expected 2$"):
        Bindings("f").bind('argument "x"', (B, 784), (2, 3, 4))


@given(st.integers(1, 50), st.integers(0, 40))
def test_expressions_solve_for_their_symbol(n: int, offset: int) -> None:
    env = Bindings("f")
    env.bind('argument "x"', (2 * N + offset,), (2 * n + offset,))
    assert env.dims == {"N": n}
    assert env.substitute(((H - 3) // 2 + 1, N * N)) == ((H - 3) // 2 + 1, n * n)


def test_unsolvable_size_is_a_mismatch() -> None:
    with pytest.raises(ShapeError, match='annotation Tensor\\[2\\*N\\]: axis 0 is 7, expected 2\\*N'):
        Bindings("f").bind('argument "x"', (2 * N,), (7,))


def test_expression_checked_after_its_symbol_is_bound() -> None:
    env = Bindings("f")
    env.bind('argument "x"', (N, 2 * N), (5, 10))
    assert env.dims == {"N": 5}
    # Once N is bound the size it stands for is shown: 2*N is 10 here.
    with pytest.raises(ShapeError, match="annotation Tensor\\[N, 2\\*N\\]: axis 1 is 11, expected 10"):
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


def test_rigid_symbols_are_compared_not_bound() -> None:
    I, O = sym("I"), sym("O")
    env = Bindings("Linear.__call__", rigid=frozenset({"I"}))
    env.bind('argument "x"', (B, I), (sym("N"), I))
    assert env.dims == {"B": sym("N")}
    with pytest.raises(ShapeError) as err:
        env.bind('argument "y"', (B, I), (sym("N"), O))
    assert err.value.message.endswith("annotation Tensor[B, I]: axis 1 is O, expected I")
    env.bind('argument "z"', (2 * I + N,), (2 * I + 3,))  # N is free: solved
    assert env.dims["N"] == 3


@pytest.mark.parametrize(
    "annotated, actual, verdict",
    [
        ((B, 64), (B, 32), "axis 1"),
        ((B, 32, 1), (B, 32), "rank"),
        ((B, N), (N, B), "axis 0"),
        ((B, N), (B, UNKNOWN), RIGID_SAME),
        ((B, 2 * N), (B, N + N), RIGID_SAME),
        ((Star("Bs"), 10), (Star("Bs"), 5), "axis -1"),  # after a variadic run: from the end
        ((Star("Bs"), 10), (3, 10), RIGID_UNKNOWN),
        ((Star(), 10), (3, 4, 5), "axis -1"),
        ((Star(), 10, 10), (10,), "rank"),
        ((B, 10), (Star(), 10), RIGID_UNKNOWN),
    ],
)
def test_rigid_mismatch(annotated: tuple, actual: tuple, verdict: object) -> None:
    got = rigid_mismatch(annotated, actual)
    if verdict == "rank":
        assert isinstance(got, Mismatch) and got.axis is None
    elif isinstance(verdict, str) and verdict.startswith("axis"):
        assert isinstance(got, Mismatch) and got.axis == int(verdict.split()[1])
    else:
        assert got == verdict
