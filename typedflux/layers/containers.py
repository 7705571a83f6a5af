"""Containers: Chain, SkipConnection, Parallel (any callable is a layer inside them).

Each is checked where it is built, with the checks the mypy plugin runs
(:mod:`typedflux.shapes.chains`): adjacent layers of a Chain must compose, a SkipConnection's
connection must be able to join its layer's output with its input, a Parallel's branches must
be joinable. A Chain checks again when called: a failing layer is named by its position (in
every enclosing Chain) and repr, with the shape flowing in; user layers (a function or a
class whose ``__call__`` has ``Tensor[...]`` annotations) are held to their annotations
before they run, in the words of ``@tf.shapecheck``.

>>> import typedflux as tf
>>> model = Chain(tf.Dense(784, 32, tf.relu), tf.Dense(32, 10))
>>> model
Chain(Dense(784 => 32, relu), Dense(32 => 10))
>>> model(tf.ones(16, 784)).shape
(16, 10)
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Dict, Generic, Iterator, List, Optional, Tuple, Union, overload

import numpy as np
from typing_extensions import TypeVarTuple, Unpack

from typedflux.layers.callables import (
    call_held,
    join_of,
    layer_repr,
    shape_item,
    signature_of,
)
from typedflux.layers.core import Layer, Module
from typedflux.shapes import messages
from typedflux.shapes.chains import (
    Summary,
    apply_item,
    chain_rule,
    check_chain_summary,
    check_parallel,
    check_skip,
    reword_in_chain,
    rule_item,
)
from typedflux.shapes.errors import CannotTell, LayerInputError, ReturnMismatch, ShapeError
from typedflux.shapes.layer_config import Shape
from typedflux.tensor import Tensor

__all__ = ["Chain", "SkipConnection", "Parallel", "output_shape"]

Layers = TypeVarTuple("Layers", default=Unpack[Tuple[Any, ...]])
AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


def _require_callable(owner: str, name: str, value: Any) -> None:
    if not callable(value):
        raise TypeError(messages.wrong_layer_argument_type(
            owner, name, value, "a layer or function (any callable)"))


# Types whose instances check their own input (built-in layers, containers): a Chain calls
# them directly. Anything else may be a user layer held to its annotations first.
_SELF_CHECKED: Dict[type, bool] = {}


def _self_checked(t: type) -> bool:
    known = _SELF_CHECKED.get(t)
    if known is None:
        known = (issubclass(t, Layer) and getattr(t, "spec", None) is not None) or issubclass(
            t, (SkipConnection, Parallel))
        _SELF_CHECKED[t] = known
    return known


def _typed_body(err: ShapeError) -> bool:
    """Whether ``err`` was raised inside the body of a user layer's ``__call__`` annotated
    with shapes (``x: Tensor[B, 3, 4]``), at any depth, or is a typed function's result
    refused by its return annotation: mypy checks such a body on its own and reports the
    error on its line in these words, so a Chain passes it on unchanged."""
    if isinstance(err, ReturnMismatch):
        return True
    tb = err.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_name == "__call__":
            owner = frame.f_locals.get("self")
            call = getattr(type(owner), "__call__", None)
            if (owner is not None and callable(call) and not isinstance(owner, Chain)
                    and not _self_checked(type(owner))):
                fn = inspect.unwrap(call)  # (under @tf.shapecheck)
                if getattr(fn, "__code__", None) is frame.f_code:
                    # (a bare ``x: Tensor`` says nothing: mypy runs such a body where the
                    # Chain is called, and names the layer's position there)
                    sig = signature_of(owner)
                    if sig is not None and any(p is not None for _, p in sig.params):
                        return True
        tb = tb.tb_next
    return False


def _call(layer: Any, x: Any) -> Any:
    """One layer of a Chain that is not a built-in layer: a nested Chain (walked without
    recursion; the outermost Chain explains a failure), or a callable held to its
    annotations before it runs."""
    if isinstance(layer, Chain):
        return layer._run(x)
    return call_held(layer, (x,))


def _call_part(layer: Any, x: Any) -> Any:
    """A container's part: a Chain explains its own failure (as mypy words it)."""
    if _self_checked(type(layer)) or isinstance(layer, Chain):
        return layer(x)
    return call_held(layer, (x,))


def output_shape(layer: Any, shape: Shape) -> Shape:
    """The output shape of any layer for an input shape, from shape rules only; for a
    callable with no rule, it runs the callable on zeros of that shape.

    >>> import typedflux as tf
    >>> output_shape(Chain(tf.Dense(4, 3), tf.relu), (2, 4))
    (2, 3)
    """
    item = shape_item(layer, probe=True)
    if item is None:
        raise CannotTell(f"no shape rule for {layer_repr(layer)}")
    if item.config is not None and item.config.gives_several():
        # (a recurrent layer with return_state alone: its output sequence, as documented)
        return item.config.rule(tuple(shape))
    return apply_item(item, tuple(shape))


class Chain(Module, Generic[Unpack[Layers]]):
    """``Chain(*layers)`` or ``Chain(name=layer, ...)``: applies the layers in order.

    Adjacent layers are checked when the Chain is built (docs/design.md's
    ``Chain(Dense(784, 32, relu), Dense(64, 10))`` raises ``ShapeError`` at once, with a hint
    that makes it compose) and again when called: a failing layer is named by its position
    and repr, with the shape flowing in. Index with ``chain[0]``, slice, ``len``, iterate;
    named layers by attribute. Chains nest to any depth (no recursion when built, shown or
    called).

    - ``layers``: a tuple of the layers, or a dict for a named Chain (so gradients and saved
      files read ``layers.0.weight`` / ``layers.enc.weight``).

    >>> import typedflux as tf
    >>> Chain(tf.Dense(784, 32, tf.relu), tf.Dense(64, 10))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerInputError: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)
    >>> ae = Chain(enc=tf.Dense(4, 2), dec=tf.Dense(2, 4))
    >>> ae.enc, len(ae), ae(tf.ones(3, 4)).shape
    (Dense(4 => 2), 2, (3, 4))
    """

    # A tuple, or a dict for a named Chain. Typed Any so ``chain.layers[0]`` and
    # ``chain.layers["enc"]`` both type-check; the plugin gives the layers' own types.
    layers: Any

    # ``**named: object``, not ``Any``: an inline ``Chain(...)`` given by name keeps its own
    # type (in an ``Any`` context mypy infers it as a bare Chain the plugin cannot follow).
    def __init__(self, *layers: Unpack[Layers], **named: object) -> None:
        if layers and named:
            raise TypeError("Chain takes positional layers or named layers, not both")
        for name in named:
            if name in ("layers", "config") or name.startswith("_"):
                raise ValueError(f"Chain: {name!r} cannot name a layer")
        self.layers = dict(named) if named else tuple(layers)
        seq = self._seq()
        for i, (key, item) in enumerate(zip(self._names(), seq), 1):
            _require_callable("Chain", key or f"layer {i}", item)
        summary = check_chain_summary([shape_item(layer) for layer in seq])
        # Kept so an enclosing Chain's check need not walk this one again (valid while the
        # layers are the same objects): deep nesting costs linear time, not quadratic.
        self._checked = (tuple(map(id, seq)), summary)

    def _summary(self) -> Optional[Summary]:
        checked = self.__dict__.get("_checked")
        if checked is None or checked[0] != tuple(map(id, self._seq())):
            return None
        return checked[1]  # type: ignore[no-any-return]

    def _names(self) -> Tuple[Optional[str], ...]:
        if isinstance(self.layers, dict):
            return tuple(self.layers)
        return (None,) * len(self.layers)

    def _seq(self) -> Tuple[Any, ...]:
        layers = self.layers
        return tuple(layers.values()) if isinstance(layers, dict) else tuple(layers)

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
    def __getitem__(self, i: str) -> Any: ...

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
        return layer_repr(self)

    def output_shape(self, shape: Shape) -> Shape:
        """The output shape from the layer rules (errors name the failing position).

        >>> import typedflux as tf
        >>> Chain(tf.Dense(3, 4), tf.Dense(4, 2)).output_shape((5, 3))
        (5, 2)
        """
        return output_shape(self, shape)

    def __call__(self, x: Any) -> AnyTensor:
        layers = self.layers
        seq = tuple(layers.values()) if isinstance(layers, dict) else layers
        x0, i = x, 0
        try:
            for layer in seq:
                t = type(layer)
                if _SELF_CHECKED.get(t) or _self_checked(t):
                    x = layer(x)
                else:
                    x = _call(layer, x)
                i += 1
        except ShapeError as err:
            if _typed_body(err):
                raise
            explained = self._explain(err, x0, seq, i, x)
            # A layer refusing its input is the Chain's own error, raised at its call. Any other
            # (raised inside a layer's code: a lambda's body) keeps its traceback, which ends on
            # the failing line.
            own = isinstance(explained, LayerInputError)
            raise explained.with_traceback(None if own else err.__traceback__) from None
        return x  # type: ignore[no-any-return]

    def _run(self, x: Any) -> Any:
        """Apply the layers, entering nested Chains without recursion."""
        stack: List[Iterator[Any]] = [iter(self._seq())]
        while stack:
            for layer in stack[-1]:
                if isinstance(layer, Chain):
                    stack.append(iter(layer._seq()))
                    break
                t = type(layer)
                x = layer(x) if _self_checked(t) else _call(layer, x)
            else:
                stack.pop()
        return x

    def _explain(self, err: ShapeError, x0: Any, seq: Tuple[Any, ...], i: int,
                 x: Any) -> ShapeError:
        """The error of layer ``i`` (0-based) in the words the plugin uses: the shape rules
        replayed on the input's shape name the failing layer in every enclosing Chain (and
        offer a hint that composes). Past a layer with no rule the replay starts from the
        shape that layer really gave; an error no rule explains (raised inside a function)
        is named by its position here. A callable with no rule (a lambda) is probed, run on
        zeros of the shape it gets, so an error inside it, at any depth, is named by its
        position in every enclosing Chain, as the plugin names it from the lambda's body."""
        shape0, shape = _shape(x0), _shape(x)
        if shape0 is not None:
            try:
                chain_rule([shape_item(layer, probe=True) for layer in seq], shape0)
            except ShapeError as replayed:
                return replayed
            except CannotTell:
                pass
        if i and shape is not None:
            given = rule_item(lambda: layer_repr(seq[i - 1]), lambda _: shape)
            try:
                chain_rule([given] + [shape_item(layer, probe=True) for layer in seq[i:]], shape,
                           start=i)
            except ShapeError as replayed:
                return replayed
            except CannotTell:
                pass
        prev = (i, layer_repr(seq[i - 1])) if i else None
        container = not _self_checked(type(seq[i])) or isinstance(seq[i], (SkipConnection,
                                                                             Parallel))
        return reword_in_chain(err, i + 1, layer_repr(seq[i]), prev, shape or (), not container)


def _shape(x: Any) -> Optional[Tuple[int, ...]]:
    if isinstance(x, Tensor):
        return tuple(x.data.shape)
    if isinstance(x, np.ndarray):
        return tuple(x.shape)
    return None


class SkipConnection(Module):
    """``SkipConnection(layer, connection)``: ``connection(layer(x), x)`` (a residual block
    with ``tf.add``, a U-Net skip with ``tf.cat``).

    Built, it checks that ``connection`` can join the layer's output with its input for the
    input the layer takes: a main path that changes what ``tf.add`` must add (a ResNet
    downsampling block without a projection shortcut) fails for every input.

    >>> import typedflux as tf
    >>> s = SkipConnection(tf.Dense(3, 3), tf.add)
    >>> s, s(tf.ones(2, 3)).shape
    (SkipConnection(Dense(3 => 3), add), (2, 3))
    >>> SkipConnection(tf.Dense(3, 4), tf.add)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: SkipConnection(Dense(3 => 4), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 4], xs[1] has Tensor[B, 3]; need equal sizes or 1 at axis -1 (4 vs 3); change Dense(3 => 4) to Dense(3 => 3), or to Dense(4 => 4)
    """

    # ``object``, not ``Any``: an inline ``Chain(...)`` argument keeps its layers' types
    # for mypy (an ``Any`` context would erase them).
    def __init__(self, layer: object, connection: Callable[..., Any]) -> None:
        _require_callable("SkipConnection", "layer", layer)
        _require_callable("SkipConnection", "connection", connection)
        self.layer: Any = layer
        self.connection = connection
        check_skip(shape_item(layer), join_of(connection), layer_repr(connection))

    def __repr__(self) -> str:
        return layer_repr(self)

    def output_shape(self, shape: Shape) -> Shape:
        """``connection``'s rule applied to the layer's output shape and the input shape.

        >>> import typedflux as tf
        >>> tf.SkipConnection(tf.Dense(4, 4), tf.add).output_shape((8, 4))
        (8, 4)
        """
        return output_shape(self, shape)

    def __call__(self, x: Any) -> AnyTensor:
        y = _call_part(self.layer, x)
        return call_held(self.connection, (y, x))  # type: ignore[no-any-return]


class Parallel(Module):
    """``Parallel(connection, *layers)``: ``connection(*(layer(x) for layer in layers))``;
    called with one input per layer, layer ``i`` gets input ``i``.

    Built, it checks that the branches' outputs (each from the input it takes) can be
    joined by ``connection``.

    >>> import typedflux as tf
    >>> p = Parallel(tf.cat, tf.Dense(2, 3), tf.Dense(2, 4))
    >>> p, p(tf.ones(5, 2)).shape
    (Parallel(cat, Dense(2 => 3), Dense(2 => 4)), (5, 7))
    """

    def __init__(self, connection: Callable[..., Any], *layers: object) -> None:
        if not layers:
            raise ValueError("Parallel needs at least one layer")
        _require_callable("Parallel", "connection", connection)
        for i, layer in enumerate(layers, 1):
            _require_callable("Parallel", f"layer {i}", layer)
        self.connection = connection
        self.layers: Tuple[Any, ...] = tuple(layers)
        check_parallel([shape_item(l) for l in self.layers], join_of(connection),
                       layer_repr(connection))

    def __repr__(self) -> str:
        return layer_repr(self)

    def output_shape(self, shape: Shape) -> Shape:
        """``connection``'s rule over each branch's output shape.

        >>> import typedflux as tf
        >>> tf.Parallel(tf.cat, tf.Dense(2, 3), tf.Dense(2, 4)).output_shape((5, 2))
        (5, 7)
        """
        return output_shape(self, shape)

    def __call__(self, *xs: Any) -> AnyTensor:
        if len(xs) == 1:
            ys = [_call_part(l, xs[0]) for l in self.layers]
        elif len(xs) != len(self.layers):
            raise TypeError(
                f"{self!r} has {len(self.layers)} layers but was called with {len(xs)} inputs"
            )
        else:
            ys = [_call_part(l, x) for l, x in zip(self.layers, xs)]
        return call_held(self.connection, ys)  # type: ignore[no-any-return]
