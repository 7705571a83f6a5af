"""Two boundary decisions made consistent.

- ``tf.gradient(f, np.ones(3))``: an array or a number is a constant to ``gradient``, so
  nothing was differentiated and ``f`` returned a numpy float; the error blamed ``f`` ("needs
  f to return a scalar Tensor"). Now it names the argument and the fix.
  A constant next to a tensor is still fine (its gradient is ``None``).
- ``typedflux.torch.from_torch`` copied int64 or float64 weights into a float32 model
  (``same_kind``), where ``tf.load`` refuses every lossy conversion: now both convert only
  without loss, and a refused copy changes nothing.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf


@pytest.mark.parametrize("arg, kind, why", [
    (np.ones(3), "numpy.ndarray", "tf.gradient needs f to return a scalar Tensor[()] (a loss), "
                                  "got ndarray"),
    (np.float32(2.0), "numpy.float32", "tf.gradient needs f to return a scalar Tensor[()]"),
    (3.0, "float", "got float"),
])
def test_gradient_of_a_constant_names_the_argument(arg: Any, kind: str, why: str) -> None:
    with pytest.raises(TypeError) as info:
        tf.gradient(lambda a: a * a, arg)
    text = str(info.value)
    assert text.startswith(f"tf.gradient differentiates tensors; argument 0 is a {kind}, a "
                           "constant to it, so nothing was differentiated and f returned no "
                           "Tensor (")
    assert why in text and text.endswith("); pass tf.tensor(...) for it")


def test_constants_next_to_tensors_and_errors_in_f_are_unchanged() -> None:
    g = tf.gradient(lambda w, x: (w * x).sum(), tf.tensor([1.0, 2.0]), np.array([3.0, 4.0]))
    assert g[0].numpy().tolist() == [3.0, 4.0] and g[1] is None
    # An error f raises itself is passed on as it is (it names the value).
    with pytest.raises(AttributeError, match="'float' object has no attribute 'sum'"):
        tf.gradient(lambda a: a.sum(), 3.0)
    with pytest.raises(ValueError, match="^tf.gradient needs f to return a scalar"):
        tf.gradient(lambda w: w * 2.0, tf.tensor([1.0, 2.0]))


def test_from_torch_converts_only_without_loss_like_load(tmp_path: Any) -> None:
    torch = pytest.importorskip("torch")
    tt = pytest.importorskip("typedflux.torch")
    model = tf.Dense(3, 2)
    before = model.weight.numpy().copy()
    for dtype in (torch.int64, torch.float64, torch.int32):
        with pytest.raises(ValueError) as info:
            tt.from_torch({"weight": torch.ones(2, 3, dtype=dtype), "bias": torch.ones(2)},
                          into=model)
        assert (f"dtype differs: weight is float32 in the model, {str(dtype)[6:]} in the source "
                "(only lossless conversions are made, as by tf.load; convert the source first, "
                "e.g. module.to(torch.float32))") in str(info.value)
        np.testing.assert_array_equal(model.weight.numpy(), before)
    # tf.load says the same of the same file contents.
    path = str(tmp_path / "w.npz")
    np.savez(path, weight=np.ones((2, 3)), bias=np.ones(2))
    with pytest.raises(ValueError, match="dtype differs: weight is float32 in the model, float64 "
                                         "in the file"):
        tf.load(model, path)
    # Lossless ones still load: float16 and bfloat16 into float32.
    for dtype in (torch.float16, torch.bfloat16):
        tt.from_torch({"weight": torch.full((2, 3), 0.5, dtype=dtype), "bias": torch.ones(2)},
                      into=model)
        assert model.weight.numpy().tolist() == [[0.5] * 3] * 2
