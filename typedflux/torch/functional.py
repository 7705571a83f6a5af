"""typedflux's primitives written in PyTorch: one function per registry entry, same numerics.

``OPS[name]`` takes the primitive's forward arguments in spec order (torch tensors where the
spec has a tensor) and returns a torch tensor whose value, and whose gradient under torch's
autograd, is typedflux's: the tanh form of ``gelu``, the Flux GRU cell with one bias, the
LSTM with one bias, padding that never wins a max pool, the fused ``logitcrossentropy``.
The exported layers (:mod:`typedflux.torch.modules`) and the bridge that runs a user's
``tf`` code on torch tensors (:mod:`typedflux.torch.bridge`) both compute through this
table, so each primitive's torch numerics are written once.

>>> import torch
>>> OPS["gelu"](torch.tensor([1.0])).item()  # the tanh approximation, as tf.gelu
0.8411920070648193
>>> sorted(OPS) == sorted(set(OPS))
True
"""

from __future__ import annotations

import math
from typing import Any, Callable, Dict, Optional, Sequence, Tuple

import torch
import torch.nn.functional as F

__all__ = ["OPS", "dense", "conv2d", "rnn_sequence", "lstm_sequence", "gru_sequence",
           "attention", "adaptive_mean_pool"]

Tensor = torch.Tensor
Pair = Tuple[int, int]


def _pair(v: Any) -> Pair:
    if isinstance(v, int):
        return (v, v)
    t = tuple(int(a) for a in v)
    if len(t) not in (1, 2):
        # e.g. asymmetric padding: refuse rather than silently keep two of the numbers.
        raise ValueError(f"typedflux.torch: expected an int or an (h, w) pair, got {t}")
    return (t[0], t[0]) if len(t) == 1 else (t[0], t[1])


def _axes(axis: Any, ndim: int) -> Optional[Tuple[int, ...]]:
    if axis is None:
        return None
    if isinstance(axis, int):
        return (axis % ndim,) if ndim else ()
    return tuple(int(a) % ndim for a in axis)


# -- activations ------------------------------------------------------------------------------

_GELU_C = math.sqrt(2.0 / math.pi)


def sigmoid(x: Tensor) -> Tensor:
    """typedflux's overflow-free sigmoid, ``0.5*(1 + tanh(x/2))`` (torch.sigmoid agrees to
    rounding; this form keeps float64 gradients equal to 1e-15)."""
    return 0.5 * (1.0 + torch.tanh(0.5 * x))


def gelu(x: Tensor) -> Tensor:
    """The tanh approximation (Flux's and typedflux's ``gelu``), not PyTorch's erf default."""
    return F.gelu(x, approximate="tanh")


def swish(x: Tensor) -> Tensor:
    return x * sigmoid(x)


def softplus(x: Tensor) -> Tensor:
    # log(1 + e^x) = logaddexp(x, 0), without F.softplus's threshold switch at x > 20.
    return torch.logaddexp(x, torch.zeros((), dtype=x.dtype, device=x.device))


def leakyrelu(x: Tensor, a: float = 0.01) -> Tensor:
    return torch.where(x > 0, x, a * x)


def elu(x: Tensor, alpha: float = 1.0) -> Tensor:
    return torch.where(x > 0, x, alpha * torch.expm1(torch.clamp(x, max=0)))


def _shift(x: Tensor, axis: Any) -> Tuple[Tensor, Tensor]:
    # As typedflux: a row of -inf (fully masked) is shifted by 0, not by -inf.
    dims = _axes(axis, x.ndim)
    m = torch.amax(x, dim=dims if dims is not None else tuple(range(x.ndim)), keepdim=True)
    m = torch.where(torch.isfinite(m), m, torch.zeros_like(m)).detach()
    return x - m, m


def softmax(x: Tensor, axis: int = -1) -> Tensor:
    return torch.softmax(x, dim=axis)


def logsoftmax(x: Tensor, axis: int = -1) -> Tensor:
    return torch.log_softmax(x, dim=axis)


def logsumexp(x: Tensor, axis: Any = None, keepdims: bool = False) -> Tensor:
    dims = _axes(axis, x.ndim)
    return torch.logsumexp(x, dim=dims if dims is not None else tuple(range(x.ndim)),
                           keepdim=keepdims)


# -- reductions, movement, indexing --------------------------------------------------------------


def _reduce(fn: Callable[..., Tensor]) -> Callable[[Tensor, Any, bool], Tensor]:
    def apply(x: Tensor, axis: Any = None, keepdims: bool = False) -> Tensor:
        dims = _axes(axis, x.ndim)
        if dims is None:
            dims = tuple(range(x.ndim))
        if not dims:
            return x
        return fn(x, dim=dims, keepdim=keepdims)

    return apply


def reshape(x: Tensor, shape: Sequence[int]) -> Tensor:
    return x.reshape(tuple(shape))


def transpose(x: Tensor, axes: Sequence[int]) -> Tensor:
    return x.permute(tuple(axes) if axes else tuple(range(x.ndim - 1, -1, -1)))


def getitem(x: Tensor, key: Any) -> Tensor:
    """``x[key]`` with numpy's meaning, including negative slice steps (which torch's
    indexing lacks: such an axis is reversed by an index_select first)."""
    items = list(key) if isinstance(key, tuple) else [key]
    if not any(isinstance(k, slice) and k.step is not None and k.step < 0 for k in items):
        return x[key]
    used = sum(1 for k in items if k is not None and k is not Ellipsis
               and not (isinstance(k, Tensor) and k.dtype == torch.bool))
    dim = 0
    for j, k in enumerate(items):
        if k is Ellipsis:
            dim += x.ndim - used
            continue
        if k is None:
            continue
        if isinstance(k, slice) and k.step is not None and k.step < 0:
            picked = list(range(int(x.shape[dim])))[k]
            x = x.index_select(dim, torch.tensor(picked, dtype=torch.long, device=x.device))
            items[j] = slice(None)
        dim += 1
    return x[tuple(items)]


def matmul(x: Tensor, w: Tensor) -> Tensor:
    return torch.matmul(x, w)


def concat(xs: Sequence[Tensor], axis: int = -1) -> Tensor:
    return torch.cat(list(xs), dim=axis)


def stack(xs: Sequence[Tensor], axis: int = 0) -> Tensor:
    return torch.stack(list(xs), dim=axis)


# -- fused layer primitives ----------------------------------------------------------------------

def _b(b: Any) -> Optional[Tensor]:
    # A layer without a bias passes the number 0.0 (typedflux's convention).
    return b if isinstance(b, Tensor) and b.ndim > 0 else None


FUSED: Dict[str, Callable[[Tensor], Tensor]] = {
    "identity": lambda x: x,
    "relu": torch.relu,
    "tanh": torch.tanh,
    "sigmoid": sigmoid,
}


def dense(x: Tensor, w: Tensor, b: Any = 0.0, activation: str = "identity",
          grad_x: bool = True) -> Tensor:
    """``act(x @ w.T + b)``; ``b`` a tensor or a number (0.0: no bias)."""
    y = F.linear(x, w, _b(b))
    return FUSED[activation](y)


def conv2d(x: Tensor, w: Tensor, b: Any, stride: Any, pad: Any, dilation: Any,
           activation: str = "identity", grad_x: bool = True, groups: int = 1) -> Tensor:
    y = F.conv2d(x, w, _b(b), _pair(stride), _pair(pad),
                 _pair(dilation), groups)
    return FUSED[activation](y)


def conv_transpose2d(x: Tensor, w: Tensor, b: Any, stride: Any, pad: Any,
                     dilation: Any) -> Tensor:
    return F.conv_transpose2d(x, w, _b(b), _pair(stride),
                              _pair(pad), 0, 1, _pair(dilation))


def maxpool2d(x: Tensor, window: Any, stride: Any, pad: Any) -> Tensor:
    return F.max_pool2d(x, _pair(window), _pair(stride), _pair(pad))


def meanpool2d(x: Tensor, window: Any, stride: Any, pad: Any) -> Tensor:
    # Padding counts as zeros in the mean (typedflux's and NNlib's rule).
    return F.avg_pool2d(x, _pair(window), _pair(stride), _pair(pad), count_include_pad=True)


def adaptive_mean_pool(x: Tensor, out_hw: Pair) -> Tensor:
    """typedflux's (Flux's) adaptive mean pool: stride ``H//oh``, window ``H-(oh-1)*stride``
    (PyTorch's ``adaptive_avg_pool2d`` uses uneven windows instead)."""
    h, w = int(x.shape[2]), int(x.shape[3])
    sh, sw = h // out_hw[0], w // out_hw[1]
    k = (h - (out_hw[0] - 1) * sh, w - (out_hw[1] - 1) * sw)
    return F.avg_pool2d(x, k, (sh, sw), 0, count_include_pad=True)


def batchnorm(x: Tensor, weight: Tensor, bias: Tensor, running_mean: Tensor,
              running_var: Tensor, training: bool, eps: float) -> Tensor:
    """Normalisation only (the running statistics are updated by the layer, as in
    typedflux): batch statistics (biased variance) when ``training``."""
    if training:
        return F.batch_norm(x, None, None, weight, bias, True, 0.0, eps)
    return F.batch_norm(x, running_mean, running_var, weight, bias, False, 0.0, eps)


def layernorm(x: Tensor, weight: Tensor, bias: Tensor, eps: float) -> Tensor:
    return F.layer_norm(x, (int(x.shape[-1]),), weight, bias, eps)


def dropout(x: Tensor, mask: Tensor) -> Tensor:
    return x * mask


def embedding(ids: Tensor, weight: Tensor) -> Tensor:
    return F.embedding(ids, weight)


def rnn_sequence(x: Tensor, weight_ih: Tensor, weight_hh: Tensor, bias: Tensor,
                 grad_x: bool = True) -> Tensor:
    """Elman RNN over ``(B, T, in)`` from a zero state; all hidden states ``(B, T, H)``
    (``rnn_state`` from zeros: one loop for both)."""
    return rnn_state(x, weight_ih, weight_hh, bias, _zero_state(x, weight_hh), grad_x)


def lstm_sequence(x: Tensor, weight_ih: Tensor, weight_hh: Tensor, bias: Tensor,
                  grad_x: bool = True) -> Tensor:
    """LSTM with ONE bias (typedflux's; PyTorch's stock LSTM has two), gates i, f, g, o,
    from zero states: the hidden half of ``lstm_state``'s ``[h, c]``."""
    zero = _zero_state(x, weight_hh)
    return lstm_state(x, weight_ih, weight_hh, bias, zero, zero, grad_x)[..., : zero.shape[0]]


def gru_sequence(x: Tensor, weight_ih: Tensor, weight_hh: Tensor, bias: Tensor,
                 grad_x: bool = True) -> Tensor:
    """Flux's GRU cell with one bias: ``n = tanh(W_in x + b_n + r*(W_hn h))`` (PyTorch's
    stock GRU adds a second bias inside ``r*(...)``), from a zero state (``gru_state``)."""
    return gru_state(x, weight_ih, weight_hh, bias, _zero_state(x, weight_hh), grad_x)


def _zero_state(x: Tensor, weight_hh: Tensor) -> Tensor:
    return x.new_zeros(int(weight_hh.shape[1]))


def attention(q: Tensor, k: Tensor, v: Tensor, nheads: int,
              mask: Optional[Tensor] = None) -> Tensor:
    """Scaled dot-product attention over projected ``(B, T, d)`` inputs, heads concatenated.
    ``mask`` True = attend (typedflux's polarity, which is also that of
    ``F.scaled_dot_product_attention``; ``nn.MultiheadAttention``'s bool mask is the
    opposite); masked scores become -1e9, so a fully masked row stays finite."""
    b, tq, d = (int(s) for s in q.shape)
    hd = d // nheads

    def heads(t: Tensor) -> Tensor:
        return t.reshape(t.shape[0], t.shape[1], nheads, hd).transpose(1, 2)

    qh, kh, vh = heads(q), heads(k), heads(v)
    scores = torch.matmul(qh, kh.transpose(-1, -2)) * (1.0 / math.sqrt(hd))
    if mask is not None:
        scores = torch.where(mask, scores, torch.full((), -1e9, dtype=scores.dtype,
                                                      device=scores.device))
    weights = torch.softmax(scores, dim=-1)
    return torch.matmul(weights, vh).transpose(1, 2).reshape(b, tq, d)


def logitcrossentropy(yhat: Tensor, y: Tensor, agg: str = "mean") -> Tensor:
    lsm = torch.log_softmax(yhat, dim=-1)
    total = -(y * lsm).sum()
    if agg == "sum":
        return total
    rows = yhat.numel() // max(int(yhat.shape[-1]), 1)
    return total / max(rows, 1)


def clamp(x: Tensor, min: Any = None, max: Any = None) -> Tensor:  # noqa: A002 (the op's names)
    if min is None and max is None:
        raise ValueError('"clamp" needs at least one bound: min or max (both are None)')
    return torch.clamp(x, min=min, max=max)


def var(x: Tensor, axis: Any = None, keepdims: bool = False, correction: Any = 1) -> Tensor:
    dims = _axes(axis, x.ndim)
    return torch.var(x, dim=dims if dims is not None else tuple(range(x.ndim)),
                     correction=correction, keepdim=keepdims)


def _arg(fn: Callable[..., Tensor]) -> Callable[..., Tensor]:
    def apply(x: Tensor, axis: Any = None, keepdims: bool = False) -> Tensor:
        if axis is None:  # numpy's: an index into the flattened tensor
            flat = fn(x.reshape(-1))
            return flat.reshape((1,) * x.ndim) if keepdims else flat
        return fn(x, dim=int(axis), keepdim=keepdims)

    return apply


def cumsum(x: Tensor, axis: int) -> Tensor:
    return torch.cumsum(x, dim=axis)


def einsum(subscripts: str, xs: Sequence[Tensor]) -> Tensor:
    return torch.einsum(subscripts, *xs)


def rearrange(x: Tensor, pattern: str, sizes: Any) -> Tensor:
    """einops' rearrange by typedflux's own recipe (the pure rule module's): reshape to
    single axes, permute, reshape."""
    from typedflux.shapes.rules_rearrange import recipe

    single, perm, out = recipe(pattern, tuple(int(d) for d in x.shape), sizes)
    return x.reshape(single).permute(perm).reshape(out)


def tile(x: Tensor, reps: Sequence[int]) -> Tensor:
    return torch.tile(x, tuple(reps))


def repeat_interleave(x: Tensor, repeats: int, axis: Any = None) -> Tensor:
    return torch.repeat_interleave(x, int(repeats), dim=axis)


def take_along_axis(x: Tensor, indices: Tensor, axis: int) -> Tensor:
    return torch.take_along_dim(x, indices.to(torch.long), dim=axis)


def _source(i: int, n: int, mode: str) -> int:
    # Which input position output position i (counted from the first real element) reads.
    if mode == "replicate":
        return min(max(i, 0), n - 1)
    if mode == "circular":
        return i % n
    if n == 1:  # reflect (numpy's "reflect": the edge is not repeated)
        return 0
    j = i % (2 * n - 2)
    return 2 * n - 2 - j if j >= n else j


def pad(x: Tensor, widths: Sequence[Tuple[int, int]], mode: str = "constant",
        value: float = 0.0) -> Tensor:
    """numpy's ``pad`` (one ``(before, after)`` pair per axis, in axis order): constant by
    ``F.pad``; reflect/replicate/circular by an index_select per axis, so any rank works."""
    if mode == "constant":
        flat = [int(w) for pair in reversed(tuple(widths)) for w in pair]
        return F.pad(x, flat, mode="constant", value=value)
    for dim, (before, after) in enumerate(widths):
        if before or after:
            n = int(x.shape[dim])
            picks = [_source(i, n, mode) for i in range(-int(before), n + int(after))]
            x = x.index_select(dim, torch.tensor(picks, dtype=torch.long, device=x.device))
    return x


def _where(cond: Any, x: Any, y: Any) -> Tensor:
    return torch.where(cond.to(torch.bool) if isinstance(cond, Tensor) else cond, x, y)


OPS: Dict[str, Callable[..., Tensor]] = {
    "add": torch.add,
    "sub": torch.sub,
    "mul": torch.mul,
    "div": torch.div,
    "pow": torch.pow,
    "neg": torch.neg,
    "maximum": torch.maximum,
    "minimum": torch.minimum,
    "eq": torch.eq,
    "ne": torch.ne,
    "lt": torch.lt,
    "le": torch.le,
    "gt": torch.gt,
    "ge": torch.ge,
    "where": _where,
    "exp": torch.exp,
    "log": torch.log,
    "sqrt": torch.sqrt,
    "abs": torch.abs,
    "reshape": reshape,
    "transpose": transpose,
    "tanh": torch.tanh,
    "sigmoid": sigmoid,
    "relu": torch.relu,
    "gelu": gelu,
    "swish": swish,
    "softplus": softplus,
    "leakyrelu": leakyrelu,
    "elu": elu,
    "softmax": softmax,
    "logsoftmax": logsoftmax,
    "logsumexp": logsumexp,
    "sum": _reduce(torch.sum),
    "max": _reduce(torch.amax),
    "min": _reduce(torch.amin),
    "getitem": getitem,
    "matmul": matmul,
    "concat": concat,
    "stack": stack,
    "dense": dense,
    "conv2d": conv2d,
    "conv_transpose2d": conv_transpose2d,
    "maxpool2d": maxpool2d,
    "meanpool2d": meanpool2d,
    "batchnorm": batchnorm,
    "layernorm": layernorm,
    "dropout": dropout,
    "embedding": embedding,
    "rnn_sequence": rnn_sequence,
    "lstm_sequence": lstm_sequence,
    "gru_sequence": gru_sequence,
    "logitcrossentropy": logitcrossentropy,
    "sin": torch.sin,
    "cos": torch.cos,
    "clamp": clamp,
    "tril": torch.tril,
    "triu": torch.triu,
    "cumsum": cumsum,
    "var": var,
    "argmax": _arg(torch.argmax),
    "argmin": _arg(torch.argmin),
    "einsum": einsum,
    "rearrange": rearrange,
    "tile": tile,
    "repeat_interleave": repeat_interleave,
    "take_along_axis": take_along_axis,
    "pad": pad,
}
"""Registry name -> the primitive in torch, taking the forward's arguments in spec order."""

# The layer primitives of issue 14 live in their own module (imported here, once OPS exists:
# it reads this module's helpers); the zero-state sequences above run their state versions.
from typedflux.torch.functional_layers import (  # noqa: E402
    LAYER_OPS, gru_state, lstm_state, rnn_state,
)

OPS.update(LAYER_OPS)
