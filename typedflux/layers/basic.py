"""Basic layers: Dense, Flatten, Dropout, Embedding.

Flux's names and behaviour, PyTorch's parameter names and layouts (``Dense.weight`` is
``(out, in)``), batch-first tensors. Every layer checks its input shape with the layer rule
of its spec (:mod:`typedflux.shapes.layers_basic`) before computing.

>>> import typedflux as tf
>>> Dense(784, 32, tf.relu)(tf.ones(16, 784)).shape
(16, 32)
"""

from __future__ import annotations

from typing import Any, Callable, Generic, Optional, Tuple

import numpy as np
from typing_extensions import TypeVar, TypeVarTuple, Unpack

from typedflux.engine.tape import _ACTIVE, id_on
from typedflux.layers.core import (
    _FUSED_BY_ID,
    Layer,
    active,
    fused_activation,
    glorot_uniform,
    randn32,
    zeros32,
)
from typedflux.ops import basic_nn as F
from typedflux.ops.kernels.dense import weight_layout
from typedflux.ops.creation import rng_or
from typedflux.ops.nn import identity
from typedflux.shapes.layers import LAYERS
from typedflux.tensor import Tensor

__all__ = ["Dense", "Flatten", "Dropout", "Embedding"]

# Size parameters are covariant: a list of layers of several sizes ([Dense(4, 8),
# Dense(8, 2)]) joins to one with unknown sizes (Dense[int, int]), not to object.
In = TypeVar("In", bound=int, default=Any, covariant=True)
Out = TypeVar("Out", bound=int, default=Any, covariant=True)
V = TypeVar("V", bound=int, default=Any, covariant=True)
D = TypeVar("D", bound=int, default=Any, covariant=True)
B = TypeVar("B", bound=int, default=Any)
Bs = TypeVarTuple("Bs")
Rest = TypeVarTuple("Rest")

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


# -- Dense ------------------------------------------------------------------------------------


class Dense(Layer, Generic[In, Out]):
    """``Dense(in, out, activation=identity, bias=True)``: ``Tensor[*Bs, in] -> Tensor[*Bs,
    out]``, ``y = activation(x @ weight.T + bias)``.

    - ``weight``: ``Tensor[out, in]`` (PyTorch layout, C-ordered), Glorot-uniform
      initialised; its gradient comes in the same layout. An array
      assigned to ``weight`` (a tied or loaded-by-hand weight) is used as it lies, in either
      order (never copied: a tie stays a tie); ``tf.load`` and ``from_torch`` copy into the
      existing array, which keeps its layout.
    - ``bias``: ``Tensor[out]`` of zeros, or None with ``bias=False``.
    - ``identity``, ``relu``, ``tanh`` and ``sigmoid`` are fused into one primitive.

    >>> import typedflux as tf
    >>> d = Dense(784, 32, tf.relu)
    >>> d, d.weight.shape
    (Dense(784 => 32, relu), (32, 784))
    >>> d(tf.ones(16, 100))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerInputError: Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; need size 784 at axis -1 (got 100)
    """

    spec = LAYERS["Dense"]
    # Typed by the layer's sizes, so mypy checks their use (weight tying: h @ w.T).
    weight: Tensor[Out, In]
    bias: Optional[Tensor[Out]]

    def __init__(
        self,
        in_features: int,
        out_features: int,
        activation: Callable[..., Any] = identity,
        bias: bool = True,
    ) -> None:
        a = self._configure(in_features, out_features, activation, bias)
        # C-ordered [out, in]: the eager step's faster layout on the AVX-512 kernels
        # (ops/kernels/dense.py weight_layout); the values are the same draws.
        self.weight = Tensor(weight_layout(glorot_uniform(a["out_features"],
                                                          a["in_features"]).data))
        self.bias = zeros32(a["out_features"]) if a["bias"] else None
        self.activation = activation

    def _arguments(self) -> Tuple[Any, ...]:
        out, inp = self.weight.shape
        return (inp, out, self.activation, self.bias is not None)

    def _key(self) -> Any:
        w = self.weight
        return (w.data.shape if type(w) is Tensor else w.shape, self.activation, self.bias is None)

    def __call__(self, x: Tensor[Unpack[Bs], In]) -> Tensor[Unpack[Bs], Out]:
        self.check(x)  # the layer rule (memoised per input shape): errors name this layer
        act = self.activation
        b: Any = self.bias if self.bias is not None else 0.0
        # The dense primitive directly (F.dense would add a call and its own tape test).
        tape = _ACTIVE.get()
        grad_x = tape is not None and isinstance(x, Tensor) and (
            x._tape is tape or (x._tape is not None and id_on(tape, x) >= 0)
        )
        fused = _FUSED_BY_ID.get(id(act)) if _FUSED_BY_ID else fused_activation(act)
        if fused is not None:
            return F.p_dense.invoke(x, self.weight, b, fused, grad_x)
        return act(F.p_dense.invoke(x, self.weight, b, "identity", grad_x))  # type: ignore[no-any-return]


# -- shape-only and simple layers -------------------------------------------------------------


class Flatten(Layer):
    """``Flatten()``: ``Tensor[B, *Rest] -> Tensor[B, prod(Rest)]`` (all but the batch axis).

    >>> import typedflux as tf
    >>> Flatten()(tf.ones(2, 8, 13, 13)).shape
    (2, 1352)
    """

    spec = LAYERS["Flatten"]

    def __init__(self) -> None:
        self._configure()

    def _arguments(self) -> Tuple[Any, ...]:
        return ()

    def __call__(self, x: Tensor[B, Unpack[Rest]]) -> Tensor[B, Any]:
        out = self.check(x)
        return x.reshape(*out)


class Dropout(Layer):
    """``Dropout(p, training=None, rng=None)``: zeroes each entry with probability ``p`` and scales the rest by
    ``1/(1-p)``; any shape to the same shape.

    - ``training``: ``None`` (default, "auto") drops only while a gradient is being taken
      (``tf.gradient``/``tf.train``); ``True``/``False`` force it on/off
      (``tf.trainmode``/``tf.testmode`` set this). The gradient uses the same mask.
    - ``rng``: the ``numpy.random.Generator`` the masks are drawn from (Flux's
      ``Dropout(p; rng)``). ``None`` (default): ``tf.rng()``, the generator ``tf.seed``
      resets, which is one for the whole process: threads training at once share it, so
      their masks depend on scheduling. A thread that must be reproducible gives each of its
      Dropout layers its own generator. ``tf.compile`` draws fresh masks from it at every
      replay, the numbers an eager step would take. Not a tensor: checkpoints and the model
      walk leave it alone.

    >>> import numpy as np
    >>> import typedflux as tf
    >>> d = Dropout(0.5)
    >>> d, d(tf.ones(3)).numpy().tolist()
    (Dropout(0.5), [1.0, 1.0, 1.0])
    >>> a = Dropout(0.5, True, rng=np.random.default_rng(7))
    >>> b = Dropout(0.5, True, rng=np.random.default_rng(7))
    >>> bool((a(tf.ones(8)) == b(tf.ones(8))).numpy().all())
    True
    """

    spec = LAYERS["Dropout"]

    def __init__(self, p: float, training: Optional[bool] = None,
                 rng: Optional[np.random.Generator] = None) -> None:
        self._configure(p, training, rng)
        self.p = p
        self.training = training
        self.rng = rng

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.p, self.training, self.rng)

    def __call__(self, x: Tensor[Unpack[Bs]]) -> Tensor[Unpack[Bs]]:
        self._shape_of(x)
        if not active(self.training) or self.p == 0.0:
            return x
        shape = x.shape if isinstance(x, Tensor) else np.shape(x)
        # A float mask even for integer input: 1/(1-p) truncated to an int would be wrong.
        dtype = x.dtype if isinstance(x, Tensor) and x.dtype.kind == "f" else np.float32
        if self.p == 1.0:
            mask = np.zeros(shape, dtype=dtype)
        else:
            keep = rng_or(self.rng).random(shape) >= self.p
            mask = (keep / (1.0 - self.p)).astype(dtype)
        return F.dropout(x, mask)


class Embedding(Layer, Generic[V, D]):
    """``Embedding(vocab, dim)``: int ``Tensor[*Bs] -> Tensor[*Bs, dim]``, row lookup.

    - ``weight``: ``Tensor[vocab, dim]`` (PyTorch layout), standard-normal initialised.
      Its gradient is a scatter-add (repeated tokens add up). Ids outside ``0..vocab-1``
      raise ``IndexError``.

    >>> import typedflux as tf
    >>> e = Embedding(1000, 64)
    >>> e, e(tf.tensor([[1, 2, 3]])).shape
    (Embedding(1000 => 64), (1, 3, 64))
    """

    spec = LAYERS["Embedding"]
    weight: Tensor[V, D]  # typed by the layer's sizes (a tied output layer: h @ weight.T)

    def __init__(self, vocab: int, dim: int) -> None:
        a = self._configure(vocab, dim)
        self.weight = randn32(a["vocab"], a["dim"])

    def _arguments(self) -> Tuple[Any, ...]:
        v, d = self.weight.shape
        return (v, d)

    def __call__(self, ids: Tensor[Unpack[Bs]]) -> Tensor[Unpack[Bs], D]:
        self.check(ids)
        return F.embedding(ids, self.weight)


# The containers moved to typedflux.layers.containers, the callable helpers to
# typedflux.layers.callables; these names stay importable from here.
from typedflux.layers.callables import layer_repr, shape_item  # noqa: E402
from typedflux.layers.containers import Chain, Parallel, SkipConnection, output_shape  # noqa: E402
