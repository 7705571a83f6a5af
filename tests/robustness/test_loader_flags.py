"""``DataLoader``'s flags are booleans: a string such as ``"no"`` or an array was taken for
true (or numpy refused an array's truth value deep inside ``__len__``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf


@pytest.mark.parametrize("flag", ["shuffle", "partial"])
@pytest.mark.parametrize("value", ["no", 1, None, np.array([True, False])])
def test_flags_must_be_booleans(flag: str, value: Any) -> None:
    with pytest.raises(TypeError, match=rf"^DataLoader: {flag} must be True or False, got "):
        tf.DataLoader(np.zeros((5, 2)), batchsize=2, **{flag: value})


def test_numpy_booleans_are_booleans() -> None:
    loader = tf.DataLoader(np.arange(5), batchsize=2, shuffle=np.bool_(False),
                           partial=np.bool_(False))
    assert [b.numpy().tolist() for b in loader] == [[0, 1], [2, 3]]
