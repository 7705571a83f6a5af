"""A Python int an integer tensor cannot hold is refused in typedflux's words (numpy raised
a bare OverflowError: "Python int too large to convert to C long"); float tensors take it."""

import numpy as np
import pytest

import typedflux as tf


@pytest.mark.parametrize("make", [
    lambda i: i + 2**70, lambda i: 2**70 * i, lambda i: i - (-2**64), lambda i: tf.add(i, 2**63),
])
def test_an_int_beyond_int64_is_a_value_error_naming_it(make: object) -> None:
    i = tf.tensor(np.array([1, 2]))
    with pytest.raises(ValueError, match=r"= -?\d+, which int64 cannot hold \(its range is -9223372036854775808\.\.9223372036854775807\); use a float tensor or a smaller number$"):
        make(i)  # type: ignore[operator]


def test_ints_that_fit_and_float_tensors_are_unchanged() -> None:
    i = tf.tensor(np.array([1, 2]))
    assert (i + (2**63 - 3)).numpy().tolist() == [2**63 - 2, 2**63 - 1]
    assert (tf.tensor(np.array([True, False])) + 2).numpy().tolist() == [3, 2]
    big = tf.ones(2) + 2**70
    assert big.numpy().dtype == np.float32 and big.numpy()[0] == np.float32(2.0**70)
