"""The losses added for issue 14 against PyTorch where it has them (values and gradients, float64),
and their argument checks. Classes are on the LAST axis here (PyTorch: axis 1)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf
from typedflux import losses

torch = pytest.importorskip("torch")
F = torch.nn.functional
R = np.random.default_rng(11)


def _both(fn: Any, p: np.ndarray, y: np.ndarray, **kw: Any) -> tuple:
    """typedflux's value and gradient with respect to the prediction."""
    val, (g,) = tf.withgradient(lambda a: fn(a, tf.tensor(y, dtype=np.float64), **kw), tf.tensor(p, dtype=np.float64))
    return val.item(), g.numpy()


def _torch(fn: Any, p: np.ndarray) -> tuple:
    tp = torch.tensor(p, requires_grad=True)
    out = fn(tp)
    out.backward()
    return out.item(), tp.grad.numpy()


def test_poisson_loss_is_poisson_nll_on_rates() -> None:
    p, y = R.uniform(0.1, 4.0, (6, 3)), R.integers(0, 5, (6, 3)).astype(float)
    ours = _both(losses.poisson_loss, p, y)
    theirs = _torch(lambda a: F.poisson_nll_loss(a, torch.tensor(y), log_input=False, full=False, eps=0.0), p)
    np.testing.assert_allclose(ours[0], theirs[0], rtol=1e-12)
    np.testing.assert_allclose(ours[1], theirs[1], rtol=1e-12)


@pytest.mark.parametrize("alpha", [0.1, 0.35])
def test_label_smoothing_is_pytorchs_cross_entropy_argument(alpha: float) -> None:
    logits, labels = R.standard_normal((7, 5)), R.integers(0, 5, 7)
    y = np.eye(5)[labels]
    ours = _both(lambda a, t: losses.logitcrossentropy(a, losses.label_smoothing(t, alpha)), logits, y)
    theirs = _torch(lambda a: F.cross_entropy(a, torch.tensor(labels), label_smoothing=alpha), logits)
    np.testing.assert_allclose(ours[0], theirs[0], rtol=1e-12)
    np.testing.assert_allclose(ours[1], theirs[1], rtol=1e-10, atol=1e-15)


def test_focal_losses_with_gamma_0_are_the_cross_entropies() -> None:
    probs = torch.softmax(torch.tensor(R.standard_normal((6, 4))), -1).numpy()
    labels = R.integers(0, 4, 6)
    ours = _both(losses.focal_loss, probs, np.eye(4)[labels], gamma=0, eps=0.0)
    theirs = _torch(lambda a: F.nll_loss(torch.log(a), torch.tensor(labels)), probs)
    np.testing.assert_allclose(ours[0], theirs[0], rtol=1e-12)
    np.testing.assert_allclose(ours[1], theirs[1], rtol=1e-10)
    p, y = R.uniform(0.05, 0.95, (5, 3)), R.integers(0, 2, (5, 3)).astype(float)
    ours = _both(losses.binary_focal_loss, p, y, gamma=0, eps=0.0)
    theirs = _torch(lambda a: F.binary_cross_entropy(a, torch.tensor(y)), p)
    np.testing.assert_allclose(ours[0], theirs[0], rtol=1e-12)
    np.testing.assert_allclose(ours[1], theirs[1], rtol=1e-10)


def test_focal_gamma_down_weights_easy_samples_as_torch_composes_it() -> None:
    # PyTorch has no focal loss in core; its ops composed by the paper's formula.
    p, y = R.uniform(0.05, 0.95, (5, 3)), R.integers(0, 2, (5, 3)).astype(float)
    ours = _both(losses.binary_focal_loss, p, y, gamma=2.5, eps=0.0)
    ty = torch.tensor(y)

    def focal(a: Any) -> Any:
        pt = ty * a + (1 - ty) * (1 - a)
        return (-(1 - pt) ** 2.5 * torch.log(pt)).mean()

    theirs = _torch(focal, p)
    np.testing.assert_allclose(ours[0], theirs[0], rtol=1e-12)
    np.testing.assert_allclose(ours[1], theirs[1], rtol=1e-10)


def test_margin_losses_as_torch_composes_them() -> None:
    y = R.choice([-1.0, 1.0], (6, 2))
    p = y * (1 - R.choice([-0.7, -0.2, 0.3, 0.8], (6, 2)))
    ty = torch.tensor(y)
    for fn, ref in [
        (losses.hinge_loss, lambda a: torch.clamp(1 - a * ty, min=0).mean()),
        (losses.squared_hinge_loss, lambda a: (torch.clamp(1 - a * ty, min=0) ** 2).mean()),
    ]:
        ours, theirs = _both(fn, p, y), _torch(ref, p)
        np.testing.assert_allclose(ours[0], theirs[0], rtol=1e-12)
        np.testing.assert_allclose(ours[1], theirs[1], rtol=1e-12)
    d, same = R.uniform(0.1, 2.0, (8,)), R.integers(0, 2, 8).astype(float)
    ts = torch.tensor(same)
    ours = _both(losses.siamese_contrastive_loss, d, same, margin=1.5)
    theirs = _torch(lambda a: ((1 - ts) * a**2 + ts * torch.clamp(1.5 - a, min=0) ** 2).mean(), d)
    np.testing.assert_allclose(ours[0], theirs[0], rtol=1e-12)
    np.testing.assert_allclose(ours[1], theirs[1], rtol=1e-12)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: losses.focal_loss(tf.ones(2, 3), tf.ones(2, 3), gamma=-1), ValueError, "focal_loss: gamma must be >= 0, got -1"),
        (lambda: losses.binary_focal_loss(tf.ones(2), tf.ones(2), gamma="2"), TypeError, "binary_focal_loss: gamma must be a real number, got '2'"),
        (lambda: losses.siamese_contrastive_loss(tf.ones(2), tf.ones(2), margin=-0.5), ValueError, "siamese_contrastive_loss: margin must be >= 0, got -0.5"),
        (lambda: losses.tversky_loss(tf.ones(2), tf.ones(2), beta=1.5), ValueError, "tversky_loss: beta must be in [0, 1], got 1.5"),
        (lambda: losses.dice_coeff_loss(tf.ones(2), tf.ones(2), smooth=None), TypeError, "dice_coeff_loss: smooth must be a real number, got None"),
        (lambda: losses.label_smoothing(tf.ones(2, 3), 1.0), ValueError, "label_smoothing: alpha must be in [0, 1), got 1.0"),
        (lambda: losses.label_smoothing(tf.ones(2, 3), 0), ValueError, "label_smoothing: alpha must be in (0, 1), got 0.0 (0 smooths nothing)"),
        (lambda: losses.label_smoothing(tf.ones(2, 3), 0.1, binary="yes"), TypeError, "label_smoothing: binary must be True or False, got 'yes'"),
        (lambda: losses.label_smoothing(tf.tensor(1.0), 0.1), tf.ShapeError, 'Too few dimensions for "label_smoothing": target has Tensor[()]; need at least 1 dimension (0 given)'),
        (lambda: losses.hinge_loss(tf.ones(4, 1), tf.ones(4)), tf.ShapeError, 'Shapes differ for "hinge_loss": prediction has Tensor[4, 1], target has Tensor[4]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[4, 1] or squeeze the prediction'),
    ],
)
def test_bad_arguments_are_named(call: Any, error: type, message: str) -> None:
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message


def test_label_smoothing_keeps_integer_targets_float_and_the_shape() -> None:
    y = tf.tensor([[0, 1], [1, 0]])  # int64 one-hot
    s = losses.label_smoothing(y, 0.2)
    assert s.dtype == np.float32 and s.shape == (2, 2)
    np.testing.assert_allclose(s.numpy(), [[0.1, 0.9], [0.9, 0.1]], rtol=1e-6)
