"""The fused ``logitcrossentropy`` primitive: stable log-softmax + cross-entropy + mean/sum
in one forward, with a hand-written VJP (``softmax(yhat) * sum(y) - y``, scaled).

The public function is ``tf.losses.logitcrossentropy``; this module only binds the runtime
half (forward, VJP, gradient-check examples) to ``SPECS["logitcrossentropy"]``.

>>> import typedflux as tf
>>> logits = tf.tensor([[2.0, 0.0, -1.0]])
>>> round(p_logitcrossentropy(logits, tf.tensor([[1.0, 0.0, 0.0]]), "mean").item(), 4)
0.1698
"""

from __future__ import annotations

from typing import Any, List, Tuple

import numpy as np

from typedflux.ops.registry import Primitive, primitive

__all__ = ["p_logitcrossentropy"]


def _logsoftmax(x: Any) -> Any:
    shifted = x - np.max(x, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def _rows(x: Any) -> int:
    # The number of samples: everything but the class axis (1 for a single vector).
    return int(x.size // x.shape[-1]) if x.shape[-1] else 0


def _check_agg(agg: Any) -> None:
    if agg not in ("mean", "sum"):
        raise ValueError(f'logitcrossentropy: the fused op reduces by "mean" or "sum", got {agg!r}')


def _forward(yhat: Any, y: Any, agg: str) -> Any:
    _check_agg(agg)
    per_row = -np.sum(y * _logsoftmax(yhat), axis=-1)
    return np.mean(per_row) if agg == "mean" else np.sum(per_row)


p_logitcrossentropy: Primitive = primitive("logitcrossentropy")(_forward)


@p_logitcrossentropy.vjp
def _vjp(g: Any, out: Any, yhat: Any, y: Any, agg: str) -> Tuple[Any, ...]:
    lsm = _logsoftmax(yhat)
    # Recomputing the log-softmax costs one pass; storing it would keep an [N, C] array
    # alive on the tape for every loss evaluated.
    scale = g / max(_rows(yhat), 1) if agg == "mean" else g
    dyhat = scale * (np.exp(lsm) * np.sum(y, axis=-1, keepdims=True) - y)
    dy = -scale * lsm
    return dyhat.astype(yhat.dtype, copy=False), dy.astype(y.dtype, copy=False)


@p_logitcrossentropy.examples
def _examples() -> List[Tuple[Any, ...]]:
    r = np.random.default_rng(7)
    onehot = np.eye(4)[r.integers(0, 4, size=5)]
    soft = r.random((2, 3, 4))
    return [
        (r.standard_normal((5, 4)), onehot, "mean"),
        (r.standard_normal((5, 4)) * 30, onehot, "sum"),  # large logits: stability
        (r.standard_normal(4), soft[0, 0] / soft[0, 0].sum(), "mean"),
        (r.standard_normal((2, 3, 4)), soft, "mean"),
    ]
