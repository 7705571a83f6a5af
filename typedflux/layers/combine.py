"""Layers that combine several inputs or branches: Bilinear (two inputs), Maxout (the
elementwise maximum of its branches) and PairwiseFusion (a chain of branches fused with
the next input).

>>> import typedflux as tf
>>> Bilinear(4, 3, 2)(tf.ones(5, 4), tf.ones(5, 3)).shape
(5, 2)
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Generic, List, Optional, Sequence, Tuple, Union

from typing_extensions import TypeVar, TypeVarTuple, Unpack

from typedflux.layers.callables import call_held, join_of, layer_repr, shape_item
from typedflux.layers.core import Layer, Module, glorot_uniform, zeros32
from typedflux.ops.bilinear_nn import bilinear
from typedflux.ops.elementwise import maximum
from typedflux.ops.nn import identity
from typedflux.shapes import messages
from typedflux.shapes.chains import Item, apply_item
from typedflux.shapes.errors import CannotTell
from typedflux.shapes.fusions import (
    check_fusion,
    check_maxout,
    fusion_item,
    fusion_repr,
    fusion_shapes,
    maxout_item,
    maxout_repr,
)
from typedflux.shapes.layer_config import Several, Shape
from typedflux.shapes.layers import LAYERS
from typedflux.tensor import Tensor

__all__ = ["Bilinear", "Maxout", "PairwiseFusion"]

# Size parameters are covariant, as the other layers' (a list of layers joins to unknown sizes).
In1 = TypeVar("In1", bound=int, default=Any, covariant=True)
In2 = TypeVar("In2", bound=int, default=Any, covariant=True)
Out = TypeVar("Out", bound=int, default=Any, covariant=True)
Bs = TypeVarTuple("Bs")

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]

# Per-layer memo size for the two-input check (as Layer.check's).
_MEMO_LIMIT = 64
# Maxout(f, n) makes and holds n layers at once: a huge n would run for hours and then fail
# for memory, so it is refused up front (Maxout is used with a few layers).
MAXOUT_LIMIT = 2**16


class Bilinear(Layer, Generic[In1, In2, Out]):
    """``Bilinear(in1, in2, out, activation=identity, bias=True)``: ``b(x, y)`` maps
    ``Tensor[*Bs, in1]`` and ``Tensor[*Bs, in2]`` to ``Tensor[*Bs, out]``,
    ``z[..., o] = activation(sum_ij x[..., i] * weight[o, i, j] * y[..., j] + bias[o])``.
    ``b(x)`` is ``b(x, x)`` and ``b((x, y))`` is ``b(x, y)``, so it can join a
    ``SkipConnection`` (``connection(layer(x), x)``).

    Flux's ``Bilinear((in1, in2) => out)`` (and PyTorch's ``nn.Bilinear(in1, in2, out)``).

    - ``weight``: ``Tensor[out, in1, in2]`` (Flux's and PyTorch's layout), Glorot-uniform
      as Flux initialises it.
    - ``bias``: ``Tensor[out]`` zeros (None with ``bias=False``).

    >>> import typedflux as tf
    >>> b = Bilinear(5, 3, 7, tf.tanh)
    >>> b, b(tf.ones(4, 5), tf.ones(4, 3)).shape, Bilinear(5, 5, 2)(tf.ones(4, 5)).shape
    (Bilinear((5, 3) => 7, tanh), (4, 7), (4, 2))
    >>> b(tf.ones(4, 5), tf.ones(4, 2))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerInputError: Bilinear((5, 3) => 7, tanh) expects inputs Tensor[..., 5] and Tensor[..., 3], got Tensor[4, 5] and Tensor[4, 2]; need size 3 at axis -1 of y (got 2)
    """

    spec = LAYERS["Bilinear"]

    weight: AnyTensor
    bias: Optional[AnyTensor]

    def __init__(
        self,
        in1: int,
        in2: int,
        out: int,
        activation: Callable[..., Any] = identity,
        bias: bool = True,
    ) -> None:
        a = self._configure(in1, in2, out, activation, bias)
        self.weight = glorot_uniform(a["out"], a["in1"], a["in2"])
        self.bias = zeros32(a["out"]) if a["bias"] else None
        self.activation = activation

    def _arguments(self) -> Tuple[Any, ...]:
        out, in1, in2 = self.weight.shape
        return (in1, in2, out, self.activation, self.bias is not None)

    def output_shape(self, shape: Shape) -> Shape:
        """The output shape for one input shape (``b(x)`` is ``b(x, x)``).

        >>> import typedflux as tf
        >>> tf.Bilinear(4, 4, 3).output_shape((2, 4))
        (2, 3)
        """
        return self.config.call([tuple(shape)])

    def _check2(self, x: Any, y: Any) -> Shape:
        """The layer rule on both inputs' shapes (memoised per layer, as ``check``)."""
        sx, sy = self._shape_of(x), self._shape_of(y)
        key = (self._key(), sx, sy)
        memo: Optional[Dict[Any, Shape]] = self.__dict__.get("_memo2")
        if memo is None:
            memo = self.__dict__["_memo2"] = {}
        try:
            out = memo.get(key)
        except TypeError:  # an unhashable activation: no memo
            return self.config.call([sx, sy])
        if out is None:
            out = self.config.call([sx, sy])
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[key] = out
        return out

    def __call__(
        self,
        x: Union[Tensor[Unpack[Bs], In1], Tuple[AnyTensor, AnyTensor]],
        y: Optional[Tensor[Unpack[Bs], In2]] = None,
    ) -> Tensor[Unpack[Bs], Out]:
        a: Any = x
        b: Any = y
        if b is None and isinstance(a, tuple):
            if len(a) != 2:
                raise TypeError(f"{self!r} takes two inputs (x, y) in a tuple, got {len(a)}")
            a, b = a
        if b is None:
            self.check(a)
            b = a
        else:
            self._check2(a, b)
        z = bilinear(a, b, self.weight, self.bias if self.bias is not None else 0.0)
        if self.activation is not identity:
            z = self.activation(z)
        return z


def _require_callable(owner: str, name: str, value: Any) -> None:
    if not callable(value):
        raise TypeError(messages.wrong_layer_argument_type(
            owner, name, value, "a layer or function (any callable)"))


def _call_branch(layer: Any, x: Any) -> Any:
    """A branch held to its annotations (a user layer) before it runs, as a Chain does."""
    return layer(x) if isinstance(layer, Layer) else call_held(layer, (x,))


def _shape(x: Any) -> Optional[Shape]:
    shape = getattr(x, "shape", None)
    return tuple(shape) if isinstance(x, Tensor) and shape is not None else None


class Maxout(Module):
    """``Maxout(*layers)`` or ``Maxout(f, n)`` (``n`` layers made by calling ``f()``):
    ``maximum(layer_1(x), ..., layer_n(x))`` elementwise; every layer gets the same input.

    Built, it checks that every layer takes the input the first layer with a known input
    takes, and that their outputs can be compared elementwise (the same rule as mypy's:
    :mod:`typedflux.shapes.fusions`). The gradient of each element goes to the
    layer that gave the maximum (the first one on a tie, as ``tf.maximum``).

    >>> import typedflux as tf
    >>> m = Maxout(lambda: tf.Dense(5, 7, tf.tanh), 3)
    >>> m, m(tf.ones(11, 5)).shape
    (Maxout(Dense(5 => 7, tanh), Dense(5 => 7, tanh), Dense(5 => 7, tanh)), (11, 7))
    >>> Maxout(tf.Dense(5, 7), tf.Dense(5, 6))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Maxout(Dense(5 => 7), Dense(5 => 6)) cannot compare its layers' outputs: Cannot broadcast for "maximum": x has Tensor[B, 7], y has Tensor[B, 6]; need equal sizes or 1 at axis -1 (7 vs 6)
    """

    def __init__(self, *layers: object) -> None:
        # (``object``, not ``Any``: under an ``Any`` context mypy types a ``Chain(...)``
        # argument ``Chain[*tuple[Any, ...]]``, and the plugin's check loses its layers)
        parts: Tuple[Any, ...] = layers
        if len(parts) == 2 and isinstance(parts[1], int) and not isinstance(parts[1],
                                                                                bool):
            make, n = parts
            _require_callable("Maxout", "f", make)
            if type(make).__module__.startswith("typedflux.layers."):
                # A layer is callable too, but on an input: f makes one layer per call.
                raise TypeError(messages.wrong_layer_argument_type(
                    "Maxout", "f", make, "a function of no arguments that makes a layer "
                    "(Maxout(() -> Dense(3, 4), n)); for given layers, Maxout(layer1, layer2)"))
            if not 1 <= n <= MAXOUT_LIMIT:
                raise ValueError(messages.invalid_layer_argument(
                    "Maxout", [("n", str(n))], f"an int from 1 to {MAXOUT_LIMIT}"))
            parts = tuple(make() for _ in range(n))
        if not parts:
            raise ValueError("Maxout needs at least one layer (or Maxout(f, n))")
        for i, layer in enumerate(parts, 1):
            _require_callable("Maxout", f"layer {i}", layer)
        self.layers: Tuple[Any, ...] = tuple(parts)
        self._check_built()

    def __repr__(self) -> str:
        return maxout_repr([layer_repr(l) for l in self.layers])

    def _container_item(self, probe: bool) -> Optional[Item]:
        """How a Chain check (and the call's check) sees this Maxout: the shared rule
        (None when a layer has no rule)."""
        return maxout_item([shape_item(l, probe) for l in self.layers], lambda: repr(self))

    def _check_built(self) -> None:
        check_maxout([shape_item(l) for l in self.layers])

    def output_shape(self, shape: Shape) -> Shape:
        """The elementwise maximum's shape over the layers' output shapes.

        >>> import typedflux as tf
        >>> tf.Maxout(tf.Dense(4, 3), tf.Dense(4, 3)).output_shape((2, 4))
        (2, 3)
        """
        from typedflux.layers.containers import output_shape

        return output_shape(self, shape)

    def __call__(self, x: Any) -> AnyTensor:
        shape = _shape(x)
        item = self._container_item(False) if shape is not None else None
        if item is not None and shape is not None:
            try:  # the rule mypy runs, so a call that fails says the same words
                apply_item(item, shape)
            except CannotTell:
                pass
        y: AnyTensor = _call_branch(self.layers[0], x)
        for layer in self.layers[1:]:
            y = maximum(y, _call_branch(layer, x))
        return y


class PairwiseFusion(Module):
    """``PairwiseFusion(connection, *layers)``: ``y_1 = layer_1(x_1)``, then
    ``y_i = layer_i(connection(y_{i-1}, x_i))``; returns the tuple ``(y_1, ..., y_n)``.
    Called with one input, every ``x_i`` is that input; with ``n`` inputs (or one tuple of
    them), ``x_i`` is the ``i``-th. Flux's ``PairwiseFusion`` (the order of its code:
    the previous output, then the next input).

    Built, it checks with the first layer's input that each fused value fits the next layer.

    >>> import typedflux as tf
    >>> pf = PairwiseFusion(tf.add, tf.Dense(4, 4, tf.relu), tf.Dense(4, 4))
    >>> [y.shape for y in pf(tf.ones(3, 4))]
    [(3, 4), (3, 4)]
    >>> PairwiseFusion(tf.cat, tf.Dense(4, 4), tf.Dense(4, 2))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: PairwiseFusion(cat, Dense(4 => 4), Dense(4 => 2)) cannot fuse into layer 2: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[B, 8]; need size 4 at axis -1 (got 8)
    """

    def __init__(self, connection: Callable[..., Any], *layers: object) -> None:
        # (``object``, not ``Any``: a ``Chain(...)`` layer keeps its layers' types; Maxout)
        if not layers:
            raise ValueError("PairwiseFusion needs at least one layer")
        _require_callable("PairwiseFusion", "connection", connection)
        for i, layer in enumerate(layers, 1):
            _require_callable("PairwiseFusion", f"layer {i}", layer)
        self.connection = connection
        self.layers: Tuple[Any, ...] = tuple(layers)
        self._check_built()

    def __repr__(self) -> str:
        return fusion_repr(layer_repr(self.connection), [layer_repr(l) for l in self.layers])

    def _parts(self, probe: bool) -> Tuple[List[Optional[Item]], Optional[Any]]:
        return [shape_item(l, probe) for l in self.layers], join_of(self.connection, probe)

    def _check_built(self) -> None:
        items, join = self._parts(False)
        check_fusion(items, join, layer_repr(self.connection))

    def _shapes(self, xs: Sequence[Shape], probe: bool = True) -> Several:
        """The output shapes for inputs ``xs`` (one per layer, or one for all)."""
        items, join = self._parts(probe)
        if join is None or any(it is None for it in items):
            raise CannotTell(f"no shape rule for a part of {self!r}")
        return fusion_shapes([it for it in items if it is not None], join,
                             layer_repr(self.connection), xs)

    def output_shape(self, shape: Shape) -> Several:
        """The output shapes ``(y_1, ..., y_n)`` for one input shape.

        >>> import typedflux as tf
        >>> tf.PairwiseFusion(tf.add, tf.Dense(4, 4), tf.Dense(4, 2)).output_shape((2, 4))
        Several((2, 4), (2, 2))
        """
        return self._shapes([tuple(shape)])

    def _container_item(self, probe: bool) -> Optional[Item]:
        # Several outputs are no input for a next layer's rule: Chain checks see no rule
        # here; tf.outputsize (probe) gets the shape of each output.
        if not probe:
            return None
        items, join = self._parts(probe)
        return fusion_item(items, join, layer_repr(self.connection), lambda: repr(self))

    def __call__(self, *xs: Any) -> Tuple[AnyTensor, ...]:
        if len(xs) == 1 and isinstance(xs[0], tuple):
            xs = xs[0]
        n = len(self.layers)
        if len(xs) not in (1, n):
            raise TypeError(f"{self!r} has {n} layers but was called with {len(xs)} inputs "
                            "(one input, or one per layer)")
        shapes = [_shape(x) for x in xs]
        if all(s is not None for s in shapes):
            try:  # the rule mypy runs, so a call that fails says the same words
                self._shapes([s for s in shapes if s is not None], probe=False)
            except CannotTell:
                pass
        ins = list(xs) if len(xs) == n else [xs[0]] * n
        outs: List[Any] = []
        for i, (layer, x) in enumerate(zip(self.layers, ins)):
            if i:
                x = call_held(self.connection, (outs[-1], x))
            outs.append(_call_branch(layer, x))
        return tuple(outs)
