"""Conv/ConvTranspose options (issue 14): ``groups``, ``pad="same"``, per-side padding and
``outpad``, against PyTorch as the oracle (same parameters copied across, float64, outputs and
the gradients of ``sum(y * u)`` for a random ``u`` with respect to the input, weight and
bias), plus the shape rules against the forward and the argument checks.

PyTorch has no per-side padding in its conv modules: the oracle pads with ``F.pad`` (last
axis first) and convolves with ``padding=0``, which is what Flux's 4-tuple means. Flux's
``SamePad()`` puts an odd total before (top/left); PyTorch's ``padding="same"`` after.
"""

from __future__ import annotations

from typing import Any, Tuple

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf
from typedflux import ShapeError
from typedflux.shapes.layers import LayerArgumentError

torch = pytest.importorskip("torch")  # the `test` extra pins torch==2.13.0
F = torch.nn.functional


def _f64(layer: Any) -> Any:
    for name in ("weight", "bias"):
        t = getattr(layer, name)
        if t is not None:
            t.data = t.data.astype(np.float64)
    return layer


def _torch_params(layer: Any) -> Tuple[Any, Any]:
    w = torch.tensor(layer.weight.numpy(), requires_grad=True)
    b = None if layer.bias is None else torch.tensor(layer.bias.numpy(), requires_grad=True)
    return w, b


def _compare(layer: Any, x: np.ndarray, torch_forward: Any) -> None:
    """typedflux's layer against ``torch_forward(X, W, B)``: values and all gradients."""
    rng = np.random.default_rng(5)
    xt = tf.Tensor(x, np.float64)
    y = layer(xt)
    u = rng.standard_normal(y.shape)
    gm, gx = tf.gradient(lambda m, v: (m(v) * tf.Tensor(u, np.float64)).sum(), layer, xt)
    X = torch.tensor(x, requires_grad=True)
    W, B = _torch_params(layer)
    Y = torch_forward(X, W, B)
    assert tuple(Y.shape) == y.shape
    np.testing.assert_allclose(y.numpy(), Y.detach().numpy(), rtol=1e-10, atol=1e-12)
    (Y * torch.tensor(u)).sum().backward()
    np.testing.assert_allclose(gx.numpy(), X.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(gm.weight.numpy(), W.grad.numpy(), rtol=1e-10, atol=1e-12)
    if B is not None:
        np.testing.assert_allclose(gm.bias.numpy(), B.grad.numpy(), rtol=1e-10, atol=1e-12)


def _x(*shape: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


def _torch_pad(pads: Tuple[int, int, int, int]) -> Tuple[int, int, int, int]:
    t, b, left, r = pads
    return (left, r, t, b)  # F.pad lists the last axis first


CONV_CASES = [
    # (kernel, in, out, stride, pad as given, resolved (top, bottom, left, right), dilation, groups)
    ((3, 3), 4, 6, (1, 1), 1, (1, 1, 1, 1), (1, 1), 2),
    ((3, 3), 4, 4, (2, 2), 1, (1, 1, 1, 1), (1, 1), 4),          # depthwise, strided
    ((3, 3), 4, 8, (1, 1), 0, (0, 0, 0, 0), (1, 1), 4),          # channel multiplier 2
    ((2, 2), 3, 6, (1, 1), "same", (1, 0, 1, 0), (1, 1), 3),     # even kernel: extra before
    ((3, 2), 2, 4, (2, 1), "same", (1, 1, 1, 0), (1, 1), 1),
    ((3, 3), 2, 3, (1, 1), "same", (2, 2, 2, 2), (2, 2), 1),     # dilated
    ((3, 3), 2, 3, (2, 2), (2, 0, 1, 0), (2, 0, 1, 0), (1, 2), 1),
    ((1, 1), 6, 4, (1, 1), (1, 2), (1, 1, 2, 2), (1, 1), 2),
]


@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("k,cin,cout,s,pad,pads,d,g", CONV_CASES)
def test_conv_matches_torch(k: Any, cin: int, cout: int, s: Any, pad: Any, pads: Any, d: Any,
                            g: int, bias: bool) -> None:
    tf.seed(1)
    layer = _f64(tf.Conv(k, cin, cout, tf.tanh, stride=s, pad=pad, dilation=d, bias=bias,
                         groups=g))
    assert layer.window.pads == pads
    assert layer.weight.shape == (cout, cin // g) + tuple(k)
    if layer.bias is not None:
        layer.bias.data = _x(cout, seed=3)

    def forward(X: Any, W: Any, B: Any) -> Any:
        return torch.tanh(F.conv2d(F.pad(X, _torch_pad(pads)), W, B, stride=s, dilation=d,
                                   groups=g))

    _compare(layer, _x(2, cin, 7, 6), forward)


def test_same_padding_of_an_odd_kernel_is_pytorchs_same() -> None:
    # Where PyTorch's padding="same" exists (stride 1), an odd kernel pads alike.
    tf.seed(2)
    layer = _f64(tf.Conv((3, 5), 2, 3, pad="same", dilation=(2, 1)))

    def forward(X: Any, W: Any, B: Any) -> Any:
        return F.conv2d(X, W, B, padding="same", dilation=(2, 1))

    _compare(layer, _x(2, 2, 6, 7), forward)


TRANSPOSE_CASES = [
    # (kernel, in, out, stride, pad, dilation, groups, outpad)
    ((3, 3), 4, 6, (2, 2), 1, (1, 1), 2, 1),
    ((4, 4), 4, 4, (2, 2), 1, (1, 1), 4, 0),
    ((3, 2), 2, 3, (3, 2), (1, 0), (1, 2), 1, (2, 1)),
    ((3, 3), 6, 2, (1, 1), 0, (2, 2), 2, (1, 1)),                # outpad < dilation
]


@pytest.mark.parametrize("k,cin,cout,s,pad,d,g,op", TRANSPOSE_CASES)
def test_conv_transpose_matches_torch(k: Any, cin: int, cout: int, s: Any, pad: Any, d: Any,
                                      g: int, op: Any) -> None:
    tf.seed(3)
    layer = _f64(tf.ConvTranspose(k, cin, cout, stride=s, pad=pad, dilation=d, groups=g,
                                  outpad=op))
    assert layer.weight.shape == (cin, cout // g) + tuple(k)
    layer.bias.data = _x(cout, seed=4)

    def forward(X: Any, W: Any, B: Any) -> Any:
        return F.conv_transpose2d(X, W, B, stride=s, padding=pad, output_padding=op,
                                  groups=g, dilation=d)

    _compare(layer, _x(2, cin, 3, 4), forward)


@pytest.mark.parametrize("k,s,pads,op", [
    ((2, 2), (2, 2), (1, 0, 0, 1), (0, 0)),
    ((3, 3), (2, 2), (1, 0, 2, 0), (1, 1)),     # outpad past the bottom padding: bias only
    ((4, 3), (2, 3), "same", (0, 0)),
])
def test_conv_transpose_per_side_padding_matches_torch(k: Any, s: Any, pads: Any,
                                                       op: Any) -> None:
    tf.seed(4)
    layer = _f64(tf.ConvTranspose(k, 4, 2, stride=s, pad=pads, groups=2, outpad=op))
    layer.bias.data = _x(2, seed=5)
    t, b, left, r = layer.window.pads

    def forward(X: Any, W: Any, B: Any) -> Any:
        # The full transposed conv, then Flux's cut: t/b/l/r off each side, outpad more rows
        # and columns after (zeros where the full result ends), then the bias.
        full = F.conv_transpose2d(X, W, None, stride=s, groups=2)
        h, w = full.shape[2] - t - b + op[0], full.shape[3] - left - r + op[1]
        grown = F.pad(full, (0, max(0, left + w - full.shape[3]), 0,
                             max(0, t + h - full.shape[2])))
        return grown[:, :, t : t + h, left : left + w] + B.reshape(1, -1, 1, 1)

    _compare(layer, _x(2, 4, 3, 4), forward)


@settings(max_examples=40, deadline=None)
@given(h=st.integers(1, 9), w=st.integers(1, 9), k=st.tuples(st.integers(1, 4), st.integers(1, 4)),
       s=st.tuples(st.integers(1, 3), st.integers(1, 3)),
       d=st.tuples(st.integers(1, 2), st.integers(1, 2)))
def test_same_padding_gives_ceil_of_input_over_stride(h: int, w: int, k: Any, s: Any,
                                                      d: Any) -> None:
    conv = tf.Conv(k, 1, 1, stride=s, pad="same", dilation=d)
    x = tf.ones(1, 1, h, w)
    assert conv(x).shape == tf.outputsize(conv, x.shape) == (1, 1, -(-h // s[0]), -(-w // s[1]))
    if k[0] >= s[0] and k[1] >= s[1]:
        up = tf.ConvTranspose(k, 1, 1, stride=s, pad="same")
        assert up(x).shape == tf.outputsize(up, x.shape) == (1, 1, h * s[0], w * s[1])


@settings(max_examples=40, deadline=None)
@given(h=st.integers(1, 8), w=st.integers(1, 8),
       pads=st.tuples(*[st.integers(0, 3)] * 4), k=st.integers(1, 3), s=st.integers(1, 3),
       g=st.sampled_from([1, 2]), op=st.integers(0, 2))
def test_rules_match_the_forward(h: int, w: int, pads: Any, k: int, s: int, g: int,
                                 op: int) -> None:
    conv = tf.Conv(k, 2, 4, stride=s, pad=pads, groups=g)
    shape = (1, 2, h, w)
    try:
        expected = tf.outputsize(conv, shape)
    except ShapeError:
        assert h + pads[0] + pads[1] < k or w + pads[2] + pads[3] < k
    else:
        assert conv(tf.ones(*shape)).shape == expected
    if op >= s:
        with pytest.raises(LayerArgumentError, match=r"need outpad < max\(stride, dilation\)"):
            tf.ConvTranspose(k, 2, 4, stride=s, pad=pads, groups=g, outpad=op)
        return
    up = tf.ConvTranspose(k, 2, 4, stride=s, pad=pads, groups=g, outpad=op)
    try:
        expected = tf.outputsize(up, shape)
    except ShapeError:
        full_h, full_w = (h - 1) * s + k, (w - 1) * s + k
        assert full_h - pads[0] - pads[1] + op < 1 or full_w - pads[2] - pads[3] + op < 1
    else:
        assert up(tf.ones(*shape)).shape == expected


BAD = [
    ("tf.Conv((3, 3), 6, 8, groups=4)", LayerArgumentError,
     'Invalid arguments for "Conv": in_channels = 6, groups = 4; need in_channels divisible by '
     "groups (6 % 4 = 2)"),
    ("tf.Conv((3, 3), 4, 6, groups=4)", LayerArgumentError,
     'Invalid arguments for "Conv": out_channels = 6, groups = 4; need out_channels divisible '
     "by groups (6 % 4 = 2)"),
    ("tf.Conv((3, 3), 4, 4, groups=0)", LayerArgumentError,
     'Invalid argument for "Conv": groups = 0; need an int >= 1'),
    ("tf.Conv((3, 3), 4, 4, pad='full')", TypeError,
     "Wrong argument type for \"Conv\": pad = 'full' (a str); need an int, a pair or a 4-tuple "
     '(top, bottom, left, right) of ints, or "same"'),
    ("tf.Conv((3, 3), 4, 4, pad=(1, 1, 1))", TypeError,
     'Wrong argument type for "Conv": pad = (1, 1, 1) (a tuple); need an int, a pair or a '
     '4-tuple (top, bottom, left, right) of ints, or "same"'),
    ("tf.Conv((3, 3), 4, 4, pad=(1, 0, -1, 0))", LayerArgumentError,
     'Invalid argument for "Conv": pad = (1, 0, -1, 0); need an int >= 0, a pair or a 4-tuple '
     'of them, or "same"'),
    ("tf.ConvTranspose((3, 3), 4, 4, stride=2, outpad=2)", LayerArgumentError,
     'Invalid arguments for "ConvTranspose": stride = 2, dilation = 1, outpad = 2; need outpad '
     "< max(stride, dilation) on each axis (2 vs 2)"),
    ("tf.ConvTranspose((2, 2), 4, 4, stride=3, pad='same')", LayerArgumentError,
     'Invalid arguments for "ConvTranspose": kernel = 2, stride = 3, pad = "same"; need kernel '
     '>= stride on each axis for a transposed conv\'s "same" padding'),
    ("tf.ConvTranspose((3, 3), 4, 6, groups=4)", LayerArgumentError,
     'Invalid arguments for "ConvTranspose": out_channels = 6, groups = 4; need out_channels '
     "divisible by groups (6 % 4 = 2)"),
]


@pytest.mark.parametrize("source,exc,text", BAD, ids=[s for s, _, _ in BAD])
def test_bad_arguments_name_class_and_argument(source: str, exc: type, text: str) -> None:
    with pytest.raises(exc) as info:
        eval(source, {"tf": tf})  # noqa: S307 - our own table
    assert str(info.value) == text


def test_grouped_conv_checks_its_input_channels() -> None:
    with pytest.raises(ShapeError) as info:
        tf.Conv((3, 3), 4, 8, groups=2)(tf.ones(1, 6, 5, 5))
    assert str(info.value) == (
        "Conv((3, 3), 4 => 8, groups=2) expects input Tensor[B, 4, H, W], got "
        "Tensor[1, 6, 5, 5]; need size 4 at axis 1 (got 6)")


def test_arguments_rebuild_resolved_padding() -> None:
    # The layer holds the padding "same" resolved to (Flux prints it so too).
    c = tf.Conv((4, 4), 2, 2, stride=2, pad="same")
    assert repr(c) == "Conv((4, 4), 2 => 2, stride=2, pad=(2, 1, 2, 1))"
    again = tf.Conv(*c._arguments())
    assert repr(again) == repr(c) and again.config == c.config
