"""The oracle tells clean errors from escapes; and the escapes this suite found in the
registry, the kernels and the checkpoint API stay fixed (exact messages)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf
from oracle import escape


def test_oracle_accepts_clean_errors_and_flags_escapes() -> None:
    assert escape(lambda: tf.zeros(2, 3) @ tf.zeros(2, 3)) is None  # ShapeError, raised by us
    assert escape(lambda: tf.tensor("a")) is None  # TypeError, raised by us
    assert escape(lambda: tf.zeros(2, 3, 4, 5, 6, 7, wrong=1)) is None  # Python's binding
    assert escape(lambda: np.zeros(3).reshape(7)) is not None  # numpy's own ValueError
    bad: Any = None
    found = escape(lambda: bad.data)
    assert found is not None and found.startswith("AttributeError")
    assert escape(lambda: [][1]) is not None  # IndexError


def test_reshape_and_axes_take_ints_only() -> None:
    x = tf.ones(2, 3)
    with pytest.raises(TypeError, match='^"reshape" needs ints for shape, got \\(1.5,\\)'):
        x.reshape(1.5)
    with pytest.raises(TypeError, match='^"reshape" needs ints for shape, got \\(6, 0.5\\)'):
        tf.reshape(x, (6, 0.5))
    with pytest.raises(TypeError, match='^"sum" needs an int, a tuple of ints or None for axis'):
        tf.sum(x, axis=tf.tensor(1))
    with pytest.raises(TypeError, match='^"sum" needs an int, a tuple of ints or None for axis'):
        x.sum(axis=(0, 1.5))
    with pytest.raises(TypeError, match='^"softmax" needs an int for axis, got \'a\''):
        tf.softmax(x, axis="a")
    with pytest.raises(TypeError, match='^"sum" needs True or False for keepdims'):
        tf.sum(x, axis=0, keepdims="yes")
    assert tf.sum(x, axis=np.int64(1)).shape == (2,)
    assert tf.sum(x, axis=[0, 1]).shape == ()


def test_numpy_arrays_of_strings_or_objects_are_refused_by_every_op() -> None:
    with pytest.raises(TypeError, match='^"exp" needs numbers or bools for x, got a numpy '
                                        'array of <U1'):
        tf.exp(np.array(["a"]))
    with pytest.raises(TypeError, match='^"add" needs numbers or bools for y, got a numpy '
                                        'array of object'):
        tf.ones(2) + np.array([None, 1], dtype=object)
    assert (tf.exp(np.zeros(2)).numpy() == 1).all()  # numeric arrays still work


def test_recurrent_layers_take_an_empty_batch() -> None:
    for layer in (tf.RNN(3, 4), tf.LSTM(3, 4), tf.GRU(3, 4)):
        assert layer(tf.zeros(0, 5, 3)).shape == (0, 5, 4)
