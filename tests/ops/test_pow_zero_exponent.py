"""``x ** 0`` is the constant 1: its gradient is 0 everywhere, also at ``x = 0`` (where the
general formula ``y * x ** (y - 1)`` gives ``0 * inf = nan``), as in PyTorch."""

from __future__ import annotations

import numpy as np
import pytest

import typedflux as tf

BASES = np.array([0.0, -0.0, 1e-300, 0.5, 2.0, -1.5])


def _numeric(f, x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    out = np.zeros_like(x)
    for i in range(x.size):
        up, down = x.copy(), x.copy()
        up[i] += h
        down[i] -= h
        out[i] = (f(up) - f(down)) / (2 * h)
    return out


@pytest.mark.parametrize("exponent", [0, 0.0, "tensor", "array"])
def test_gradient_of_x_to_the_zero_is_zero_also_at_zero(exponent: object) -> None:
    x = tf.tensor(BASES, dtype=np.float64)
    y: object = exponent
    if exponent == "tensor":
        y = tf.tensor(0.0, dtype=np.float64)
    elif exponent == "array":
        y = tf.zeros(BASES.size, dtype=np.float64)
    (g,) = tf.gradient(lambda a: (a ** y).sum(), x)
    # Central differences of the constant function: exactly 0, the gradient check's answer.
    want = _numeric(lambda a: float(np.sum(a ** 0.0)), BASES.copy())
    np.testing.assert_array_equal(want, 0.0)
    np.testing.assert_array_equal(g.numpy(), want)


def test_mixed_exponents_keep_the_formula_elsewhere() -> None:
    x = tf.tensor([0.0, 0.0, 3.0, 2.0], dtype=np.float64)
    y = tf.tensor([0.0, 1.0, 0.0, 3.0], dtype=np.float64)
    gx, gy = tf.gradient(lambda a, b: (a ** b).sum(), x, y)
    np.testing.assert_array_equal(gx.numpy(), [0.0, 1.0, 0.0, 12.0])
    # d/dy of x ** y where x > 0 is x**y * log(x).
    np.testing.assert_allclose(gy.numpy()[2:], [np.log(3.0), 8 * np.log(2.0)])


def test_float32_stays_float32() -> None:
    (g,) = tf.gradient(lambda a: (a ** 0).sum(), tf.zeros(3))
    assert g.dtype == np.float32 and (g.numpy() == 0).all()


def test_pytorch_parity() -> None:
    torch = pytest.importorskip("torch")
    bases = np.array([0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.5, 0.25])
    exps = np.array([0.0, 1.0, 2.0, 0.5, -1.0, 0.0, 0.0, 3.0])
    tx = torch.tensor(bases, requires_grad=True)
    ty = torch.tensor(exps, requires_grad=True)
    (tx ** ty).sum().backward()
    gx, gy = tf.gradient(
        lambda a, b: (a ** b).sum(), tf.tensor(bases, dtype=np.float64), tf.tensor(exps, dtype=np.float64)
    )
    np.testing.assert_allclose(gx.numpy(), tx.grad.numpy(), rtol=1e-12, equal_nan=True)
    # The exponent's gradient agrees where x > 0 or the exponent is >= 0 (at x = 0 with a
    # negative exponent PyTorch gives -inf and typedflux 0: not part of this change).
    keep = (bases > 0) | (exps >= 0)
    np.testing.assert_allclose(gy.numpy()[keep], ty.grad.numpy()[keep], rtol=1e-12)
