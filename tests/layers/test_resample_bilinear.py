"""Upsample, PixelShuffle and Bilinear (issue 14) against PyTorch as the oracle (float64:
outputs and the gradients of ``sum(y * u)`` for a random ``u``, parameters copied across),
then Flux's conventions and the argument and input checks.
"""

from __future__ import annotations

from typing import Any, Callable, List

import numpy as np
import pytest

import typedflux as tf
from typedflux import ShapeError
from typedflux.shapes.layers import LayerArgumentError

torch = pytest.importorskip("torch")  # the `test` extra pins torch==2.13.0
F = torch.nn.functional


def _x(*shape: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


def _compare(f: Callable[..., Any], g: Callable[..., Any], xs: List[np.ndarray],
             params: Any = None) -> None:
    """``f`` (typedflux, on tensors) against ``g`` (torch) in value and input gradients."""
    rng = np.random.default_rng(3)
    ts = [tf.Tensor(x, np.float64) for x in xs]
    y = f(*ts)
    u = rng.standard_normal(y.shape)
    grads = tf.gradient(lambda *a: (f(*a) * tf.Tensor(u, np.float64)).sum(), *ts)
    Ts = [torch.tensor(x, requires_grad=True) for x in xs]
    Y = g(*Ts)
    assert tuple(Y.shape) == y.shape
    np.testing.assert_allclose(y.numpy(), Y.detach().numpy(), rtol=1e-10, atol=1e-12)
    (Y * torch.tensor(u)).sum().backward()
    for gt, T in zip(grads, Ts):
        np.testing.assert_allclose(gt.numpy(), T.grad.numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("scale", [2, (1, 3), (3, 2)])
def test_nearest_by_scale_matches_torch(scale: Any) -> None:
    s = scale if isinstance(scale, tuple) else (scale, scale)
    _compare(tf.Upsample(scale),
             lambda X: F.interpolate(X, scale_factor=s, mode="nearest"), [_x(2, 3, 4, 5)])


def test_nearest_by_size_matches_torch() -> None:
    _compare(tf.Upsample(size=(8, 15)),
             lambda X: F.interpolate(X, size=(8, 15), mode="nearest"), [_x(2, 3, 4, 5)])


@pytest.mark.parametrize("align", [True, False])
@pytest.mark.parametrize("kw", [{"scale": 2}, {"scale": (3, 1)}, {"size": (7, 3)},
                                {"size": (2, 9)}, {"size": (1, 1)}])
def test_bilinear_matches_torch(align: bool, kw: Any) -> None:
    layer = tf.Upsample(mode="bilinear", align_corners=align, **kw)
    x = _x(2, 3, 4, 5)
    if "scale" in kw:
        s = kw["scale"] if isinstance(kw["scale"], tuple) else (kw["scale"],) * 2
        size = (4 * s[0], 5 * s[1])
    else:
        size = kw["size"]
    _compare(layer, lambda X: F.interpolate(X, size=size, mode="bilinear",
                                            align_corners=align), [x])


@pytest.mark.parametrize("r", [1, 2, 3])
def test_pixel_shuffle_matches_torch(r: int) -> None:
    _compare(tf.PixelShuffle(r), lambda X: F.pixel_shuffle(X, r), [_x(2, 2 * r * r, 3, 4)])


def _bilinear_pair(in1: int, in2: int, out: int, bias: bool = True) -> Any:
    layer = tf.Bilinear(in1, in2, out, bias=bias)
    layer.weight.data = _x(out, in1, in2, seed=7)
    if bias:
        layer.bias.data = _x(out, seed=8)
    module = torch.nn.Bilinear(in1, in2, out, bias=bias).double()
    with torch.no_grad():
        module.weight.copy_(torch.tensor(layer.weight.numpy()))
        if bias:
            module.bias.copy_(torch.tensor(layer.bias.numpy()))
    return layer, module


@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("lead", [(6,), (2, 3), ()])
def test_bilinear_layer_matches_torch(bias: bool, lead: Any) -> None:
    layer, module = _bilinear_pair(5, 3, 4, bias)
    _compare(lambda a, b: layer(a, b), module, [_x(*lead, 5), _x(*lead, 3, seed=1)])
    # The weight gradient too.
    x, y = tf.Tensor(_x(*lead, 5), np.float64), tf.Tensor(_x(*lead, 3, seed=1), np.float64)
    (g,) = tf.gradient(lambda m: m(x, y).sum(), layer)
    X, Y = torch.tensor(x.numpy()), torch.tensor(y.numpy())
    module.zero_grad()
    module(X, Y).sum().backward()
    np.testing.assert_allclose(g.weight.numpy(), module.weight.grad.numpy(), rtol=1e-10)
    if bias:
        np.testing.assert_allclose(g.bias.numpy(), module.bias.grad.numpy(), rtol=1e-10)


def test_bilinear_one_input_and_tuple_forms() -> None:
    layer, module = _bilinear_pair(4, 4, 3)
    _compare(layer, lambda X: module(X, X), [_x(5, 4)])
    x, y = tf.Tensor(_x(5, 4), np.float64), tf.Tensor(_x(5, 4, seed=2), np.float64)
    np.testing.assert_array_equal(layer((x, y)).numpy(), layer(x, y).numpy())


def test_bilinear_as_a_skip_connection_recombinator() -> None:
    # Flux's docstring example: the skip input arrives as the second input.
    sc = tf.SkipConnection(tf.Chain(tf.Dense(5, 20, tf.tanh), tf.Dense(20, 9, tf.tanh)),
                           tf.Bilinear(9, 5, 3, bias=False))
    assert sc(tf.randn(32, 5)).shape == (32, 3)


def test_upsample_dtypes() -> None:
    # Float input keeps its dtype; nearest copies integers exactly (NNlib's), bilinear
    # interpolates them in float32 (Flux's rule for layers without parameters).
    assert tf.Upsample(2)(tf.Tensor(np.ones((1, 1, 2, 2)), np.float64)).dtype == np.float64
    ints = tf.tensor(np.arange(4).reshape(1, 1, 2, 2))
    y = tf.Upsample(2)(ints)
    assert y.dtype == np.int64 and y.numpy()[0, 0, 3, 3] == 3
    z = tf.Upsample(mode="bilinear", size=(3, 3))(ints)
    assert z.dtype == np.float32 and z.numpy()[0, 0, 1, 1] == 1.5


BAD = [
    ("tf.Upsample()", LayerArgumentError,
     'Invalid arguments for "Upsample": scale = None, size = None; need exactly one of scale '
     "and size"),
    ("tf.Upsample(2, size=(4, 4))", LayerArgumentError,
     'Invalid arguments for "Upsample": scale = 2, size = 4; need exactly one of scale and size'),
    ("tf.Upsample(0)", LayerArgumentError,
     'Invalid argument for "Upsample": scale = 0; need an int >= 1 or a pair of them'),
    ("tf.Upsample(1.5)", TypeError,
     'Wrong argument type for "Upsample": scale = 1.5 (a float); need an int or a pair of ints'),
    ("tf.Upsample(2, mode='trilinear')", ValueError,
     'Invalid argument for "Upsample": mode = \'trilinear\'; need one of "nearest", "bilinear"'),
    ("tf.PixelShuffle(0)", LayerArgumentError,
     'Invalid argument for "PixelShuffle": r = 0; need an int >= 1'),
    ("tf.Bilinear(4, -3, 2)", LayerArgumentError,
     'Invalid argument for "Bilinear": in2 = -3; need an int >= 1'),
]


@pytest.mark.parametrize("source,exc,text", BAD, ids=[s for s, _, _ in BAD])
def test_bad_arguments_name_class_and_argument(source: str, exc: type, text: str) -> None:
    with pytest.raises(exc) as info:
        eval(source, {"tf": tf})  # noqa: S307 - our own table
    assert str(info.value) == text


BAD_INPUTS = [
    (lambda: tf.Upsample(size=(9, 9))(tf.ones(1, 2, 4, 3)),
     'Cannot fit the input of "Upsample(size=(9, 9))": x has Tensor[1, 2, 4, 3]; need the '
     'output size at axis 2 a multiple of the input size for "nearest" (9 % 4 = 1)'),
    (lambda: tf.Upsample(2)(tf.ones(2, 3, 4)),
     "Upsample(scale=2) expects input Tensor[B, C, H, W], got Tensor[2, 3, 4]; need rank 4 "
     "(got 3)"),
    (lambda: tf.PixelShuffle(3)(tf.ones(1, 12, 2, 2)),
     'Cannot fit the input of "PixelShuffle(3)": x has Tensor[1, 12, 2, 2]; need the size at '
     "axis 1 divisible by r^2 = 9 (12 % 9 = 3)"),
    (lambda: tf.Bilinear(5, 3, 2)(tf.ones(4, 5), tf.ones(3, 3)),
     'Sizes differ for "Bilinear((5, 3) => 2)": x has Tensor[4, 5], y has Tensor[3, 3]; need '
     "the same leading dims ((4) vs (3))"),
    (lambda: tf.Bilinear(5, 3, 2)(tf.ones(4, 5)),
     "Bilinear((5, 3) => 2) called with one input x uses it as y too: expects input "
     "Tensor[..., 3], got Tensor[4, 5]; need in1 == in2 (5 vs 3)"),
]


@pytest.mark.parametrize("call,text", BAD_INPUTS, ids=[t[:40] for _, t in BAD_INPUTS])
def test_bad_inputs_name_the_layer(call: Callable[[], Any], text: str) -> None:
    with pytest.raises(ShapeError) as info:
        call()
    assert str(info.value) == text
