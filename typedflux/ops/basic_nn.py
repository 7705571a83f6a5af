"""The fused primitives of ``layers/basic.py``: dense (matmul + bias + activation),
dropout (a saved mask) and embedding (a row lookup with a scatter-add gradient), each a
forward and a hand-written VJP side by side. The maths of dense is in
:mod:`typedflux.ops.kernels.dense`; the other layers' primitives are in
:mod:`typedflux.ops.layers_nn`.

>>> import typedflux as tf
>>> dense(tf.ones(2, 3), tf.ones(4, 3), tf.zeros(4), "relu").shape
(2, 4)
"""

from __future__ import annotations

from typing import Any, List, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.compiler.hooks import opaque
from typedflux.engine.proven import FOLDABLE, FOLDS, leave_linear, prove_linear
from typedflux.engine.tape import RUNNING, active_tape
from typedflux.ops.kernels.dense import (dense_forward, dense_vjp, dense_vjp_parts, transposed,
                                         weight_grad)
from typedflux.ops.examples import normal, rng
from typedflux.ops.layers_nn import FUSED_ACTIVATIONS, needs_grad
from typedflux.ops.registry import Primitive, primitive
from typedflux.tensor import Tensor

__all__ = ["dense", "dropout", "embedding"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
Args = List[Tuple[Any, ...]]


# The forward kernel takes the primitive's own arguments: bound directly, no wrapper call.
p_dense: Primitive = primitive("dense")(dense_forward)


@p_dense.vjp
def _dense_vjp(
    g: Any, out: Any, x: Any, w: Any, b: Any, activation: str, grad_x: bool
) -> Tuple[Any, ...]:
    # Through relu or identity the pre-activation gradient g' is g masked, so a bound from
    # ||g|| and ||x|| covers the weight gradient (g'.T @ x, made in w's layout): it is
    # proven finite here, and tf.update need not read it again (typedflux/engine/proven.py
    # has the argument). Only where reading g and x costs a fraction of reading the weight
    # gradient (a wide layer fed a small batch, like a first layer on images): elsewhere a
    # proof's calls cost more than update's one read, which also brings the gradient into
    # cache for the update's own pass. The norms are taken after the GEMMs, which leave g
    # and x in cache. (The size test first: it is the one that fails for most layers.)
    if (w.size > _PROOF_RATIO * (g.size + x.size) and x.dtype is w.dtype
            and (activation == "relu" or activation == "identity")):
        rows = g.size // g.shape[-1]
        if (FOLDS.tape is not None and activation == "relu" and id(w) in FOLDABLE
                and active_tape() is None):
            # withgradient's own backward (tf.train's too), for a weight update last stepped
            # by Descent: the weight gradient may be handed out unmade (engine/deferred.py),
            # for update to fold its step into the GEMM. (Through relu only: g2 is then a
            # fresh mask product no one else holds.)
            gx, g2, x2, gb = dense_vjp_parts(g, out, x, w, b, activation, grad_x)
            ids = RUNNING.box[0]
            if len(ids) > 1 and leave_linear(w, ids[1], g2, x2, g, x, rows):
                return gx, None, gb
            gw = weight_grad(g2, x2, transposed(w))
        else:
            gx, gw, gb = dense_vjp(g, out, x, w, b, activation, grad_x)
        prove_linear(gw, g, x, rows)
        return gx, gw, gb
    return dense_vjp(g, out, x, w, b, activation, grad_x)


# A layer's gradients are proven when its weight has more entries than this many times g and
# x together (measured on the MLP 784-256-128-10 at batch 32: benchmarks/PROFILE.md).
_PROOF_RATIO = 4


@p_dense.examples
def _dense_examples() -> Args:
    # The last example feeds x as a constant tensor with grad_x False: its VJP skips gx.
    r = rng()
    return [
        (normal((3, 4), r), normal((2, 4), r), normal((2,), r), act, True)
        for act in FUSED_ACTIVATIONS
    ] + [
        (normal((2, 3, 4), r), normal((5, 4), r), 0.0, "tanh", True),
        (normal((4,), r), normal((3, 4), r), normal((3,), r), "identity", True),
        (Tensor(normal((3, 4), r), np.float64), normal((2, 4), r), normal((2,), r), "relu",
         False),
    ]


def dense(x: Any, w: Any, b: Any = 0.0, activation: str = "identity") -> AnyTensor:
    """``act(x @ w.T + b)`` in one op: ``Tensor[*Bs, in], w Tensor[out, in], b Tensor[out]
    -> Tensor[*Bs, out]``; ``activation`` is one of ``identity, relu, tanh, sigmoid``.

    >>> import typedflux as tf
    >>> dense(tf.ones(2, 3), tf.ones(1, 3), tf.tensor([1.0])).numpy().ravel().tolist()
    [4.0, 4.0]
    """
    return p_dense.invoke(x, w, b, activation, needs_grad(x))


@primitive("dropout")
def p_dropout(x: Any, mask: Any) -> Any:
    return x * mask


@p_dropout.vjp
def _dropout_vjp(g: Any, out: Any, x: Any, mask: Any) -> Tuple[Any, ...]:
    return g * mask, None


@p_dropout.examples
def _dropout_examples() -> Args:
    # The mask is a constant (drawn by the layer), so it is passed as a tensor.
    r = rng()
    mask: AnyTensor = Tensor((r.random((3, 4)) > 0.5) / 0.5, np.float64)
    return [(normal((3, 4), r), mask)]


def dropout(x: Any, mask: Any) -> AnyTensor:
    """``x * mask`` with a saved mask (0 or ``1/(1-p)``, drawn by the Dropout layer); the
    gradient is ``g * mask`` and none flows to the mask.

    >>> import typedflux as tf
    >>> dropout(tf.ones(3), tf.tensor([0.0, 2.0, 2.0])).numpy().tolist()
    [0.0, 2.0, 2.0]
    """
    return p_dropout.invoke(x, mask)


@primitive("embedding")
def p_embedding(ids: Any, weight: Any) -> Any:
    if not isinstance(ids, np.ndarray):
        ids = np.asarray(ids)
    if ids.dtype.kind not in "iu":
        raise TypeError(f'"embedding" needs integer ids, got {ids.dtype}')
    _check_ids(ids, weight.shape[0])
    return weight[ids]


@opaque(writes=())
def _check_ids(ids: Any, vocab: int) -> None:
    # Reads the ids' values: tf.compile replays this check as one call.
    if ids.size and (ids.min() < 0 or ids.max() >= vocab):
        bad = int(ids.min()) if ids.min() < 0 else int(ids.max())
        raise IndexError(
            f'Token id out of range for "embedding": weight has {vocab} rows; need '
            f"0 <= id < {vocab} (id {bad})"
        )


@p_embedding.vjp
def _embedding_vjp(g: Any, out: Any, ids: Any, weight: Any) -> Tuple[Any, ...]:
    gw = np.zeros_like(weight, dtype=g.dtype)
    if not isinstance(ids, np.ndarray):
        ids = np.asarray(ids)
    # Scatter-add: a token used several times gets the sum of its gradients.
    np.add.at(gw, ids.reshape(-1), g.reshape(-1, weight.shape[1]))
    return None, gw


@p_embedding.examples
def _embedding_examples() -> Args:
    r = rng()
    return [(np.array([[0, 2, 2], [1, 0, 4]]), normal((5, 3), r)), (np.array(3), normal((5, 2), r))]


def embedding(ids: Any, weight: Any) -> AnyTensor:
    """Row lookup ``weight[ids]``: int ``Tensor[*Bs]``, ``weight Tensor[vocab, d] ->
    Tensor[*Bs, d]``; the weight gradient is a scatter-add.

    >>> import typedflux as tf
    >>> embedding(tf.tensor([1, 1]), tf.arange(6.0).reshape(3, 2)).numpy().tolist()
    [[2.0, 3.0], [2.0, 3.0]]
    """
    return p_embedding.invoke(ids, weight)
