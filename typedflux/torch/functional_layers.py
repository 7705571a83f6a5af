"""PyTorch versions of the layer primitives of issue 14 (grouped convolutions with per-side
padding and outpad, group normalisation, the bilinear form, recurrent layers from a given
state), with typedflux's numerics; :data:`typedflux.torch.functional.OPS` takes them in.

>>> import torch
>>> conv2d_grouped(torch.ones(1, 2, 3, 3), torch.ones(2, 1, 2, 2), 0.0, (1, 1), (1, 0, 1, 0),
...                (1, 1), 2).shape
torch.Size([1, 2, 3, 3])
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Sequence, Tuple

import torch
import torch.nn.functional as F

from typedflux.torch.functional import _b, _pair, sigmoid

__all__ = [
    "LAYER_OPS",
    "conv2d_grouped",
    "conv_transpose2d_grouped",
    "groupnorm",
    "bilinear",
    "rnn_state",
    "gru_state",
    "lstm_state",
    "crop",
]

Tensor = torch.Tensor


def _pads(pad: Sequence[int]) -> Tuple[int, int, int, int]:
    t = tuple(int(p) for p in pad)
    if len(t) != 4:
        raise ValueError(f"typedflux.torch: expected (top, bottom, left, right), got {t}")
    return (t[0], t[1], t[2], t[3])


def conv2d_grouped(x: Tensor, w: Tensor, b: Any, stride: Any, pad: Any, dilation: Any,
                   groups: int, grad_x: bool = True) -> Tensor:
    """Grouped cross-correlation with ``(top, bottom, left, right)`` padding: ``F.pad``
    (which lists the last axis first), then ``F.conv2d`` without padding."""
    t, bottom, left, right = _pads(pad)
    xp = F.pad(x, (left, right, t, bottom)) if (t, bottom, left, right) != (0, 0, 0, 0) else x
    return F.conv2d(xp, w, _b(b), _pair(stride), 0, _pair(dilation), int(groups))


def crop(full: Tensor, pad: Sequence[int], outpad: Sequence[int]) -> Tensor:
    """A transposed conv's output from its full result: ``top``/``left`` off the start,
    ``bottom``/``right`` off the end, then ``outpad`` more rows and columns (zeros where the
    full result ends), as typedflux's (and Flux's) transposed conv."""
    t, bottom, left, right = _pads(pad)
    oh = int(full.shape[2]) - t - bottom + int(outpad[0])
    ow = int(full.shape[3]) - left - right + int(outpad[1])
    grow_h = max(0, t + oh - int(full.shape[2]))
    grow_w = max(0, left + ow - int(full.shape[3]))
    if grow_h or grow_w:
        full = F.pad(full, (0, grow_w, 0, grow_h))
    return full[:, :, t : t + oh, left : left + ow]


def conv_transpose2d_grouped(x: Tensor, w: Tensor, b: Any, stride: Any, pad: Any,
                             dilation: Any, groups: int, outpad: Any) -> Tensor:
    """Grouped transposed conv (weight ``(in, out/groups, kh, kw)``) with per-side padding
    and outpad: the full result, cropped (:func:`crop`), then the bias."""
    full = F.conv_transpose2d(x, w, None, _pair(stride), 0, 0, int(groups), _pair(dilation))
    y = crop(full, pad, _pair(outpad))
    bias = _b(b)
    return y if bias is None else y + bias.reshape(1, -1, 1, 1)


def groupnorm(x: Tensor, weight: Any, bias: Any, groups: int, eps: float) -> Tensor:
    """``F.group_norm``; a number for weight or bias (typedflux's "no affine part")."""
    return F.group_norm(x, int(groups), _b(weight), _b(bias), float(eps))


def bilinear(x: Tensor, y: Tensor, w: Tensor, b: Any) -> Tensor:
    """``z[..., o] = sum_ij x[..., i] w[o, i, j] y[..., j] + b[o]`` (``F.bilinear``, which
    wants at least one leading axis)."""
    if x.ndim == 1:
        return F.bilinear(x[None], y[None], w, _b(b))[0]
    return F.bilinear(x, y, w, _b(b))


def _start(state: Tensor, x: Tensor, hidden: int) -> Tensor:
    return state.expand(int(x.shape[0]), hidden)


def rnn_state(x: Tensor, weight_ih: Tensor, weight_hh: Tensor, bias: Tensor, h0: Tensor,
              grad_x: bool = True) -> Tensor:
    """Elman RNN from ``h0`` (``(B, H)`` or ``(H,)``); all hidden states ``(B, T, H)``."""
    xw = F.linear(x, weight_ih, bias)
    h = _start(h0, x, int(weight_hh.shape[1]))
    out = []
    for t in range(int(x.shape[1])):
        h = torch.tanh(xw[:, t] + F.linear(h, weight_hh))
        out.append(h)
    return torch.stack(out, dim=1) if out else xw.new_zeros(
        (int(x.shape[0]), 0, int(weight_hh.shape[1])))


def gru_state(x: Tensor, weight_ih: Tensor, weight_hh: Tensor, bias: Tensor, h0: Tensor,
              grad_x: bool = True) -> Tensor:
    """Flux's GRU cell (one bias) from ``h0``; all hidden states ``(B, T, H)``."""
    xw = F.linear(x, weight_ih, bias)
    hsize = int(weight_hh.shape[1])
    h = _start(h0, x, hsize)
    out = []
    for t in range(int(x.shape[1])):
        hw = F.linear(h, weight_hh)
        rz = sigmoid(xw[:, t, : 2 * hsize] + hw[:, : 2 * hsize])
        r, z = rz[:, :hsize], rz[:, hsize:]
        n = torch.tanh(xw[:, t, 2 * hsize :] + r * hw[:, 2 * hsize :])
        h = (1 - z) * n + z * h
        out.append(h)
    return torch.stack(out, dim=1) if out else xw.new_zeros((int(x.shape[0]), 0, hsize))


def lstm_state(x: Tensor, weight_ih: Tensor, weight_hh: Tensor, bias: Tensor, h0: Tensor,
               c0: Tensor, grad_x: bool = True) -> Tensor:
    """LSTM (one bias; gates i, f, g, o) from ``(h0, c0)``: every step's ``[h, c]``,
    ``(B, T, 2H)``, as typedflux's ``lstm_state``."""
    xw = F.linear(x, weight_ih, bias)
    hsize = int(weight_hh.shape[1])
    h, c = _start(h0, x, hsize), _start(c0, x, hsize)
    out = []
    for t in range(int(x.shape[1])):
        a = xw[:, t] + F.linear(h, weight_hh)
        i, f = a[:, :hsize], a[:, hsize : 2 * hsize]
        g, o = a[:, 2 * hsize : 3 * hsize], a[:, 3 * hsize :]
        c = sigmoid(f) * c + sigmoid(i) * torch.tanh(g)
        h = sigmoid(o) * torch.tanh(c)
        out.append(torch.cat([h, c], dim=-1))
    return torch.stack(out, dim=1) if out else xw.new_zeros((int(x.shape[0]), 0, 2 * hsize))


LAYER_OPS: Dict[str, Callable[..., Tensor]] = {
    "conv2d_grouped": conv2d_grouped,
    "conv_transpose2d_grouped": conv_transpose2d_grouped,
    "groupnorm": groupnorm,
    "bilinear": bilinear,
    "rnn_state": rnn_state,
    "gru_state": gru_state,
    "lstm_state": lstm_state,
}
"""Registry name -> the primitive in torch (merged into ``OPS``)."""
