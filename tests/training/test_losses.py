"""Losses: values against numpy formulas, float64 gradient checks, shape errors, stability."""

from __future__ import annotations

from typing import Any, Callable, Dict

import numpy as np
import pytest

import typedflux as tf
from typedflux import losses

R = np.random.default_rng(1)
N, C = 5, 4


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _data(name: str) -> tuple:
    """A float64 (prediction, target) pair valid for the loss ``name``."""
    if name in ("crossentropy", "kldivergence"):
        yhat = _softmax(R.standard_normal((N, C)))
        y = _softmax(R.standard_normal((N, C))) if name == "kldivergence" else np.eye(C)[R.integers(0, C, N)]
        return yhat, y
    if name == "logitcrossentropy":
        return R.standard_normal((N, C)) * 2, np.eye(C)[R.integers(0, C, N)]
    if name == "binarycrossentropy":
        return R.uniform(0.05, 0.95, (N, 3)), R.integers(0, 2, (N, 3)).astype(float)
    if name == "logitbinarycrossentropy":
        return R.standard_normal((N, 3)) * 3, R.uniform(0, 1, (N, 3))
    if name == "focal_loss":
        return _softmax(R.standard_normal((N, C))), np.eye(C)[R.integers(0, C, N)]
    if name == "binary_focal_loss":
        return R.uniform(0.05, 0.95, (N, 3)), R.integers(0, 2, (N, 3)).astype(float)
    if name in ("hinge_loss", "squared_hinge_loss"):
        # Margins 1 - yhat*y away from the kink at 0, on both sides.
        y = R.choice([-1.0, 1.0], (N, 3))
        return y * (1 - R.choice([-0.7, -0.3, 0.4, 0.9], (N, 3))), y
    if name == "poisson_loss":
        return R.uniform(0.2, 3.0, (N, 3)), R.integers(0, 4, (N, 3)).astype(float)
    if name == "siamese_contrastive_loss":
        # Distances away from margin 1; labels 0 (similar) or 1 (dissimilar).
        return R.choice([0.2, 0.6, 1.4, 2.0], (N, 3)) + R.uniform(0, 0.05, (N, 3)), R.integers(0, 2, (N, 3)).astype(float)
    if name in ("dice_coeff_loss", "tversky_loss"):
        return R.uniform(0.0, 1.0, (N, 3)), R.integers(0, 2, (N, 3)).astype(float)
    if name == "huber_loss":
        # Errors on both sides of delta=1 (away from the kink, for finite differences).
        y = R.standard_normal((N, 3))
        return y + R.choice([-2.5, -0.4, 0.3, 1.7], (N, 3)), y
    return R.standard_normal((N, 3)), R.standard_normal((N, 3))


def _xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.where(x == 0, 0.0, x * np.log(np.where(x == 0, 1.0, y)))


# Flux's definitions (classes on the last axis here), elementwise before aggregation.
EPS64 = np.finfo(np.float64).eps
REFERENCE: Dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "mse": lambda p, y: (p - y) ** 2,
    "mae": lambda p, y: np.abs(p - y),
    "huber_loss": lambda p, y: np.where(
        np.abs(p - y) < 1.0, 0.5 * (p - y) ** 2, 1.0 * (np.abs(p - y) - 0.5)
    ),
    "crossentropy": lambda p, y: -np.sum(_xlogy(y, p + EPS64), axis=-1),
    "logitcrossentropy": lambda p, y: -np.sum(
        y * (p - p.max(-1, keepdims=True) - np.log(np.exp(p - p.max(-1, keepdims=True)).sum(-1, keepdims=True))),
        axis=-1,
    ),
    "binarycrossentropy": lambda p, y: -_xlogy(y, p + EPS64) - _xlogy(1 - y, 1 - p + EPS64),
    "logitbinarycrossentropy": lambda p, y: (1 - y) * p + np.log1p(np.exp(-p)),
    "kldivergence": lambda p, y: np.sum(_xlogy(y, y), axis=-1) - np.sum(_xlogy(y, p + EPS64), axis=-1),
    "focal_loss": lambda p, y: np.sum(-y * (1 - (p + EPS64)) ** 2 * np.log(p + EPS64), axis=-1),
    "binary_focal_loss": lambda p, y: (lambda pt: -((1 - pt) ** 2) * np.log(pt))(
        y * (p + EPS64) + (1 - y) * (1 - p - EPS64)
    ),
    "hinge_loss": lambda p, y: np.maximum(0, 1 - p * y),
    "squared_hinge_loss": lambda p, y: np.maximum(0, 1 - p * y) ** 2,
    "poisson_loss": lambda p, y: p - _xlogy(y, p),
    "siamese_contrastive_loss": lambda p, y: (1 - y) * p**2 + y * np.maximum(0, 1 - p) ** 2,
}
NAMES = sorted(REFERENCE)

# Flux's two losses without agg: one ratio of sums over everything.
WHOLE: Dict[str, Callable[[np.ndarray, np.ndarray], float]] = {
    "dice_coeff_loss": lambda p, y: 1 - (2 * np.sum(p * y) + 1) / (np.sum(y**2) + np.sum(p**2) + 1),
    "tversky_loss": lambda p, y: 1 - (np.sum(y * p) + 1) / (
        np.sum(y * p) + 0.3 * np.sum((1 - y) * p) + 0.7 * np.sum(y * (1 - p)) + 1
    ),
}


def _t(a: np.ndarray) -> Any:
    return tf.tensor(a, dtype=np.float64)


@pytest.mark.parametrize("name", NAMES)
def test_value_matches_numpy_formula(name: str) -> None:
    p, y = _data(name)
    fn = getattr(losses, name)
    want = REFERENCE[name](p, y)
    got_mean = fn(_t(p), _t(y))
    got_sum = fn(_t(p), _t(y), agg=tf.sum)
    assert got_mean.shape == () and got_sum.shape == ()
    assert got_mean.dtype == np.float64
    np.testing.assert_allclose(got_mean.item(), want.mean(), rtol=1e-12)
    np.testing.assert_allclose(got_sum.item(), want.sum(), rtol=1e-12)
    # An agg that keeps the unreduced losses gives the per-element (or per-row) values.
    kept = fn(_t(p), _t(y), agg=lambda l: l)
    np.testing.assert_allclose(kept.numpy(), want, rtol=1e-10, atol=1e-14)


def _numeric_grad(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        g[i] = (up - down) / (2 * h)
    return g


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_whole_array_losses_value_and_gradient(name: str) -> None:
    p, y = _data(name)
    fn = getattr(losses, name)
    got = fn(_t(p), _t(y))
    assert got.shape == () and got.dtype == np.float64
    np.testing.assert_allclose(got.item(), WHOLE[name](p, y), rtol=1e-12)
    gp, gy = tf.gradient(fn, _t(p), _t(y))
    np.testing.assert_allclose(gp.numpy(), _numeric_grad(lambda a: fn(_t(a), _t(y)).item(), p.copy()), rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(gy.numpy(), _numeric_grad(lambda b: fn(_t(p), _t(b)).item(), y.copy()), rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("agg", ["mean", "sum"])
@pytest.mark.parametrize("name", NAMES)
def test_gradient_matches_finite_differences(name: str, agg: str) -> None:
    p, y = _data(name)
    fn = getattr(losses, name)
    reduce = tf.mean if agg == "mean" else tf.sum
    gp, gy = tf.gradient(lambda a, b: fn(a, b, agg=reduce), _t(p), _t(y))
    assert gp.dtype == np.float64
    num_p = _numeric_grad(lambda a: fn(_t(a), _t(y), agg=reduce).item(), p.copy())
    np.testing.assert_allclose(gp.numpy(), num_p, rtol=1e-5, atol=1e-7)
    if name not in ("crossentropy", "binarycrossentropy", "focal_loss", "binary_focal_loss"):
        # (targets of 0/1 sit on log's edge)
        num_y = _numeric_grad(lambda b: fn(_t(p), _t(b), agg=reduce).item(), y.copy())
        np.testing.assert_allclose(gy.numpy(), num_y, rtol=1e-5, atol=1e-7)


def test_fused_logitcrossentropy_equals_composed() -> None:
    p, y = _data("logitcrossentropy")
    fused = losses.logitcrossentropy(_t(p), _t(y))
    composed = losses.logitcrossentropy(_t(p), _t(y), agg=lambda l: l.mean())
    np.testing.assert_allclose(fused.item(), composed.item(), rtol=1e-12)
    (g1,) = tf.gradient(lambda a: losses.logitcrossentropy(a, _t(y)), _t(p))
    (g2,) = tf.gradient(lambda a: losses.logitcrossentropy(a, _t(y), agg=lambda l: l.mean()), _t(p))
    np.testing.assert_allclose(g1.numpy(), g2.numpy(), rtol=1e-10, atol=1e-14)


def test_logit_losses_are_stable_for_huge_logits() -> None:
    logits = tf.tensor([[1e4, -1e4, 0.0], [-3e4, 3e4, 5.0]])
    y = tf.onehot([1, 1], 3)
    val, (g,) = tf.withgradient(lambda a: losses.logitcrossentropy(a, y), logits)
    assert np.isfinite(val.item()) and np.isfinite(g.numpy()).all()
    np.testing.assert_allclose(val.item(), 1e4, rtol=1e-6)  # row 1 costs 2e4, row 2 nothing
    x = tf.tensor([1e4, -1e4, 200.0])
    val, (g,) = tf.withgradient(lambda a: losses.logitbinarycrossentropy(a, tf.tensor([0.0, 1.0, 1.0])), x)
    np.testing.assert_allclose(val.item(), 2e4 / 3, rtol=1e-6)
    assert np.isfinite(g.numpy()).all()


def test_crossentropy_of_zero_probability_is_finite() -> None:
    val = losses.crossentropy(tf.tensor([[0.0, 1.0]]), tf.tensor([[1.0, 0.0]]))
    assert np.isfinite(val.item()) and val.item() > 10  # -log(eps(float32)) ~ 15.9


def test_float32_stays_float32() -> None:
    for name in NAMES + sorted(WHOLE):
        p, y = _data(name)
        out, (g,) = tf.withgradient(lambda a: getattr(losses, name)(a, tf.tensor(y)), tf.tensor(p))
        assert out.dtype == np.float32 and g.dtype == np.float32, name


@pytest.mark.parametrize("name", NAMES + sorted(WHOLE))
def test_no_broadcasting_between_prediction_and_target(name: str) -> None:
    with pytest.raises(tf.ShapeError) as info:
        getattr(losses, name)(tf.ones(8, 1) * 0.5, tf.ones(8) * 0.5)
    assert str(info.value) == (
        f'Shapes differ for "{name}": prediction has Tensor[8, 1], target has Tensor[8]; need '
        "identical shapes (no broadcasting in losses); hint: reshape the target to "
        "Tensor[8, 1] or squeeze the prediction"
    )


def test_numpy_and_list_operands() -> None:
    a = losses.mse(np.array([1.0, 2.0]), [1.0, 4.0])
    assert a.item() == 2.0
    assert losses.mae(tf.tensor([1.0, 2.0]), np.array([0.0, 0.0])).item() == 1.5


def test_kldivergence_is_zero_on_equal_distributions_and_handles_zero_targets() -> None:
    y = tf.tensor([[0.0, 0.25, 0.75]], dtype=np.float64)
    assert abs(losses.kldivergence(y, y).item()) < 1e-12
    assert losses.kldivergence(tf.tensor([[0.2, 0.3, 0.5]], dtype=np.float64), y).item() > 0


def test_huber_delta() -> None:
    e = tf.tensor([3.0])
    assert losses.huber_loss(e, tf.zeros(1), delta=2.0).item() == pytest.approx(2.0 * (3.0 - 1.0))
    assert losses.huber_loss(e, tf.zeros(1), delta=4.0).item() == pytest.approx(4.5)


def test_logitcrossentropy_needs_a_class_axis() -> None:
    with pytest.raises(tf.ShapeError, match='Too few dimensions for "logitcrossentropy": prediction has'):
        losses.logitcrossentropy(tf.tensor(1.0), tf.tensor(1.0))


@pytest.mark.parametrize("name", NAMES + sorted(WHOLE) + ["label_smoothing"])
def test_signature_matches_spec(name: str) -> None:
    import inspect

    from typedflux.shapes.catalog import SPECS

    params = list(inspect.signature(getattr(losses, name)).parameters)
    assert params == [a.name for a in SPECS[name].args]


def test_composed_logitcrossentropy_checks_shapes_too() -> None:
    with pytest.raises(tf.ShapeError, match='Shapes differ for "logitcrossentropy"'):
        losses.logitcrossentropy(tf.zeros(4, 3), tf.zeros(4, 2), agg=lambda l: l.max())
