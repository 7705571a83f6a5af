"""GroupNorm and InstanceNorm (issue 14) against PyTorch as the oracle: same parameters copied
across, float64, outputs and the gradients of ``sum(y * u)`` (input, weight, bias); running
statistics of InstanceNorm(track_stats=True) step by step in train mode, then test mode on
them; Flux's defaults; argument checks.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf
from typedflux import ShapeError
from typedflux.shapes.layers import LayerArgumentError

torch = pytest.importorskip("torch")  # the `test` extra pins torch==2.13.0


def _x(*shape: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape) * 3 + 1


def _f64(layer: Any) -> Any:
    for name in ("weight", "bias", "running_mean", "running_var"):
        t = getattr(layer, name, None)
        if t is not None:
            t.data = t.data.astype(np.float64)
    return layer


def _check(layer: Any, module: Any, x: np.ndarray) -> None:
    rng = np.random.default_rng(9)
    if layer.weight is not None:
        layer.weight.data = rng.standard_normal(layer.weight.shape)
        layer.bias.data = rng.standard_normal(layer.bias.shape)
        with torch.no_grad():
            module.weight.copy_(torch.tensor(layer.weight.numpy()))
            module.bias.copy_(torch.tensor(layer.bias.numpy()))
    xt = tf.Tensor(x, np.float64)
    y = layer(xt)
    u = rng.standard_normal(y.shape)
    gm, gx = tf.gradient(lambda m, v: (m(v) * tf.Tensor(u, np.float64)).sum(), layer, xt)
    X = torch.tensor(x, requires_grad=True)
    Y = module(X)
    np.testing.assert_allclose(y.numpy(), Y.detach().numpy(), rtol=1e-9, atol=1e-11)
    (Y * torch.tensor(u)).sum().backward()
    np.testing.assert_allclose(gx.numpy(), X.grad.numpy(), rtol=1e-9, atol=1e-11)
    if layer.weight is not None:
        np.testing.assert_allclose(gm.weight.numpy(), module.weight.grad.numpy(), rtol=1e-9)
        np.testing.assert_allclose(gm.bias.numpy(), module.bias.grad.numpy(), rtol=1e-9)


@pytest.mark.parametrize("shape,groups", [((2, 6, 4, 3), 3), ((3, 4, 5), 2), ((2, 8), 4),
                                          ((2, 4, 2, 3, 2), 1), ((2, 5, 3, 3), 5)])
@pytest.mark.parametrize("affine", [True, False])
def test_groupnorm_matches_torch(shape: Any, groups: int, affine: bool) -> None:
    c = shape[1]
    layer = _f64(tf.GroupNorm(c, groups, affine=affine, eps=1e-4))
    module = torch.nn.GroupNorm(groups, c, eps=1e-4, affine=affine).double()  # (groups, C)
    _check(layer, module, _x(*shape))


@pytest.mark.parametrize("shape", [(2, 3, 4, 5), (3, 2, 7)])
@pytest.mark.parametrize("affine", [True, False])
def test_instancenorm_matches_torch(shape: Any, affine: bool) -> None:
    c = shape[1]
    layer = _f64(tf.InstanceNorm(c, affine=affine))
    cls = torch.nn.InstanceNorm2d if len(shape) == 4 else torch.nn.InstanceNorm1d
    module = cls(c, affine=affine).double()
    _check(layer, module, _x(*shape))


def test_instancenorm_running_statistics_match_torch() -> None:
    layer = _f64(tf.InstanceNorm(3, affine=True, track_stats=True, momentum=0.3))
    module = torch.nn.InstanceNorm2d(3, affine=True, track_running_stats=True,
                                     momentum=0.3).double()
    tf.trainmode(layer)
    module.train()
    for step in range(3):
        x = _x(4, 3, 5, 6, seed=step)
        y = layer(tf.Tensor(x, np.float64))
        Y = module(torch.tensor(x))
        np.testing.assert_allclose(y.numpy(), Y.detach().numpy(), rtol=1e-9, atol=1e-11)
        np.testing.assert_allclose(layer.running_mean.numpy(), module.running_mean.numpy(),
                                   rtol=1e-12)
        np.testing.assert_allclose(layer.running_var.numpy(), module.running_var.numpy(),
                                   rtol=1e-12)
    # Test mode normalises with the running statistics (gradients too).
    tf.testmode(layer)
    module.eval()
    _check(layer, module, _x(2, 3, 4, 4, seed=7))


def test_instancenorm_without_tracking_ignores_the_mode() -> None:
    layer = tf.InstanceNorm(2)
    x = tf.randn(2, 2, 5)
    a = tf.testmode(layer)(x).numpy()
    b = tf.trainmode(layer)(x).numpy()
    assert (a == b).all() and layer.running_mean is None


def test_flux_defaults() -> None:
    gn, inorm = tf.GroupNorm(8, 4), tf.InstanceNorm(3)
    assert gn.weight is not None and gn.bias is not None           # Flux: affine=true
    assert inorm.weight is None and inorm.running_mean is None     # affine=false, no stats
    assert (gn.weight.numpy() == 1).all() and (gn.bias.numpy() == 0).all()
    assert tf.InstanceNorm(3, affine=True).weight.shape == (3,)


def test_named_tensors_are_pytorchs() -> None:
    from typedflux.engine.tree import named_tensors

    names = [n for n, _ in named_tensors(tf.InstanceNorm(3, affine=True, track_stats=True))]
    assert names == ["weight", "bias", "running_mean", "running_var"]
    assert [n for n, _ in named_tensors(tf.GroupNorm(4, 2, affine=False))] == []


BAD = [
    ("tf.GroupNorm(6, 4)", LayerArgumentError,
     'Invalid arguments for "GroupNorm": channels = 6, groups = 4; need channels divisible by '
     "groups (6 % 4 = 2)"),
    ("tf.GroupNorm(6, 0)", LayerArgumentError,
     'Invalid argument for "GroupNorm": groups = 0; need an int >= 1'),
    ("tf.GroupNorm(6, 3, eps=0)", ValueError,
     'Invalid argument for "GroupNorm": eps = 0; need a number > 0'),
    ("tf.GroupNorm(6, 3, affine=1)", TypeError,
     'Wrong argument type for "GroupNorm": affine = 1 (an int); need True or False'),
    ("tf.InstanceNorm(3, momentum=1.5)", ValueError,
     'Invalid argument for "InstanceNorm": momentum = 1.5; need a number in [0, 1]'),
    ("tf.InstanceNorm(0)", LayerArgumentError,
     'Invalid argument for "InstanceNorm": channels = 0; need an int >= 1'),
    ("tf.InstanceNorm(3, track_stats='yes')", TypeError,
     "Wrong argument type for \"InstanceNorm\": track_stats = 'yes' (a str); need True or "
     "False"),
]


@pytest.mark.parametrize("source,exc,text", BAD, ids=[s for s, _, _ in BAD])
def test_bad_arguments_name_class_and_argument(source: str, exc: type, text: str) -> None:
    with pytest.raises(exc) as info:
        eval(source, {"tf": tf})  # noqa: S307 - our own table
    assert str(info.value) == text


def test_wrong_inputs_name_the_layer() -> None:
    with pytest.raises(ShapeError) as info:
        tf.GroupNorm(32, 8)(tf.ones(2, 16, 4, 4))
    assert str(info.value) == (
        "GroupNorm(32, 8) expects input Tensor[B, 32, ...], got Tensor[2, 16, 4, 4]; need "
        "size 32 at axis 1 (got 16)")
    with pytest.raises(ShapeError) as info:
        tf.InstanceNorm(3)(tf.ones(2, 3))
    assert str(info.value) == (
        "InstanceNorm(3) expects input Tensor[B, 3, H, ...], got Tensor[2, 3]")
