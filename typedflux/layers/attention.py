"""Multi-head attention over batch-first sequences (``Tensor[B, T, d]``).

>>> import typedflux as tf
>>> mha = MultiHeadAttention(64, 8)
>>> mha, mha(tf.ones(2, 5, 64)).shape
(MultiHeadAttention(64, nheads=8), (2, 5, 64))
"""

from __future__ import annotations

import math
from typing import Any, Generic, Optional, Tuple

import numpy as np
from typing_extensions import TypeVar, Unpack

from typedflux.layers.basic import Dense
from typedflux.layers.core import Layer
from typedflux.ops.elementwise import where
from typedflux.ops.nn import softmax
from typedflux.shapes.layers import LAYERS, AttentionConfig
from typedflux.tensor import Tensor

__all__ = ["MultiHeadAttention"]

# Size parameters are covariant: a list of layers of several sizes ([Dense(4, 8),
# Dense(8, 2)]) joins to one with unknown sizes (Dense[int, int]), not to object.
D = TypeVar("D", bound=int, default=Any, covariant=True)
B = TypeVar("B", bound=int, default=Any)
Tq = TypeVar("Tq", bound=int, default=Any)
Tk = TypeVar("Tk", bound=int, default=Any)
# The output has the query's own feature size (the layer rule checks it equals ``d``).
Dq = TypeVar("Dq", bound=int)

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


class MultiHeadAttention(Layer, Generic[D]):
    """``MultiHeadAttention(d, nheads)``: ``mha(x)`` (self-attention) or ``mha(q, k, v)``
    with ``q Tensor[B, Tq, d]``, ``k, v Tensor[B, Tk, d]`` gives ``Tensor[B, Tq, d]``.

    Each head ``h`` computes ``softmax(q_h @ k_h.T / sqrt(d/nheads)) @ v_h`` on the
    projections ``q_proj(q)``, ``k_proj(k)``, ``v_proj(v)`` (``Dense(d => d, bias=False)``
    as in Flux); the heads are concatenated and mixed by ``out_proj`` (``Dense(d => d)``).
    ``d`` must be divisible by ``nheads`` (checked when built, by mypy too).

    - ``mask``: optional bool tensor broadcastable to ``Tensor[B, nheads, Tq, Tk]`` (e.g. a
      causal ``Tensor[Tq, Tk]``); positions where it is False get no attention. Any other
      dtype is a TypeError (a float mask is not added to the scores as in PyTorch). A query
      whose keys are all masked attends to nothing: its heads' output is 0 (so its result is
      ``out_proj``'s bias), with finite gradients, as PyTorch's scaled-dot-product attention.

    >>> import typedflux as tf
    >>> MultiHeadAttention(10, 3)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerArgumentError: Invalid arguments for "MultiHeadAttention": d = 10, nheads = 3; need d divisible by nheads (10 % 3 = 1)
    >>> MultiHeadAttention(8, 2)(tf.ones(2, 5, 8), tf.ones(2, 7, 8), tf.ones(2, 7, 8)).shape
    (2, 5, 8)
    """

    spec = LAYERS["MultiHeadAttention"]

    def __init__(self, d: int, nheads: int = 8) -> None:
        a = self._configure(d, nheads)  # validates divisibility before any allocation
        d, self.nheads = a["d"], a["nheads"]
        self.q_proj: Dense[Any, Any] = Dense(d, d, bias=False)
        self.k_proj: Dense[Any, Any] = Dense(d, d, bias=False)
        self.v_proj: Dense[Any, Any] = Dense(d, d, bias=False)
        self.out_proj: Dense[Any, Any] = Dense(d, d)

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.q_proj.weight.shape[0], self.nheads)

    @property
    def config(self) -> AttentionConfig:
        """The layer's sizes as the shape checker sees them.

        >>> import typedflux as tf
        >>> tf.MultiHeadAttention(16, 4).config
        AttentionConfig(d=16, nheads=4)
        """
        return super().config  # type: ignore[return-value]

    def _heads(self, x: AnyTensor) -> AnyTensor:
        b, t, d = x.shape
        return x.reshape(b, t, self.nheads, d // self.nheads).transpose(0, 2, 1, 3)

    def __call__(
        self, q: Tensor[B, Tq, Dq], k: Optional[Tensor[B, Tk, Dq]] = None,
        v: Optional[Tensor[B, Tk, Dq]] = None, *, mask: Optional[Any] = None,
    ) -> Tensor[B, Tq, Dq]:
        if k is None and v is None:
            kx: Any = q
            vx: Any = q
        elif k is None or v is None:
            raise TypeError(f"{self!r} takes mha(x) or mha(q, k, v), not two inputs")
        else:
            kx, vx = k, v
        cfg = self.config
        cfg.rule3(self._shape_of(q), self._shape_of(kx), self._shape_of(vx))
        qh = self._heads(self.q_proj(q))
        kh = self._heads(self.k_proj(kx))
        vh = self._heads(self.v_proj(vx))
        scale = 1.0 / math.sqrt(qh.shape[-1])
        scores = (qh @ kh.swapaxes(-1, -2)) * scale
        if mask is not None:
            _check_mask(self, mask)
            # The mask against the scores, in the layer's words (before where() names parts).
            shape = mask.shape if isinstance(mask, Tensor) else np.shape(mask)
            cfg.mask_rule(self._shape_of(q), self._shape_of(kx), tuple(shape))
            # A large finite negative (not -inf) keeps a fully masked row finite.
            scores = where(mask, scores, -1e9)
            # ... and its weights are then 0, not uniform over the keys it may not see
            # (elsewhere masked weights underflow to 0 already: this changes nothing there).
            weights = where(mask, softmax(scores, axis=-1), 0.0)
        else:
            weights = softmax(scores, axis=-1)
        heads = (weights @ vh).transpose(0, 2, 1, 3)
        b, tq = q.shape[0], q.shape[1]
        return self.out_proj(heads.reshape(b, tq, cfg.dim))


def _check_mask(layer: Any, mask: Any) -> None:
    # Only a bool mask says which positions to attend: a float one would be read as "nonzero
    # is True" (an additive PyTorch attn_mask of 0 and -inf inverted, NaN attending).
    data = mask.data if isinstance(mask, Tensor) else mask
    if not isinstance(data, np.ndarray) or data.dtype != np.bool_:
        got = (f"a {data.dtype} {type(mask).__name__}" if isinstance(data, np.ndarray)
               else f"{type(mask).__name__}")
        raise TypeError(
            f"{layer!r}: mask must be a bool tensor, True where attention is allowed (a causal "
            f"mask is tf.tril(tf.ones(T, T)) > 0), got {got}; a float mask is not added to "
            "the scores as PyTorch's attn_mask is")
