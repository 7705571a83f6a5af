"""Arguments of ``tf.compile`` and ``tf.train`` a careful user writes (the attack round of the
2026-12-06 03:53 session). Before: ``tf.compile(f, fallback="no")`` was accepted (a truthy
string: fallback on); ``tf.train(..., epochs=np.int64(3))`` (a count read from an array or a
config) was refused; a callback returning numpy's ``True`` (``np.mean(losses) < 0.01``) was a
TypeError instead of stopping.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf


@pytest.mark.parametrize("bad", ["no", None, 0, 1.0, [True]])
def test_compile_refuses_a_fallback_that_is_not_a_bool(bad: Any) -> None:
    with pytest.raises(TypeError, match="tf.compile: fallback must be True or False"):
        tf.compile(lambda x: x * 2, fallback=bad)
    with pytest.raises(TypeError, match="tf.compile: fallback must be True or False"):
        tf.compile(fallback=bad)(lambda x: x * 2)


def test_compile_takes_numpy_bools_for_fallback() -> None:
    f = tf.compile(lambda x: x * float(x.sum()), fallback=np.False_)
    with pytest.raises(tf.ValueDependentError):
        f(tf.ones(2))


def _setup() -> Any:
    tf.seed(0)
    m = tf.Dense(2, 1)
    return m, tf.setup(tf.Descent(0.1), m), [(tf.ones(4, 2), tf.zeros(4, 1))] * 2


def _loss(m: Any, x: Any, y: Any) -> Any:
    return tf.losses.mse(m(x), y)


@pytest.mark.parametrize("epochs", [np.int64(3), np.int32(3), np.uint8(3)])
def test_train_takes_numpy_ints_for_epochs(epochs: Any) -> None:
    m, st, data = _setup()
    assert len(tf.train(_loss, m, data, st, epochs, progress=False)) == 6


@pytest.mark.parametrize("bad", [np.float64(2.0), np.True_, -1, np.int64(-1), "3"])
def test_train_refuses_other_epochs(bad: Any) -> None:
    m, st, data = _setup()
    with pytest.raises(ValueError, match="epochs must be a non-negative int"):
        tf.train(_loss, m, data, st, bad, progress=False)


def test_a_callback_returning_numpy_bools_stops_or_goes_on() -> None:
    m, st, data = _setup()
    stop = tf.train(_loss, m, data, st, 5, progress=False,
                    callback=lambda e, losses: np.mean(losses) < 1e9)  # np.True_ at once
    assert len(stop) == 2
    go = tf.train(_loss, m, data, st, 3, progress=False,
                  callback=lambda e, losses: np.mean(losses) < -1)  # np.False_: goes on
    assert len(go) == 6
    with pytest.raises(TypeError, match="returns True to stop"):
        tf.train(_loss, m, data, st, 2, progress=False, callback=lambda e, losses: np.float64(1))
