"""Registering an op's runtime half: bind a forward and a VJP to a primitive spec, or a function
to a composite spec.

``@primitive("matmul")`` binds a forward (on numpy arrays) to ``SPECS["matmul"]`` (the static
half: argument names and kinds, public names, shape rule) and returns the
:class:`~typedflux.engine.primitive.Primitive`; ``@p_matmul.vjp`` binds its VJP
``vjp(g, out, *args) -> tuple of input gradients`` where ``args`` are the forward's own
arguments in spec order and the tuple holds one entry per TENSOR argument (a sequence per
TENSORS argument; ``None`` where nothing flows); ``@p_matmul.examples`` gives its
gradient-check examples. ``@composite("mean")`` registers the function of an op built from
primitives (``primitive=False`` in its spec), which runs its own rule first with
:func:`composite_rule`. The invoke machinery is :mod:`typedflux.engine.invoke` (the reference
path, and which path an op takes) and :mod:`typedflux.engine.lanes` (its specialisations).

>>> import numpy as np, typedflux as tf
>>> REGISTRY["matmul"].invoke(tf.ones(2, 3), tf.ones(3, 4)).shape
(2, 4)
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Tuple, TypeVar

from typedflux.engine import operands
from typedflux.engine.operands import norm_axis, scalar_like
from typedflux.engine.primitive import REGISTRY, Primitive, bind_composite, declare
from typedflux.shapes.catalog import SPECS, Arg, Kind
from typedflux.tensor import Tensor

__all__ = [
    "Primitive",
    "primitive",
    "composite",
    "REGISTRY",
    "operand",
    "composite_rule",
    "norm_axis",
    "scalar_like",
]

_CACHE_LIMIT = 4096
F = TypeVar("F", bound=Callable[..., Any])


def primitive(name: str) -> Callable[[Callable[..., Any]], Primitive]:
    """Decorator binding a forward (on numpy arrays, arguments in spec order) to
    ``SPECS[name]``; returns the :class:`Primitive` (bind its VJP with ``@prim.vjp``).

    >>> "add" in REGISTRY and REGISTRY["add"].vjp_fn is not None
    True
    """

    def register(forward: Callable[..., Any]) -> Primitive:
        prim = declare(name)
        prim.bind(forward, Tensor)
        return prim

    return register


def composite(name: str) -> Callable[[F], F]:
    """Decorator registering the function of the composite op ``name`` (its spec says
    ``primitive=False``), so ``typedflux.engine.primitive.entry(name)`` (a ``Tensor`` method,
    say) runs it.

    >>> from typedflux.engine.primitive import entry
    >>> import typedflux as tf
    >>> entry("mean")(tf.ones(2, 3), 1, False).shape
    (2,)
    """

    def register(fn: F) -> F:
        bind_composite(name, fn)
        return fn  # unchanged: type checkers and the plugin see its own signature

    return register


def operand(v: object, op: str, arg: str) -> Tuple[Any, Tuple[int, ...]]:
    """``(data, shape)`` of a TENSOR argument: a Tensor, a Python number (shape ``()``), or a
    numpy array / scalar. Anything else is a ``TypeError`` naming the op and argument.

    >>> operand(2.5, "add", "y")
    (2.5, ())
    >>> operand("a", "add", "y")
    Traceback (most recent call last):
    ...
    TypeError: "add" needs a Tensor or a number for y, got str
    """
    return operands.operand(v, op, arg, Tensor)


def composite_rule(name: str) -> Callable[..., Tuple[int, ...]]:
    """The shape rule of a composite op (``primitive=False``) as ``check(*values)``: the
    values as the user gave them, in spec order, IGNORED arguments omitted. They are read as
    a primitive's are (:mod:`typedflux.engine.operands`): a TENSOR argument by
    :func:`operand` (the rule gets its shape), a TENSORS argument item by item, a parameter
    of a kind the registry normalises (an axis, a size, an int, a flag) in canonical form,
    ``None`` left alone where ``None`` is the default; anything else is passed as given. So a
    wrong value is a ``TypeError`` naming the op the user called and the argument, before
    the rule runs. Results are memoised on what the rule gets. A composite runs it first, so
    its errors name the op the user called (``"squeeze"``, not the ``"reshape"`` it is built
    from).

    >>> import typedflux as tf
    >>> composite_rule("squeeze")(tf.zeros(2, 1, 3), None)
    (2, 3)
    >>> composite_rule("mean")(tf.zeros(2, 3), 0, tf.ones(1))
    Traceback (most recent call last):
    ...
    TypeError: "mean" needs True or False for keepdims, got Tensor[1] float32...
    """
    spec = SPECS[name]
    args = tuple(a for a in spec.args if a.kind is not Kind.IGNORED)
    names = tuple(a.name for a in args)
    shown = spec.functions[0] if spec.functions else name  # "add", not "add_n"
    readers = tuple(_reader(shown, a) for a in args)
    rule = spec.rule
    cache: Dict[Any, Tuple[int, ...]] = {}

    def check(*values: Any) -> Tuple[int, ...]:
        key = tuple([read(v) for read, v in zip(readers, values)])
        try:
            hit = cache.get(key)
        except TypeError:  # an unhashable STATIC value: the rule decides, nothing is kept
            return tuple(rule(**dict(zip(names, key))))
        if hit is not None:
            return hit
        out = tuple(rule(**dict(zip(names, key))))
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[key] = out
        return out

    return check


def _reader(op: str, arg: Arg) -> Callable[[Any], Any]:
    """How :func:`composite_rule` reads one argument of ``op`` (the common values first:
    composites such as ``mean`` run in training loops)."""
    kind, label = arg.kind, arg.name
    if kind is Kind.TENSOR:
        def tensor(v: Any) -> Any:
            if type(v) is Tensor:
                return v.data.shape
            return operands.operand(v, op, label, Tensor)[1]
        return tensor
    if kind is Kind.TENSORS:
        return lambda v: operands.operand_list(v, op, label, Tensor)[1]
    if kind not in operands.NORMALISED:
        return lambda v: v
    norm = operands.norm_param
    none = arg.default is None and not arg.required  # None is the default: None is fine
    # The values already in canonical form (AXES and DIMS become tuples: always read).
    plain = {Kind.BOOL: bool, Kind.AXIS: int, Kind.INT: int, Kind.DIM: int}.get(kind)

    def param(v: Any) -> Any:
        if type(v) is plain or (none and v is None):
            return v
        return norm(kind, v, op, label)

    return param
