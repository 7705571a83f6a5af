"""``MultiHeadAttention``'s mask is a bool tensor (True = attend). A float mask was read as
"nonzero is True": PyTorch's additive ``attn_mask`` of 0 and -inf came out inverted (the
positions to keep were masked, the masked ones kept) and a NaN attended; a string failed
inside ``where`` without naming the mask.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf


@pytest.mark.parametrize("mask,got", [
    (tf.tensor(np.where(np.tril(np.ones((3, 3))) > 0, 0.0, -np.inf).astype(np.float32)),
     "a float32 Tensor"),
    (tf.tensor(np.ones((3, 3), np.int64)), "a int64 Tensor"),
    (np.full((3, 3), np.nan), "a float64 ndarray"),
    ("causal", "str"),
    ([[True, False]], "list"),
])
def test_a_mask_that_is_not_bool_is_refused(mask: Any, got: str) -> None:
    mha = tf.MultiHeadAttention(4, 2)
    with pytest.raises(TypeError, match=r"^MultiHeadAttention\(4, nheads=2\): mask must be a "
                       rf"bool tensor, True where attention is allowed .*got {got};"):
        mha(tf.randn(2, 3, 4), mask=mask)


def test_bool_masks_as_tensor_or_array_agree() -> None:
    mha = tf.MultiHeadAttention(4, 2)
    x = tf.randn(2, 3, 4)
    causal = np.tril(np.ones((3, 3), bool))
    a = mha(x, mask=tf.tensor(causal)).numpy()
    np.testing.assert_array_equal(a, mha(x, mask=causal).numpy())
    assert not np.array_equal(a, mha(x).numpy())  # the mask does something
