"""Basic layers: Dense, Chain, Flatten, Dropout, SkipConnection, Parallel, Embedding.

Flux's names and behaviour, PyTorch's parameter names and layouts (``Dense.weight`` is
``(out, in)``), batch-first tensors. Every layer checks its input shape with the layer rule
of :mod:`typedflux.shapes.layers` before computing, and a :class:`Chain` re-words a failing
layer's error with its position and the layer feeding it.

>>> import typedflux as tf
>>> model = Chain(Dense(784, 32, tf.relu), Dense(32, 10))
>>> model
Chain(Dense(784 => 32, relu), Dense(32 => 10))
>>> model(tf.ones(16, 784)).shape
(16, 10)
"""

from __future__ import annotations

from typing import (
    Any,
    Callable,
    Dict,
    Generic,
    Iterator,
    List,
    Optional,
    Tuple,
    Union,
    overload,
)

import numpy as np
from typing_extensions import TypeVar, TypeVarTuple, Unpack

from typedflux.engine.tape import _ACTIVE
from typedflux.layers.core import (
    _FUSED_BY_ID,
    Layer,
    active,
    fused_activation,
    glorot_uniform,
    randn32,
    zeros32,
)
from typedflux.ops import layers_nn as F
from typedflux.ops.creation import rng
from typedflux.ops.nn import identity
from typedflux.shapes import compose, messages
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layers import (
    LAYERS,
    ChainItem,
    LayerConfig,
    Shape,
    chain_repr,
    check_chain,
    parallel_repr,
    reword_in_chain,
    skip_repr,
)
from typedflux.tensor import Tensor

__all__ = [
    "Dense",
    "Chain",
    "Flatten",
    "Dropout",
    "SkipConnection",
    "Parallel",
    "Embedding",
    "shape_item",
    "layer_repr",
    "output_shape",
]

In = TypeVar("In", bound=int, default=Any)
Out = TypeVar("Out", bound=int, default=Any)
V = TypeVar("V", bound=int, default=Any)
D = TypeVar("D", bound=int, default=Any)
B = TypeVar("B", bound=int, default=Any)
Bs = TypeVarTuple("Bs")
Rest = TypeVarTuple("Rest")
Layers = TypeVarTuple("Layers")

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


def layer_repr(layer: Any) -> str:
    """How a layer or connection is named in reprs and messages: a layer's repr, a
    function's name (``relu``, ``add``).

    >>> import typedflux as tf
    >>> layer_repr(tf.relu), layer_repr(Dense(2, 3))
    ('relu', 'Dense(2 => 3)')
    """
    if isinstance(layer, (Layer, Chain, SkipConnection, Parallel)):
        return repr(layer)
    name = getattr(layer, "__name__", None)
    return name if isinstance(name, str) else repr(layer)


def _op_spec(fn: Any) -> Any:
    """The op spec of a typedflux function (``tf.relu``), found by its public name."""
    name = getattr(fn, "__name__", None)
    module = getattr(fn, "__module__", "") or ""
    if not isinstance(name, str) or not module.startswith("typedflux"):
        return None
    return compose.function_spec(name)


def _spec_rule(fn: Any) -> Optional[Callable[[Shape], Shape]]:
    """The shape rule of a typedflux function used as a layer (``tf.relu``), if any."""
    spec = _op_spec(fn)
    return None if spec is None else compose.op_layer_rule(spec)


def shape_item(layer: Any) -> ChainItem:
    """How a Chain's shape checks see a layer: its config, ``(name, rule)``, or None.

    >>> import typedflux as tf
    >>> shape_item(Dense(2, 3)).repr(), shape_item(tf.relu)[0], shape_item(lambda x: x)
    ('Dense(2 => 3)', 'relu', None)
    """
    if isinstance(layer, Layer):
        try:
            return layer.config
        except NotImplementedError:
            return None
    if isinstance(layer, (Chain, SkipConnection, Parallel)):
        return (repr(layer), layer.output_shape)
    rule = _spec_rule(layer)
    if rule is not None:
        return (layer_repr(layer), rule)
    return None


def output_shape(layer: Any, shape: Shape) -> Shape:
    """The output shape of any layer for an input shape, from shape rules only; for a
    callable with no rule, it runs the callable on zeros of that shape.

    >>> import typedflux as tf
    >>> output_shape(Chain(Dense(4, 3), tf.relu), (2, 4))
    (2, 3)
    """
    shape = tuple(shape)
    item = shape_item(layer)
    if isinstance(item, LayerConfig):
        return item.rule(shape)
    if item is not None:
        return item[1](shape)
    if all(isinstance(d, int) for d in shape):
        # No rule is known for an arbitrary callable: run it on a dummy input.
        y = layer(Tensor(np.zeros(shape, dtype=np.float32)))
        return tuple(y.shape)
    raise CannotTell(f"no shape rule for {layer_repr(layer)}")


# -- Dense ------------------------------------------------------------------------------------


class Dense(Layer, Generic[In, Out]):
    """``Dense(in, out, activation=identity, bias=True)``: ``Tensor[*Bs, in] -> Tensor[*Bs,
    out]``, ``y = activation(x @ weight.T + bias)``.

    - ``weight``: ``Tensor[out, in]`` (PyTorch layout), Glorot-uniform initialised.
    - ``bias``: ``Tensor[out]`` of zeros, or None with ``bias=False``.
    - ``identity``, ``relu``, ``tanh`` and ``sigmoid`` are fused into one primitive.

    >>> import typedflux as tf
    >>> d = Dense(784, 32, tf.relu)
    >>> d, d.weight.shape
    (Dense(784 => 32, relu), (32, 784))
    >>> d(tf.ones(16, 100))
    Traceback (most recent call last):
    ...
    typedflux.shapes.layer_spec.LayerInputError: Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; need size 784 at axis -1 (got 100)
    """

    spec = LAYERS["Dense"]
    weight: AnyTensor
    bias: Optional[AnyTensor]

    def __init__(
        self,
        in_features: int,
        out_features: int,
        activation: Callable[..., Any] = identity,
        bias: bool = True,
    ) -> None:
        a = self._configure(in_features, out_features, activation, bias)
        self.weight = glorot_uniform(a["out_features"], a["in_features"])
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
        tape = _ACTIVE[0]
        grad_x = tape is not None and isinstance(x, Tensor) and x._tape is tape
        fused = _FUSED_BY_ID.get(id(act)) if _FUSED_BY_ID else fused_activation(act)
        if fused is not None:
            return F.p_dense.invoke(x, self.weight, b, fused, grad_x)
        return act(F.p_dense.invoke(x, self.weight, b, "identity", grad_x))  # type: ignore[no-any-return]


# -- Chain ------------------------------------------------------------------------------------


def _require_callable(owner: str, name: str, value: Any) -> None:
    if not callable(value):
        raise TypeError(messages.wrong_layer_argument_type(
            owner, name, value, "a layer or function (any callable)"))


def _is_container(layer: Any) -> bool:
    return isinstance(layer, (Chain, SkipConnection, Parallel))


class Chain(Generic[Unpack[Layers]]):
    """``Chain(*layers)`` or ``Chain(name=layer, ...)``: applies the layers in order.

    Adjacent layers with known sizes are checked when the Chain is built (docs/design.md's
    ``Chain(Dense(784, 32, relu), Dense(64, 10))`` raises ``ShapeError`` at once) and again
    when called: a failing layer is named by its position and repr, with the shape flowing
    in. Index with ``chain[0]``, slice, ``len``, iterate; named layers by attribute.

    - ``layers``: a tuple of the layers, or a dict for a named Chain (so gradients and saved
      files read ``layers.0.weight`` / ``layers.enc.weight``).

    >>> import typedflux as tf
    >>> Chain(Dense(784, 32, tf.relu), Dense(64, 10))
    Traceback (most recent call last):
    ...
    typedflux.shapes.layer_spec.LayerInputError: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)
    >>> ae = Chain(enc=Dense(4, 2), dec=Dense(2, 4))
    >>> ae.enc, len(ae), ae(tf.ones(3, 4)).shape
    (Dense(4 => 2), 2, (3, 4))
    """

    layers: Union[Tuple[Any, ...], Dict[str, Any]]

    def __init__(self, *layers: Unpack[Layers], **named: Any) -> None:
        if layers and named:
            raise TypeError("Chain takes positional layers or named layers, not both")
        for name in named:
            if name in ("layers", "config") or name.startswith("_"):
                raise ValueError(f"Chain: {name!r} cannot name a layer")
        self.layers = dict(named) if named else tuple(layers)
        for i, (key, item) in enumerate(zip(self._names(), self._seq()), 1):
            _require_callable("Chain", key or f"layer {i}", item)
        check_chain([shape_item(layer) for layer in self._seq()])

    def _names(self) -> Tuple[Optional[str], ...]:
        if isinstance(self.layers, dict):
            return tuple(self.layers)
        return (None,) * len(self.layers)

    def _seq(self) -> Tuple[Any, ...]:
        return tuple(self.layers.values()) if isinstance(self.layers, dict) else self.layers

    # Looked up on every tree walk (tf.freeze sets it per instance); a class default keeps
    # those lookups off the slow __getattr__ path.
    _frozen: Any = None

    def __getattr__(self, name: str) -> Any:
        # Only reached when normal lookup fails: a named layer.
        if name.startswith("_"):
            raise AttributeError(name)
        layers = self.__dict__.get("layers")
        if isinstance(layers, dict) and name in layers:
            return layers[name]
        raise AttributeError(f"Chain has no layer or attribute {name!r}")

    @overload
    def __getitem__(self, i: int) -> Any: ...

    @overload
    def __getitem__(self, i: slice) -> "Chain[Unpack[Tuple[Any, ...]]]": ...

    def __getitem__(self, i: Union[int, slice, str]) -> Any:
        if isinstance(i, str) and isinstance(self.layers, dict):
            return self.layers[i]
        seq = self._seq()
        if isinstance(i, slice):
            if isinstance(self.layers, dict):
                names = list(self.layers)[i]
                return Chain(**{n: self.layers[n] for n in names})
            return Chain(*seq[i])
        return seq[i]  # type: ignore[index]

    def __len__(self) -> int:
        return len(self._seq())

    def __iter__(self) -> Iterator[Any]:
        return iter(self._seq())

    def __repr__(self) -> str:
        names = list(self.layers) if isinstance(self.layers, dict) else None
        return chain_repr([layer_repr(layer) for layer in self._seq()], names)

    def output_shape(self, shape: Shape) -> Shape:
        """The output shape from the layer rules (errors name the failing position).

        >>> Chain(Dense(3, 4), Dense(4, 2)).output_shape((5, 3))
        (5, 2)
        """
        x = tuple(shape)
        prev: Optional[Tuple[int, Any]] = None
        for i, layer in enumerate(self._seq(), 1):
            try:
                y = output_shape(layer, x)
            except ShapeError as err:
                raise _reword(err, i, layer, prev, x) from None
            prev, x = (i, layer), y
        return x

    def __call__(self, x: Any) -> AnyTensor:
        layers = self.layers
        seq = tuple(layers.values()) if isinstance(layers, dict) else layers
        i = 0
        try:
            for layer in seq:
                x = layer(x)
                i += 1
        except ShapeError as err:
            # Layer i + 1 failed on x (the output of layer i): name both.
            prev = (i, seq[i - 1]) if i else None
            shape = tuple(x.shape) if isinstance(x, Tensor) else tuple(np.shape(x))
            raise _reword(err, i + 1, seq[i], prev, shape) from None
        return x  # type: ignore[no-any-return]


def _reword(err: ShapeError, i: int, layer: Any, prev: Optional[Tuple[int, Any]],
            x: Shape) -> ShapeError:
    """A layer's ShapeError re-worded with its Chain position and the shape flowing in."""
    before = None if prev is None else (prev[0], layer_repr(prev[1]))
    return reword_in_chain(err, i, layer_repr(layer), before, x, not _is_container(layer))


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
    """``Dropout(p)``: zeroes each entry with probability ``p`` and scales the rest by
    ``1/(1-p)``; any shape to the same shape.

    - ``training``: ``None`` (default, "auto") drops only while a gradient is being taken
      (``tf.gradient``/``tf.train``); ``True``/``False`` force it on/off
      (``tf.trainmode``/``tf.testmode`` set this). The mask comes from the generator
      ``tf.seed`` resets; the gradient uses the same mask.

    >>> import typedflux as tf
    >>> d = Dropout(0.5)
    >>> d, d(tf.ones(3)).numpy().tolist()
    (Dropout(0.5), [1.0, 1.0, 1.0])
    """

    spec = LAYERS["Dropout"]

    def __init__(self, p: float, training: Optional[bool] = None) -> None:
        self._configure(p, training)
        self.p = p
        self.training = training

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.p, self.training)

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
            keep = rng().random(shape) >= self.p
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

    def __init__(self, vocab: int, dim: int) -> None:
        a = self._configure(vocab, dim)
        self.weight = randn32(a["vocab"], a["dim"])

    def _arguments(self) -> Tuple[Any, ...]:
        v, d = self.weight.shape
        return (v, d)

    def __call__(self, ids: Tensor[Unpack[Bs]]) -> Tensor[Unpack[Bs], D]:
        self.check(ids)
        return F.embedding(ids, self.weight)


# -- combinators ----------------------------------------------------------------------------------


class SkipConnection:
    """``SkipConnection(layer, connection)``: ``connection(layer(x), x)`` (a residual block
    with ``tf.add``, a U-Net skip with ``tf.cat``).

    >>> import typedflux as tf
    >>> s = SkipConnection(Dense(3, 3), tf.add)
    >>> s, s(tf.ones(2, 3)).shape
    (SkipConnection(Dense(3 => 3), add), (2, 3))
    """

    def __init__(self, layer: Any, connection: Callable[..., Any]) -> None:
        _require_callable("SkipConnection", "layer", layer)
        _require_callable("SkipConnection", "connection", connection)
        self.layer = layer
        self.connection = connection

    def __repr__(self) -> str:
        return skip_repr(layer_repr(self.layer), layer_repr(self.connection))

    def output_shape(self, shape: Shape) -> Shape:
        """``connection``'s rule applied to the layer's output shape and the input shape."""
        inner = output_shape(self.layer, shape)
        return _connect(self.connection, [inner, tuple(shape)])

    def __call__(self, x: Any) -> AnyTensor:
        return self.connection(self.layer(x), x)  # type: ignore[no-any-return]


class Parallel:
    """``Parallel(connection, *layers)``: ``connection(*(layer(x) for layer in layers))``;
    called with one input per layer, layer ``i`` gets input ``i``.

    >>> import typedflux as tf
    >>> p = Parallel(tf.cat, Dense(2, 3), Dense(2, 4))
    >>> p, p(tf.ones(5, 2)).shape
    (Parallel(cat, Dense(2 => 3), Dense(2 => 4)), (5, 7))
    """

    def __init__(self, connection: Callable[..., Any], *layers: Any) -> None:
        if not layers:
            raise ValueError("Parallel needs at least one layer")
        _require_callable("Parallel", "connection", connection)
        for i, layer in enumerate(layers, 1):
            _require_callable("Parallel", f"layer {i}", layer)
        self.connection = connection
        self.layers = tuple(layers)

    def __repr__(self) -> str:
        return parallel_repr(layer_repr(self.connection), [layer_repr(l) for l in self.layers])

    def output_shape(self, shape: Shape) -> Shape:
        """``connection``'s rule over each branch's output shape."""
        return _connect(self.connection, [output_shape(l, shape) for l in self.layers])

    def __call__(self, *xs: Any) -> AnyTensor:
        if len(xs) == 1:
            return self.connection(*(layer(xs[0]) for layer in self.layers))  # type: ignore[no-any-return]
        if len(xs) != len(self.layers):
            raise TypeError(
                f"{self!r} has {len(self.layers)} layers but was called with {len(xs)} inputs"
            )
        return self.connection(*(layer(x) for layer, x in zip(self.layers, xs)))  # type: ignore[no-any-return]


def _connect(connection: Any, shapes: List[Shape]) -> Shape:
    """The shape a connection function gives for several input shapes."""
    spec = _op_spec(connection)
    join = None if spec is None else compose.op_connection_rule(spec)
    if join is not None:
        return join(shapes)
    if all(all(isinstance(d, int) for d in s) for s in shapes):
        ys = connection(*(Tensor(np.zeros(s, dtype=np.float32)) for s in shapes))
        return tuple(ys.shape)
    raise CannotTell(f"no shape rule for the connection {layer_repr(connection)}")
