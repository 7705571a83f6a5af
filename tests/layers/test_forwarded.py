"""A connection that only forwards its inputs to one typedflux op is read from its code object
(typedflux/layers/forwarded.py): the forms it takes, the ones it leaves alone, and that the
function is never run."""

from __future__ import annotations

from typing import Any, Callable, List

import pytest

import typedflux as tf
from typedflux import cat
from typedflux.layers.forwarded import forwarded_join

CALLS: List[Any] = []


def _joined(fn: Callable[..., Any]) -> Any:
    rule = forwarded_join(fn)
    return None if rule is None else rule([(2, 3, 8), (2, 5, 8)])


def _plain_def(a: Any, b: Any) -> Any:
    return tf.cat(a, b, axis=1)


@pytest.mark.parametrize("fn, expected", [
    (lambda a, b: tf.cat(a, b, axis=1), (2, 8, 8)),
    (lambda a, b: tf.concat([a, b], axis=1), (2, 8, 8)),
    (lambda a, b: tf.concat((a, b), axis=-2), (2, 8, 8)),
    (lambda a, b: cat(a, b, axis=1), (2, 8, 8)),
])
def test_forwarding_bodies_have_the_ops_rule(fn: Callable[..., Any], expected: Any) -> None:
    assert _joined(fn) == expected
    assert fn(tf.zeros(2, 3, 8), tf.zeros(2, 5, 8)).shape == expected  # (the same, run)


def test_an_annotated_def_is_left_to_its_signature() -> None:
    assert forwarded_join(_plain_def) is None  # (its annotations are its rule: callables.py)


@pytest.mark.parametrize("fn", [
    lambda a, b: tf.cat(b, a, axis=1),  # not in order
    lambda a, b: tf.cat(a, b * 2, axis=1),  # a second operation
    lambda a, b: tf.cat(a, a, axis=1),  # a parameter twice
    lambda a, b, c=1: tf.cat(a, b, axis=c),  # a default
    lambda a, b: tf.cat(a, b, axis=len("x")),  # a keyword that is no constant
    lambda a, b: tf.concat(a, b),  # a list parameter given the inputs one by one
    lambda a, b: tf.cat([a, b]),  # a *xs op given one list
    lambda a, b: tf.cat(a, b, axis="1"),  # a keyword of another type
    lambda *xs: tf.cat(*xs, axis=1),  # *xs
    lambda a, b: print(a, b),  # no typedflux op
    lambda a, b: CALLS.append(a),  # an attribute of something that is no module
    lambda a, b: tf.relu(tf.cat(a, b, axis=1)),  # more than one call
    lambda a, b: tf.cat(a, tf.relu(b), axis=1),  # a call among the inputs
])
def test_other_bodies_are_not_read(fn: Callable[..., Any]) -> None:
    assert forwarded_join(fn) is None
    assert CALLS == []  # (never run)


def test_a_closure_is_not_read() -> None:
    import typedflux as local_tf

    assert forwarded_join(lambda a, b: local_tf.cat(a, b, axis=1)) is None


def test_a_parallel_joined_so_is_checked_where_built() -> None:
    with pytest.raises(tf.ShapeError) as info:
        tf.Chain(tf.Parallel(lambda a, b: tf.cat(a, b, axis=-1), tf.Dense(4, 8), tf.Dense(4, 8)),
                 tf.Dense(8, 2))
    assert "produces Tensor[B, 16]; change Dense(8 => 2) to Dense(16 => 2)" in info.value.message
