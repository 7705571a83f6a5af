"""``@tf.shapecheck``: run-time enforcement of Tensor annotations, with per-call bindings."""

from __future__ import annotations

from typing import Any, Literal, TypeVar

import pytest
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import ShapeError, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
Bs = TypeVarTuple("Bs")


@tf.shapecheck
def project(x: Tensor[B, 784], w: Tensor[784, N]) -> Tensor[B, N]:
    return x @ w


def test_arguments_bind_and_pass() -> None:
    assert project(tf.zeros(5, 784), tf.zeros(784, 10)).shape == (5, 10)


def test_argument_mismatch_names_argument_annotation_shape() -> None:
    with pytest.raises(ShapeError) as err:
        project(tf.zeros(5, 784), tf.zeros(700, 10))
    assert str(err.value) == (
        'Shape mismatch for "project": argument "w" has Tensor[700, 10], annotated '
        "Tensor[784, N]; need size 784 at axis 0 (got 700)\n  B=5"
    )


@tf.shapecheck
def wrong_return(x: Tensor[B, N]) -> Tensor[N, B]:
    return x


def test_return_value_is_checked_with_bindings_in_note() -> None:
    assert wrong_return(tf.zeros(3, 3)).shape == (3, 3)
    with pytest.raises(ShapeError) as err:
        wrong_return(tf.zeros(2, 3))
    assert err.value.message == (
        'Dim "N" differs for "wrong_return": argument "x" gives N = 3, return value gives '
        "N = 2; need one size for N (3 vs 2)"
    )
    assert err.value.notes == ("B=2, N=3",)


@tf.shapecheck
def pairs(x: Tensor[B, "2*N"]) -> Tensor[B, N, 2]:
    return x.reshape(x.shape[0], -1, 2)


def test_string_dims_solve_per_call() -> None:
    assert pairs(tf.zeros(4, 6)).shape == (4, 3, 2)
    assert pairs(tf.zeros(1, 10)).shape == (1, 5, 2)  # a fresh binding per call
    with pytest.raises(ShapeError, match="annotated Tensor\\[B, 2\\*N\\]"):
        pairs(tf.zeros(4, 5))


@tf.shapecheck
def outer(x: Tensor[B, 784]) -> Tensor[B, 10]:
    inner = project(x[:2], tf.zeros(784, 3))  # its own B (2) and N (3)
    assert inner.shape == (2, 3)
    return project(x, tf.zeros(784, 10))


def test_nested_calls_have_their_own_bindings() -> None:
    assert outer(tf.zeros(6, 784)).shape == (6, 10)


@tf.shapecheck
def last_axis(x: Tensor[Unpack[Bs], 784]) -> Tensor[Unpack[Bs], Literal[1]]:
    return x.sum(axis=-1, keepdims=True)


def test_variadic_batch_dims() -> None:
    assert last_axis(tf.zeros(2, 3, 784)).shape == (2, 3, 1)
    assert last_axis(tf.zeros(784)).shape == (1,)
    with pytest.raises(ShapeError, match="need size 784 at axis 2 \\(got 5\\)"):
        last_axis(tf.zeros(2, 3, 5))


@tf.shapecheck
def gradual(x: Tensor[int, Any], n: int) -> Tensor[int]:
    return x.sum(axis=1)


def test_unknown_dims_are_not_checked() -> None:
    assert gradual(tf.zeros(2, 9), 3).shape == (2,)


@tf.shapecheck
def keeps_rank(x: Tensor[int, int]) -> Tensor[int]:
    return x


def test_unknown_dims_still_check_rank() -> None:
    with pytest.raises(ShapeError, match="need rank 1 \\(got 2\\)"):
        keeps_rank(tf.zeros(2, 2))


class Scale:
    """A layer-like class whose ``__call__`` is checked."""

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 3]) -> Tensor[B, 3]:
        return x * 2.0


def test_methods_are_checked() -> None:
    assert Scale()(tf.ones(4, 3)).shape == (4, 3)
    with pytest.raises(ShapeError, match='"Scale.__call__": argument "x"'):
        Scale()(tf.ones(4, 2))


def test_keeps_name_and_doc() -> None:
    assert project.__name__ == "project"
    assert project.__wrapped__.__name__ == "project"  # type: ignore[attr-defined]
