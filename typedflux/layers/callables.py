"""Any callable as a layer, at run time: how the Chain checks see it, and how it is named.

Flux's idea is that any callable is a layer. The run-time half of that (the plugin reads the
same things from types):

- a typedflux layer is its config; a ``Chain``, ``SkipConnection`` or ``Parallel`` the items
  of its parts (:func:`shape_item`);
- a typedflux op (``tf.relu``, ``tf.add``) is its shape rule (:mod:`typedflux.shapes.compose`);
- a user function or a class with ``Tensor[...]`` annotations on ``__call__`` is its
  signature: the annotations are read as ``@tf.shapecheck`` reads them, bound to the shapes
  that flow in and held against the result (:func:`signature_of`, :func:`call_held`), so a
  Chain raises the words mypy reports;
- anything else has no rule (the checks restart after it).

>>> import typedflux as tf
>>> layer_repr(tf.Chain(tf.Dense(2, 3), tf.relu))
'Chain(Dense(2 => 3), relu)'
"""

from __future__ import annotations

import inspect
import typing
import weakref
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from typedflux.shapecheck import annotation_shape, evaluated_annotations
from typedflux.shapecheck_constants import reading
from typedflux.shapes import compose
from typedflux.shapes.chains import (
    Item,
    chain_of,
    chain_repr,
    layer_item,
    parallel_item,
    parallel_repr,
    rule_item,
    skip_item,
    skip_repr,
)
from typedflux.shapes.errors import CannotTell, ReturnMismatch, ShapeError
from typedflux.shapes.layer_config import Shape
from typedflux.layers.forwarded import forwarded_join

__all__ = [
    "Signature",
    "signature_of",
    "shape_item",
    "join_of",
    "layer_repr",
    "call_held",
]


class Signature:
    """The ``Tensor[...]`` annotations of a function or a layer class's ``__call__``.

    ``name`` is the qualified name messages use (``"Block.__call__"``); ``params`` the
    positional parameters with their patterns (None: not a Tensor annotation); ``result`` the
    return pattern; ``passthrough``: the function returns its argument's own type
    (``identity(x: T) -> T``).
    """

    __slots__ = ("name", "params", "result", "passthrough")

    def __init__(self, name: str, params: List[Tuple[str, Optional[Shape]]],
                 result: Optional[Shape], passthrough: bool) -> None:
        self.name = name
        self.params = params
        self.result = result
        self.passthrough = passthrough

    @property
    def useful(self) -> bool:
        return self.passthrough or any(p is not None for _, p in self.params)

    def rule(self) -> compose.JoinRule:
        if self.passthrough:
            return compose.passthrough_rule
        return compose.signature_rule(self.name, self.params, self.result)

    def template(self) -> Optional[Shape]:
        return self.params[0][1] if self.params else None


_SIGNATURES: "weakref.WeakKeyDictionary[Any, Optional[Signature]]" = weakref.WeakKeyDictionary()


def _target(obj: Any) -> Tuple[Optional[Callable[..., Any]], bool]:
    """The function whose annotations describe calling ``obj``, and whether it is a method
    (its first parameter, ``self``, is skipped)."""
    if inspect.isfunction(obj) or inspect.isbuiltin(obj):
        return obj, False
    if inspect.ismethod(obj):
        return obj.__func__, True
    call = getattr(type(obj), "__call__", None)
    if inspect.isfunction(call):
        return call, True
    return None, False


def signature_of(obj: Any) -> Optional[Signature]:
    """The shape signature of calling ``obj``, or None when its annotations say nothing
    about shapes (cached per function or class).

    >>> from typing import TypeVar
    >>> from typedflux import Tensor
    >>> B = TypeVar("B", bound=int)
    >>> def head(x: Tensor[B, 8]) -> Tensor[B, 2]: ...
    >>> signature_of(head).rule()([(3, 8)])
    (3, 2)
    """
    target, method = _target(obj)
    if target is None:
        return None
    key: Any = target if not method or inspect.ismethod(obj) else type(obj)
    try:
        return _SIGNATURES[key]
    except (KeyError, TypeError):
        pass
    sig = _read_signature(target, method)
    try:
        _SIGNATURES[key] = sig
    except TypeError:
        pass
    return sig


def _read_signature(fn: Callable[..., Any], method: bool) -> Optional[Signature]:
    original = inspect.unwrap(fn)
    try:
        hints = evaluated_annotations(original)
        params = list(inspect.signature(original).parameters.values())
    except Exception:  # an annotation that cannot be evaluated: no rule, never a crash
        return None
    if method:
        params = params[1:]
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    try:
        with reading(getattr(original, "__globals__", {})):  # its module's Final constants
            patterns = [(p.name, annotation_shape(hints.get(p.name))) for p in positional]
            result = annotation_shape(hints.get("return"))
    except (TypeError, ValueError):
        return None
    first = hints.get(positional[0].name) if positional else None
    passthrough = (
        isinstance(first, typing.TypeVar) and first.__bound__ is None
        and hints.get("return") is first
    )
    sig = Signature(getattr(fn, "__qualname__", getattr(fn, "__name__", "?")), patterns,
                    result, passthrough)
    return sig if sig.useful else None


def call_held(obj: Any, xs: Sequence[Any]) -> Any:
    """Call a user layer or connection ``obj`` on ``xs``, held to its annotations as
    ``@tf.shapecheck`` holds a function: its parameters are bound to the shapes of ``xs``
    before it runs (it never runs on an input they refuse: that ``ShapeError`` is the
    container's to explain), and its result is checked against the return annotation with
    those bindings after (a :class:`~typedflux.shapes.errors.ReturnMismatch`, which mypy
    reports on the function's ``return`` line, so containers pass it on unchanged).

    >>> from typing import TypeVar
    >>> import typedflux as tf
    >>> B = TypeVar("B", bound=int)
    >>> def widen(x: tf.Tensor[B, 2]) -> tf.Tensor[B, 2]:
    ...     return tf.concat([x, x], axis=1)
    >>> call_held(widen, [tf.ones(3, 2)])
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ReturnMismatch: Return shape Tensor[3, 4] does not match the annotation Tensor[B, 2]: axis 1 is 4, expected 2
      B=3
    """
    sig = signature_of(obj)
    if sig is None or sig.passthrough or len(xs) > len(sig.params):
        return obj(*xs)
    shapes: List[Shape] = []
    for x in xs:
        shape = getattr(x, "shape", None)
        if not isinstance(shape, tuple):
            return obj(*xs)
        shapes.append(shape)
    env = compose.bind_arguments(sig.name, sig.params, shapes)
    out = obj(*xs)
    shape = getattr(out, "shape", None)
    if sig.result is not None and isinstance(shape, tuple):
        try:
            env.bind("return value", sig.result, shape)
        except ShapeError as err:
            fn = _target(obj)[0]
            raise ReturnMismatch(err.message, err.notes,
                                 inspect.unwrap(fn) if fn is not None else obj) from None
    return out


# -- items ------------------------------------------------------------------------------------


def _op_spec(fn: Any) -> Any:
    """The op spec of a typedflux function (``tf.relu``), found by its public name."""
    name = getattr(fn, "__name__", None)
    module = getattr(fn, "__module__", "") or ""
    if not isinstance(name, str) or not module.startswith("typedflux"):
        return None
    return compose.function_spec(name)


def _is_layer(obj: Any) -> bool:
    from typedflux.layers.core import Layer

    return isinstance(obj, Layer) and getattr(type(obj), "spec", None) is not None


def _kind(obj: Any) -> str:
    from typedflux.layers.containers import Chain, Parallel, SkipConnection

    if isinstance(obj, Chain):
        return "chain"
    if isinstance(obj, SkipConnection):
        return "skip"
    if isinstance(obj, Parallel):
        return "parallel"
    return "other"


def join_of(connection: Any, probe: bool = False) -> Optional[compose.JoinRule]:
    """A connection as a rule over the shapes it joins: an op's rule (``tf.add``,
    ``tf.cat``), or a typed function's signature; None when unknown (with ``probe``: run on
    zeros of concrete shapes).

    >>> import typedflux as tf
    >>> join_of(tf.cat)([(2, 3), (2, 4)])
    (2, 7)
    """
    spec = _op_spec(connection)
    if spec is not None:
        return compose.op_connection_rule(spec)
    if _is_layer(connection):
        # ``Parallel(Bilinear(8, 6, 3), ...)``: its own call rule, as the plugin reads it; not
        # its ``__call__``'s annotations (attention's ``Tensor[B, Tq, Dq]`` would refuse the
        # rank-2 input a build check assumes: no rule, as for the plugin)
        return compose.layer_connection_rule(connection.config)
    sig = signature_of(connection)
    if sig is not None:
        return sig.rule()
    forwarded = forwarded_join(connection)  # (``lambda a, b: tf.cat(a, b, axis=1)``)
    if forwarded is not None:
        return forwarded
    return _join_prober(connection) if probe and callable(connection) else None


def shape_item(layer: Any, probe: bool = False) -> Optional[Item]:
    """How the Chain checks see ``layer`` (None: no rule). With ``probe``, a callable with
    no rule is run once on zeros of a concrete shape (``tf.outputsize``); construction
    checks never run user code.

    >>> import typedflux as tf
    >>> shape_item(tf.Dense(2, 3)).text(), shape_item(tf.relu).text(), shape_item(lambda x: x)
    ('Dense(2 => 3)', 'relu', None)
    """
    if _is_layer(layer):
        return layer_item(layer.config)
    own = getattr(type(layer), "_container_item", None)
    if own is not None:  # a container that knows its item (Maxout, PairwiseFusion)
        return own(layer, probe)  # type: ignore[no-any-return]
    kind = _kind(layer)
    if kind == "chain":
        names = list(layer.layers) if isinstance(layer.layers, dict) else None
        return chain_of(lambda: [shape_item(l, probe) for l in layer._seq()], names,
                        None if probe else layer._summary, lambda: layer_repr(layer))
    if kind == "skip":
        join = join_of(layer.connection, probe)
        inner = shape_item(layer.layer, probe)
        return skip_item(inner, join, layer_repr(layer.connection)) if join else None
    if kind == "parallel":
        join = join_of(layer.connection, probe)
        branches = [shape_item(l, probe) for l in layer.layers]
        return parallel_item(branches, join, layer_repr(layer.connection)) if join else None
    spec = _op_spec(layer)
    if spec is not None:
        rule = compose.op_layer_rule(spec)
        if rule is not None:
            return rule_item(layer_repr(layer), rule)
    sig = signature_of(layer)
    if sig is not None:
        join = sig.rule()
        return rule_item(lambda: layer_repr(layer), lambda x: join([x]), sig.template())
    if probe and callable(layer):
        return rule_item(lambda: layer_repr(layer), _prober(layer))
    return None


def _join_prober(connection: Any) -> compose.JoinRule:
    from typedflux.tensor import Tensor

    def join(shapes: Sequence[Shape]) -> Shape:
        if not all(isinstance(d, int) for s in shapes for d in s):
            raise CannotTell("a connection with no shape rule, on shapes not fully known")
        ys = connection(*(Tensor(np.zeros(s, dtype=np.float32)) for s in shapes))
        return tuple(ys.shape)

    return join


def _prober(layer: Any) -> Callable[[Shape], Shape]:
    from typedflux.tensor import Tensor

    def run(shape: Shape) -> Shape:
        if not all(isinstance(d, int) for d in shape):
            raise CannotTell("a callable with no shape rule, on a shape not fully known")
        y = layer(Tensor(np.zeros(shape, dtype=np.float32)))
        return tuple(y.shape)

    return run


# -- reprs ------------------------------------------------------------------------------------


def _leaf_repr(obj: Any) -> str:
    from typedflux.layers.core import Layer

    if isinstance(obj, Layer):
        return repr(obj)
    name = getattr(obj, "__name__", None)
    if isinstance(name, str):
        return name
    if getattr(type(obj), "__repr__", None) is getattr(object, "__repr__"):
        # A callable object without a repr of its own: its class, as a constructor call.
        return f"{type(obj).__name__}()"
    return repr(obj)


def layer_repr(root: Any) -> str:
    """How a layer or connection is named in reprs and messages: a layer's repr, a
    function's name (``relu``, ``add``), a callable object's class (``Block()``) unless it
    has a repr of its own. Containers are rendered without recursion (any depth).

    >>> import typedflux as tf
    >>> layer_repr(tf.relu), layer_repr(tf.Dense(2, 3))
    ('relu', 'Dense(2 => 3)')
    """
    done: Dict[int, str] = {}
    stack: List[Tuple[Any, bool]] = [(root, False)]
    while stack:
        node, ready = stack.pop()
        kind = _kind(node)
        if kind == "other":
            done[id(node)] = _leaf_repr(node)
            continue
        kids: Sequence[Any]
        if kind == "chain":
            kids = node._seq()
        elif kind == "skip":
            kids = (node.layer, node.connection)
        else:
            kids = (node.connection, *node.layers)
        if not ready:
            stack.append((node, True))
            stack.extend((k, False) for k in kids if id(k) not in done)
            continue
        texts = [done[id(k)] for k in kids]
        if kind == "chain":
            names = list(node.layers) if isinstance(node.layers, dict) else None
            done[id(node)] = chain_repr(texts, names)
        elif kind == "skip":
            done[id(node)] = skip_repr(texts[0], texts[1])
        else:
            done[id(node)] = parallel_repr(texts[0], texts[1:])
    return done[id(root)]
