"""``x[key]`` with a key that cannot index: a float, string or complex item failed with
numpy's IndexError naming neither the op nor the tensor; an index tensor out of range or a
bool mask of the wrong length too. The shape rule refuses the first kind in its own words
(a ShapeError, as mypy reports it); the second kind can only be judged on the values, and
keeps numpy's explanation behind the op and the tensor's shape.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf


@pytest.mark.parametrize("key,got", [
    (1.5, "float 1.5"), ("a", "str 'a'"), ((0, 1.0), "float 1.0"),
    (np.float32(1), "float32 np.float32(1.0)"), (1j, "complex 1j"),
])
def test_an_item_that_cannot_index_is_refused_by_the_rule(key: Any, got: str) -> None:
    x = tf.ones(3, 2)
    with pytest.raises(tf.ShapeError) as info:
        x[key]
    assert str(info.value) == (
        'Invalid index for "getitem": x has Tensor[3, 2]; need ints, slices, None, ... or '
        f"integer or bool tensors as indices (got {got})")


@pytest.mark.parametrize("key,why", [
    (tf.tensor(np.array([0, 3])), "index 3 is out of bounds"),
    ([True], "boolean index did not match"),
    (tf.tensor(np.array([True, False])), "boolean index did not match"),
])
def test_an_index_tensor_out_of_range_names_the_op_and_the_tensor(key: Any, why: str) -> None:
    with pytest.raises(IndexError, match=rf'^Invalid index for "getitem": x has Tensor\[3\]; '
                       rf".*{why}"):
        tf.tensor([1.0, 2.0, 3.0])[key]


def test_valid_advanced_keys_still_index_and_differentiate() -> None:
    x = tf.tensor([1.0, 2.0, 3.0])
    np.testing.assert_array_equal(x[tf.tensor(np.array([2, 0, 2]))].numpy(), [3.0, 1.0, 3.0])
    (g,) = tf.gradient(lambda v: v[tf.tensor(np.array([2, 0, 2]))].sum(), x)
    np.testing.assert_array_equal(g.numpy(), [1.0, 0.0, 2.0])
