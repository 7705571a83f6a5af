"""The PyTorch forward of every built-in typedflux layer: the mapping ``to_torch`` uses.

Each entry of :data:`EXPORTS` maps a layer class to an :class:`Export`: a forward
``forward(m, *inputs)`` over the exported module ``m`` (whose parameters, buffers, sub-layers
and settings carry the layer's own attribute names: ``m.weight``, ``m.eps``, ``m.layers``)
and, when the forward needs values that are not plain attributes, ``settings(layer)``.
Adding a layer is one entry; tests/torch_export/test_parity.py names every exported layer class
without one, and checks each entry against the numpy engine on random inputs.

Where typedflux differs from PyTorch's stock modules, these forwards reproduce typedflux:
one LSTM bias, the Flux GRU cell, bias-free attention projections and True-means-attend
masks, the tanh ``gelu``, typedflux's adaptive mean pool windows (see
:mod:`typedflux.torch.functional`).

>>> import typedflux as tf
>>> EXPORTS[tf.Dense].settings(tf.Dense(2, 3, tf.relu))
{'fused': 'relu'}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Optional, Type

import torch
import torch.nn.functional as F

from typedflux import layers as L
from typedflux.layers.core import fused_activation
from typedflux.tensor import Tensor
from typedflux.torch import functional as TF
from typedflux.torch import functional_layers as FL
from typedflux.torch.modules import TorchExportError, is_layer

__all__ = ["Export", "EXPORTS", "dropout_mask"]


def _no_settings(layer: Any) -> Dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Export:
    """How one layer class runs in PyTorch: ``forward(m, *inputs, **options)`` and the
    extra ``settings(layer)`` it reads from ``m``.

    >>> Export(lambda m, x: x).settings(object())
    {}
    """

    forward: Callable[..., Any]
    settings: Callable[[Any], Dict[str, Any]] = field(default=_no_settings)


def _activate(m: Any, y: torch.Tensor) -> torch.Tensor:
    # The activation was fused into the primitive, or is applied after it.
    return y if m.fused is not None else m.activation(y)  # type: ignore[no-any-return, unused-ignore]


def _bias(m: Any) -> Any:
    return m.bias if isinstance(m.bias, torch.Tensor) else 0.0


def _fused(layer: Any) -> Dict[str, Any]:
    return {"fused": fused_activation(layer.activation)}


def _unfused(layer: Any) -> Dict[str, Any]:
    return {"fused": None}


def _dense(m: Any, x: torch.Tensor) -> torch.Tensor:
    return _activate(m, TF.dense(x, m.weight, _bias(m), m.fused or "identity"))


def _conv_settings(layer: Any) -> Dict[str, Any]:
    fused = fused_activation(layer.activation) if getattr(layer, "_fuses", False) else None
    return {"window": layer.window, "fused": fused, "groups": getattr(layer, "groups", 1)}


def _conv(m: Any, x: torch.Tensor) -> torch.Tensor:
    w = m.window
    if w.symmetric:
        y = TF.conv2d(x, m.weight, _bias(m), w.stride, w.pad, w.dilation,
                      m.fused or "identity", groups=m.groups)
    else:  # per-side padding (pad="same" of an even kernel, a 4-tuple)
        y = TF.FUSED[m.fused or "identity"](
            FL.conv2d_grouped(x, m.weight, _bias(m), w.stride, w.pads, w.dilation, m.groups))
    return _activate(m, y)


def _conv_transpose(m: Any, x: torch.Tensor) -> torch.Tensor:
    w = m.window
    if w.symmetric and m.groups == 1 and tuple(m.outpad) == (0, 0):
        y = TF.conv_transpose2d(x, m.weight, _bias(m), w.stride, w.pad, w.dilation)
    else:
        y = FL.conv_transpose2d_grouped(x, m.weight, _bias(m), w.stride, w.pads, w.dilation,
                                        m.groups, m.outpad)
    return _activate(m, y)


def _window(layer: Any) -> Dict[str, Any]:
    return {"window": layer.window}


def _window_unfused(layer: Any) -> Dict[str, Any]:
    return {"window": layer.window, "fused": None}


def _maxpool(m: Any, x: torch.Tensor) -> torch.Tensor:
    w = m.window
    return TF.maxpool2d(x, w.kernel, w.stride, w.pad)


def _meanpool(m: Any, x: torch.Tensor) -> torch.Tensor:
    w = m.window
    return TF.meanpool2d(x, w.kernel, w.stride, w.pad)


def _spatial(x: torch.Tensor) -> tuple[int, ...]:
    return tuple(range(2, x.ndim))


def _global_max(m: Any, x: torch.Tensor) -> torch.Tensor:
    return torch.amax(x, dim=_spatial(x), keepdim=True)


def _global_mean(m: Any, x: torch.Tensor) -> torch.Tensor:
    return torch.mean(x, dim=_spatial(x), keepdim=True)


def _adaptive_mean(m: Any, x: torch.Tensor) -> torch.Tensor:
    return TF.adaptive_mean_pool(x, m.out)


def _flatten(m: Any, x: torch.Tensor) -> torch.Tensor:
    return torch.flatten(x, 1)


def _batchnorm(m: Any, x: torch.Tensor) -> torch.Tensor:
    training = m.training
    y = TF.batchnorm(x, m.weight, m.bias, m.running_mean, m.running_var, training, m.eps)
    if training:
        # typedflux's update (and PyTorch's): the unbiased batch variance, by momentum.
        with torch.no_grad():
            dims = (0,) + _spatial(x)
            count = x.numel() // max(int(x.shape[1]), 1)
            mean = x.mean(dim=dims)
            var = x.var(dim=dims, unbiased=True) if count > 1 else torch.zeros_like(mean)
            mo = m.momentum
            m.running_mean.copy_((1 - mo) * m.running_mean + mo * mean)
            m.running_var.copy_((1 - mo) * m.running_var + mo * var)
    return _activate(m, y)


def _layernorm(m: Any, x: torch.Tensor) -> torch.Tensor:
    return TF.layernorm(x, m.weight, m.bias, m.eps)


def dropout_mask(p: float, x: torch.Tensor) -> torch.Tensor:
    """typedflux's dropout mask for ``x``: keep where a uniform draw is ``>= p``, scaled by
    ``1/(1-p)`` (zeros for ``p == 1``), drawn from torch's generator.

    >>> torch.manual_seed(0); m = dropout_mask(0.5, torch.ones(1000))
    <torch._C.Generator object at ...>
    >>> sorted(set(m.tolist())), 400 < int((m == 0).sum()) < 600
    ([0.0, 2.0], True)
    """
    if p >= 1.0:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, device=x.device) >= p
    return keep.to(x.dtype) / (1.0 - p)


def _dropout(m: Any, x: torch.Tensor) -> torch.Tensor:
    if not m.training or m.p == 0.0:
        return x
    return TF.dropout(x, dropout_mask(m.p, x))


def _embedding(m: Any, ids: torch.Tensor) -> torch.Tensor:
    return TF.embedding(ids, m.weight)


def _recurrent(zero: Callable[..., torch.Tensor], given: Callable[..., torch.Tensor]
               ) -> Callable[..., Any]:
    """RNN's and GRU's forward: ``m(x)`` or ``m(x, state)``; with ``return_state``,
    ``(y, last state)`` (the start for an empty sequence)."""

    def forward(m: Any, x: torch.Tensor, state: Optional[torch.Tensor] = None) -> Any:
        args = (x, m.weight_ih, m.weight_hh, m.bias)
        y = zero(*args) if state is None else given(*args, state)
        if not m.return_state:
            return y
        n, hidden = int(x.shape[0]), int(m.weight_hh.shape[1])
        if int(y.shape[1]) > 0:
            return y, y[:, -1]
        start = state if state is not None else x.new_zeros(hidden)
        return y, start.expand(n, hidden)

    return forward


_rnn = _recurrent(TF.rnn_sequence, FL.rnn_state)
_gru = _recurrent(TF.gru_sequence, FL.gru_state)


def _lstm(m: Any, x: torch.Tensor, state: Any = None) -> Any:
    if state is None and not m.return_state:
        return TF.lstm_sequence(x, m.weight_ih, m.weight_hh, m.bias)
    k, n = int(m.weight_hh.shape[1]), int(x.shape[0])
    h0, c0 = state if state is not None else (x.new_zeros(k), x.new_zeros(k))
    out = FL.lstm_state(x, m.weight_ih, m.weight_hh, m.bias, h0, c0)
    y = out[:, :, :k]
    if not m.return_state:
        return y
    if int(out.shape[1]) == 0:
        return y, (h0.expand(n, k), c0.expand(n, k))
    return y, (out[:, -1, :k], out[:, -1, k:])


def _groupnorm(m: Any, x: torch.Tensor) -> torch.Tensor:
    return _activate(m, FL.groupnorm(x, m.weight, m.bias, m.groups, m.eps))


def _instancenorm(m: Any, x: torch.Tensor) -> torch.Tensor:
    rm, rv = m.running_mean, m.running_var
    if rm is not None and not m.training:
        # Test mode with tracked statistics: normalise with them (typedflux's, PyTorch's).
        y = F.batch_norm(x, rm, rv, m.weight, m.bias, False, 0.0, m.eps)
    else:
        y = F.group_norm(x, int(x.shape[1]), m.weight, m.bias, m.eps)
        if rm is not None and m.training and x.numel():
            # typedflux's update: the batch's mean of instance means and of unbiased
            # instance variances, by momentum.
            with torch.no_grad():
                flat = x.reshape(int(x.shape[0]), int(x.shape[1]), -1)
                mean = flat.mean(dim=(0, 2))
                var = (flat.var(dim=2, unbiased=True).mean(dim=0) if flat.shape[2] > 1
                       else torch.zeros_like(mean))
                mo = m.momentum
                rm.copy_((1 - mo) * rm + mo * mean)
                rv.copy_((1 - mo) * rv + mo * var)
    return _activate(m, y)


def _upsample(m: Any, x: torch.Tensor) -> torch.Tensor:
    h, w = int(x.shape[2]), int(x.shape[3])
    size = tuple(m.size) if m.size is not None else (h * m.scale[0], w * m.scale[1])
    if m.mode == "nearest":
        return F.interpolate(x, size=size, mode="nearest")
    return F.interpolate(x, size=size, mode="bilinear", align_corners=m.align_corners)


def _pixel_shuffle(m: Any, x: torch.Tensor) -> torch.Tensor:
    return F.pixel_shuffle(x, m.r)


def _bilinear(m: Any, x: Any, y: Any = None) -> torch.Tensor:
    if y is None and isinstance(x, tuple):
        x, y = x
    return _activate(m, FL.bilinear(x, x if y is None else y, m.weight, _bias(m)))


def _maxout(m: Any, x: Any) -> Any:
    layers = list(m.layers)
    out = layers[0](x)
    for layer in layers[1:]:
        out = torch.maximum(out, layer(x))
    return out


def _pairwise_fusion(m: Any, *xs: Any) -> Any:
    if len(xs) == 1 and isinstance(xs[0], tuple):
        xs = xs[0]
    layers = list(m.layers)
    if len(xs) not in (1, len(layers)):
        raise TypeError(f"{m.tf_repr} has {len(layers)} layers but was called with "
                        f"{len(xs)} inputs (one input, or one per layer)")
    ins = list(xs) if len(xs) == len(layers) else [xs[0]] * len(layers)
    outs: list[Any] = []
    for i, (layer, x) in enumerate(zip(layers, ins)):
        outs.append(layer(m.connection(outs[-1], x) if i else x))
    return tuple(outs)


def _attention(m: Any, q: torch.Tensor, k: Optional[torch.Tensor] = None,
               v: Optional[torch.Tensor] = None, *, mask: Any = None) -> torch.Tensor:
    if k is None and v is None:
        k = v = q
    elif k is None or v is None:
        raise TypeError(f"{m.tf_repr} takes mha(x) or mha(q, k, v), not two inputs")
    if mask is not None and not isinstance(mask, torch.Tensor):
        mask = torch.as_tensor(mask.data if isinstance(mask, Tensor) else mask)
    if mask is not None:
        mask = mask.to(device=q.device, dtype=torch.bool)
    y = TF.attention(m.q_proj(q), m.k_proj(k), m.v_proj(v), m.nheads, mask)
    return m.out_proj(y)  # type: ignore[no-any-return]


def _all_layers(container: Any) -> Dict[str, Any]:
    # Every item of a Chain or Parallel runs: one that is not a layer cannot be skipped.
    items = container.layers
    for item in items.values() if isinstance(items, dict) else items:
        if not is_layer(item):
            raise TorchExportError(f"cannot export {type(item).__name__} ({item!r:.60}): it is "
                                   f"not a layer (not callable, holds no tensors)")
    return {}


def _chain(m: Any, x: Any) -> Any:
    for layer in m.layers:
        x = layer(x)
    return x


def _skip(m: Any, x: Any) -> Any:
    return m.connection(m.layer(x), x)


def _parallel(m: Any, *xs: Any) -> Any:
    layers = list(m.layers)
    if len(xs) == 1:
        return m.connection(*(layer(xs[0]) for layer in layers))
    if len(xs) != len(layers):
        raise TypeError(f"{m.tf_repr} has {len(layers)} layers but was called with "
                        f"{len(xs)} inputs")
    return m.connection(*(layer(x) for layer, x in zip(layers, xs)))


EXPORTS: Dict[Type[Any], Export] = {
    L.Dense: Export(_dense, _fused),
    L.Conv: Export(_conv, _conv_settings),
    L.ConvTranspose: Export(_conv_transpose, _window_unfused),
    L.GroupNorm: Export(_groupnorm, _unfused),
    L.InstanceNorm: Export(_instancenorm, _unfused),
    L.Upsample: Export(_upsample),
    L.PixelShuffle: Export(_pixel_shuffle),
    L.Bilinear: Export(_bilinear, _unfused),
    L.Maxout: Export(_maxout, _all_layers),
    L.PairwiseFusion: Export(_pairwise_fusion, _all_layers),
    L.MaxPool: Export(_maxpool, _window),
    L.MeanPool: Export(_meanpool, _window),
    L.GlobalMaxPool: Export(_global_max),
    L.GlobalMeanPool: Export(_global_mean),
    L.AdaptiveMeanPool: Export(_adaptive_mean),
    L.Flatten: Export(_flatten),
    L.BatchNorm: Export(_batchnorm, _unfused),
    L.LayerNorm: Export(_layernorm),
    L.Dropout: Export(_dropout),
    L.Embedding: Export(_embedding),
    L.RNN: Export(_rnn),
    L.LSTM: Export(_lstm),
    L.GRU: Export(_gru),
    L.MultiHeadAttention: Export(_attention),
    L.Chain: Export(_chain, _all_layers),
    L.SkipConnection: Export(_skip),
    L.Parallel: Export(_parallel, _all_layers),
}
"""Layer class (exactly; a subclass is a user's layer) -> its PyTorch forward."""
