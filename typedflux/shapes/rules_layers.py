"""Shape rules of the fused layer primitives (dense, conv2d, pools, norms, recurrent, ...).

These are the static half of the primitives in ``typedflux/ops/layers_nn.py`` and
``typedflux/ops/basic_nn.py``. An
IGNORED ``grad_x`` argument tells a VJP whether its input ``x`` needs a gradient at all
(the public wrappers fill it in), so a first layer skips the input-gradient GEMM; the layer
classes run the layer rules of :mod:`typedflux.shapes.layers` first (so users see messages
naming the layer), and these rules guard direct calls of the primitives. The conv and pool
arithmetic is the one in :mod:`typedflux.shapes.windows`.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["conv2d"].rule(x=(2, 3, 28, 28), w=(8, 3, 3, 3), b=(8,), stride=(1, 1), pad=(1, 1),
...                      dilation=(1, 1))
(2, 8, 28, 28)
"""

from __future__ import annotations

from typing import Sequence, Tuple

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import Dim, Star, equal
from typedflux.shapes.errors import CannotTell, ShapeError, require
from typedflux.shapes.windows import (
    conv_output_size,
    conv_transpose_output_size,
    pool_output_size,
)
from typedflux.shapes.shape import Shape, star_index

__all__ = [
    "dense_shape",
    "conv2d_shape",
    "conv_transpose2d_shape",
    "pool2d_shape",
    "batchnorm_shape",
    "layernorm_shape",
    "dropout_shape",
    "embedding_shape",
    "recurrent_shape",
]

T = Kind.TENSOR


def _differ(
    op: str, xname: str, x: Shape, wname: str, w: Shape, need: str, va: object, vb: object
) -> str:
    # The house form for two operands whose sizes must agree.
    return (
        f'Sizes differ for "{op}": {xname} has {messages.fmt_shape(x)}, {wname} has '
        f"{messages.fmt_shape(w)}; need {need} ({messages.fmt_dim(va)} vs {messages.fmt_dim(vb)})"
    )


def _rank(op: str, arg: str, x: Shape, ranks: Sequence[int]) -> Tuple[Dim, ...]:
    """``x`` as a tuple of dims of one of ``ranks`` (ShapeError), or CannotTell for ``*Bs``."""
    if star_index(x) is not None:
        raise CannotTell(f"{op}: {arg} has unknown rank")
    if len(x) not in ranks:
        raise ShapeError(messages.wrong_rank(op, arg, x, ranks))
    return x  # type: ignore[return-value]


def _same(op: str, xname: str, x: Shape, xi: int, wname: str, w: Shape, wi: int) -> None:
    da, db = x[xi], w[wi]
    if isinstance(da, Star) or isinstance(db, Star):
        return
    require(
        equal(da, db),
        lambda: _differ(op, xname, x, wname, w, f"{xname}.shape[{xi}] == {wname}.shape[{wi}]",
                        da, db),
    )


def _vector(op: str, name: str, v: Shape, size: Dim, owner: str, owner_shape: Shape,
            axis: int) -> None:
    """A per-feature vector (bias, norm weight) of length ``size``; ``()`` means none."""
    if len(v) == 0:
        return
    vs = _rank(op, name, v, (1,))
    require(
        equal(vs[0], size),
        lambda: _differ(op, name, v, owner, owner_shape,
                        f"{name}.shape[0] == {owner}.shape[{axis}]", vs[0], size),
    )


@spec("dense", a("x", T, required=True), a("w", T, required=True), a("b", T, required=True),
      a("activation", Kind.IGNORED, "identity"), a("grad_x", Kind.IGNORED, True))
def dense_shape(x: Shape, w: Shape, b: Shape) -> Shape:
    """``act(x @ w.T + b)``: ``Tensor[*Bs, in], w Tensor[out, in], b Tensor[out] or () ->
    Tensor[*Bs, out]``.

    >>> dense_shape((16, 784), (32, 784), (32,))
    (16, 32)
    >>> dense_shape((16, 100), (32, 784), (32,))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Inner dimensions differ for "dense": x has Tensor[16, 100], w has Tensor[32, 784]; need x.shape[-1] == w.shape[-1] (100 vs 784)
    """
    ws = _rank("dense", "w", w, (2,))
    if len(x) == 0:
        raise ShapeError(messages.rank_too_small("dense", "x", x, 1))
    if not isinstance(x[-1], Star):
        xin = x[-1]
        require(
            equal(xin, ws[1]),
            lambda: messages.matmul_inner_mismatch("dense", x, w, -1, -1, xin, ws[1]),
        )
    _vector("dense", "b", b, ws[0], "w", w, 0)
    return x[:-1] + (ws[0],)


def _pair(v: Sequence[int]) -> Tuple[int, int]:
    t = tuple(v)
    if len(t) == 1:
        return (t[0], t[0])
    return (t[0], t[1])


def _conv_common(op: str, x: Shape, w: Shape, b: Shape, in_axis: int, out_axis: int
                 ) -> Tuple[Tuple[Dim, ...], Tuple[Dim, ...]]:
    xs = _rank(op, "x", x, (4,))
    ws = _rank(op, "w", w, (4,))
    _same(op, "x", xs, 1, "w", ws, in_axis)
    _vector(op, "b", b, ws[out_axis], "w", w, out_axis)
    return xs, ws


def _check_positive(op: str, x: Shape, out: Tuple[Dim, Dim]) -> None:
    for d in out:
        if type(d) is int and d < 1:
            raise ShapeError(messages.input_too_small(op, x, out))


@spec("conv2d", a("x", T, required=True), a("w", T, required=True), a("b", T, required=True),
      a("stride", Kind.AXES, (1, 1)), a("pad", Kind.AXES, (0, 0)),
      a("dilation", Kind.AXES, (1, 1)), a("activation", Kind.IGNORED, "identity"),
      a("grad_x", Kind.IGNORED, True))
def conv2d_shape(
    x: Shape, w: Shape, b: Shape, stride: Sequence[int], pad: Sequence[int],
    dilation: Sequence[int],
) -> Shape:
    """Cross-correlation: ``x Tensor[B, C, H, W], w Tensor[O, C, kh, kw] -> Tensor[B, O, H',
    W']`` with ``H' = (H + 2*pad - dilation*(kh-1) - 1)//stride + 1``.

    >>> conv2d_shape((2, 1, 28, 28), (8, 3, 3, 3), (8,), (1, 1), (0, 0), (1, 1))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Sizes differ for "conv2d": x has Tensor[2, 1, 28, 28], w has Tensor[8, 3, 3, 3]; need x.shape[1] == w.shape[1] (1 vs 3)
    """
    xs, ws = _conv_common("conv2d", x, w, b, 1, 0)
    s, p, d = _pair(stride), _pair(pad), _pair(dilation)
    kh, kw = ws[2], ws[3]
    if type(kh) is not int or type(kw) is not int:
        raise CannotTell("conv2d: symbolic kernel size")
    out = (conv_output_size(xs[2], kh, s[0], p[0], d[0]),
           conv_output_size(xs[3], kw, s[1], p[1], d[1]))
    _check_positive("conv2d", x, out)
    return (xs[0], ws[0]) + out


@spec("conv_transpose2d", a("x", T, required=True), a("w", T, required=True),
      a("b", T, required=True), a("stride", Kind.AXES, (1, 1)), a("pad", Kind.AXES, (0, 0)),
      a("dilation", Kind.AXES, (1, 1)))
def conv_transpose2d_shape(
    x: Shape, w: Shape, b: Shape, stride: Sequence[int], pad: Sequence[int],
    dilation: Sequence[int],
) -> Shape:
    """``x Tensor[B, C, H, W], w Tensor[C, O, kh, kw] -> Tensor[B, O, H', W']`` with
    ``H' = (H-1)*stride - 2*pad + dilation*(kh-1) + 1``.

    >>> conv_transpose2d_shape((2, 8, 13, 13), (8, 1, 3, 3), (1,), (2, 2), (0, 0), (1, 1))
    (2, 1, 27, 27)
    """
    xs, ws = _conv_common("conv_transpose2d", x, w, b, 0, 1)
    s, p, d = _pair(stride), _pair(pad), _pair(dilation)
    kh, kw = ws[2], ws[3]
    if type(kh) is not int or type(kw) is not int:
        raise CannotTell("conv_transpose2d: symbolic kernel size")
    out = (conv_transpose_output_size(xs[2], kh, s[0], p[0], d[0]),
           conv_transpose_output_size(xs[3], kw, s[1], p[1], d[1]))
    _check_positive("conv_transpose2d", x, out)
    return (xs[0], ws[1]) + out


def pool2d_shape(
    op: str, x: Shape, window: Sequence[int], stride: Sequence[int], pad: Sequence[int]
) -> Shape:
    """``Tensor[B, C, H, W] -> Tensor[B, C, H', W']``, ``H' = (H + 2*pad - k)//stride + 1``.

    >>> pool2d_shape("maxpool2d", (2, 8, 26, 26), (2, 2), (2, 2), (0, 0))
    (2, 8, 13, 13)
    """
    xs = _rank(op, "x", x, (4,))
    k, s, p = _pair(window), _pair(stride), _pair(pad)
    out = (pool_output_size(xs[2], k[0], s[0], p[0]), pool_output_size(xs[3], k[1], s[1], p[1]))
    _check_positive(op, x, out)
    return (xs[0], xs[1]) + out


@spec("maxpool2d", a("x", T, required=True), a("window", Kind.AXES, required=True),
      a("stride", Kind.AXES, required=True), a("pad", Kind.AXES, (0, 0)))
def maxpool2d_shape(x: Shape, window: Sequence[int], stride: Sequence[int],
                    pad: Sequence[int]) -> Shape:
    """Max over windows; see :func:`pool2d_shape`.

    >>> maxpool2d_shape((1, 1, 5, 5), (2, 2), (1, 1), (0, 0))
    (1, 1, 4, 4)
    """
    return pool2d_shape("maxpool2d", x, window, stride, pad)


@spec("meanpool2d", a("x", T, required=True), a("window", Kind.AXES, required=True),
      a("stride", Kind.AXES, required=True), a("pad", Kind.AXES, (0, 0)))
def meanpool2d_shape(x: Shape, window: Sequence[int], stride: Sequence[int],
                     pad: Sequence[int]) -> Shape:
    """Mean over windows; see :func:`pool2d_shape`.

    >>> meanpool2d_shape((1, 1, 5, 5), (2, 2), (2, 2), (1, 1))
    (1, 1, 3, 3)
    """
    return pool2d_shape("meanpool2d", x, window, stride, pad)


@spec("batchnorm", a("x", T, required=True), a("weight", T, required=True),
      a("bias", T, required=True), a("running_mean", T, required=True),
      a("running_var", T, required=True), a("training", Kind.BOOL, True),
      a("eps", Kind.IGNORED, 1e-5))
def batchnorm_shape(x: Shape, weight: Shape, bias: Shape, running_mean: Shape,
                    running_var: Shape, training: bool) -> Shape:
    """Per-channel normalisation over axis 1: ``Tensor[B, C, *S] -> Tensor[B, C, *S]``,
    every parameter ``Tensor[C]``.

    >>> batchnorm_shape((4, 3, 5, 5), (3,), (3,), (3,), (3,), True)
    (4, 3, 5, 5)
    """
    if star_index(x) is not None or len(x) < 2:
        if len(x) < 2 and star_index(x) is None:
            raise ShapeError(messages.rank_too_small("batchnorm", "x", x, 2))
        raise CannotTell("batchnorm: channel axis of a variadic shape")
    c = x[1]
    for name, v in (("weight", weight), ("bias", bias), ("running_mean", running_mean),
                    ("running_var", running_var)):
        _vector("batchnorm", name, v, c, "x", x, 1)  # type: ignore[arg-type]
    return x


@spec("layernorm", a("x", T, required=True), a("weight", T, required=True),
      a("bias", T, required=True), a("eps", Kind.IGNORED, 1e-5))
def layernorm_shape(x: Shape, weight: Shape, bias: Shape) -> Shape:
    """Normalisation over the last axis: ``Tensor[*Bs, d] -> Tensor[*Bs, d]``, parameters
    ``Tensor[d]``.

    >>> layernorm_shape((2, 7, 16), (16,), (16,))
    (2, 7, 16)
    """
    if len(x) == 0:
        raise ShapeError(messages.rank_too_small("layernorm", "x", x, 1))
    d = x[-1]
    if not isinstance(d, Star):
        _vector("layernorm", "weight", weight, d, "x", x, -1)
        _vector("layernorm", "bias", bias, d, "x", x, -1)
    return x


@spec("dropout", a("x", T, required=True), a("mask", T, required=True))
def dropout_shape(x: Shape, mask: Shape) -> Shape:
    """``x * mask`` with a mask of exactly ``x``'s shape (scaled by ``1/(1-p)``).

    >>> dropout_shape((2, 3), (2, 3))
    (2, 3)
    """
    if len(x) == len(mask) and star_index(x) is None and star_index(mask) is None:
        for i, (da, db) in enumerate(zip(x, mask)):
            require(equal(da, db),  # type: ignore[arg-type]
                    lambda: _differ("dropout", "x", x, "mask", mask,
                                    "identical shapes", da, db))
        return x
    if star_index(x) is None and star_index(mask) is None:
        raise ShapeError(_differ("dropout", "x", x, "mask", mask, "identical ranks",
                                 len(x), len(mask)))
    return x


@spec("embedding", a("ids", T, required=True), a("weight", T, required=True))
def embedding_shape(ids: Shape, weight: Shape) -> Shape:
    """Row lookup: int ``Tensor[*Bs]``, weight ``Tensor[vocab, d] -> Tensor[*Bs, d]``.

    >>> embedding_shape((4, 9), (100, 16))
    (4, 9, 16)
    """
    ws = _rank("embedding", "weight", weight, (2,))
    return ids + (ws[1],)


def recurrent_shape(op: str, gates: int, x: Shape, weight_ih: Shape, weight_hh: Shape,
                    bias: Shape) -> Shape:
    """``Tensor[B, T, in]`` with ``weight_ih Tensor[g*H, in]``, ``weight_hh Tensor[g*H, H]``,
    ``bias Tensor[g*H]`` (``g`` gates) ``-> Tensor[B, T, H]``.

    >>> recurrent_shape("lstm_sequence", 4, (2, 5, 3), (16, 3), (16, 4), (16,))
    (2, 5, 4)
    """
    xs = _rank(op, "x", x, (3,))
    wih = _rank(op, "weight_ih", weight_ih, (2,))
    whh = _rank(op, "weight_hh", weight_hh, (2,))
    _same(op, "x", xs, 2, "weight_ih", wih, 1)
    h = whh[1]
    require(
        equal(whh[0], gates * h),
        lambda: _differ(op, "weight_hh", whh, "weight_hh", whh,
                        f"weight_hh.shape[0] == {gates}*weight_hh.shape[1]", whh[0], gates * h),
    )
    _same(op, "weight_ih", wih, 0, "weight_hh", whh, 0)
    _vector(op, "bias", bias, whh[0], "weight_hh", whh, 0)
    return (xs[0], xs[1], h)


for _name, _gates in (("rnn_sequence", 1), ("lstm_sequence", 4), ("gru_sequence", 3)):

    def _make(name: str, gates: int) -> None:
        def rule(x: Shape, weight_ih: Shape, weight_hh: Shape, bias: Shape) -> Shape:
            return recurrent_shape(name, gates, x, weight_ih, weight_hh, bias)

        rule.__doc__ = f"Whole-sequence {name.split('_')[0].upper()} ({gates} gate blocks)."
        spec(name, a("x", T, required=True), a("weight_ih", T, required=True),
             a("weight_hh", T, required=True), a("bias", T, required=True),
             a("grad_x", Kind.IGNORED, True))(rule)

    _make(_name, _gates)
