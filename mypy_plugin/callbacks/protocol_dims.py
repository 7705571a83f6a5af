"""Generic callable parameters over dims: ``def compose(f: Module[I, H], g: Module[H, O], x:
Tensor[B, I])`` with ``class Module(Protocol[In, Out])`` whose ``__call__`` maps ``Tensor[B,
In]`` to ``Tensor[B, Out]``.

The protocol's type arguments are the call's own dims. mypy infers them as types: given
``Dense(4, 8)`` and ``Dense(6, 2)`` it finds two values for ``H`` and says ``Cannot infer value
of type parameter "H"  [misc]``, and given ``Dense(4, 8)`` for ``Module[I, O]`` with ``x:
Tensor[2, 5]`` it says ``[arg-type]`` in ``Literal`` words. The call check
(``callbacks/calls.py``) first checks each layer passed with the annotation's names as they
are written (``layer_params.py``); when that proves nothing, it checks them again here, once
the tensor arguments have bound their dims (``I = 5`` from ``x``), in parameter order: each
layer runs on the input its annotation gives with those dims put in, and its output binds
the dims its annotation's result names (``H = 8`` from ``Dense(4, 8)``), so the next layer
meets them: ``Argument "g" of "compose" cannot take the input its annotation gives: Dense(6 =>
2) expects input Tensor[..., 6], got Tensor[B, 8]; ...``. The protocol's own type variables
(the ``B`` of its ``__call__``) stay free, and a dim is bound only to a written size.

``@tf.shapecheck`` binds a generic protocol's type arguments the same way
(``typedflux/shapecheck_layers.py``, ``check_layer_with_bound``); without it the function's
body fails where it calls the layer, in the layer's words (docs/errors.md).

>>> own_names(None)  # type: ignore[arg-type]
frozenset()
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from mypy.nodes import Expression
from mypy.types import CallableType, Type, get_proper_type

from mypy_plugin import translate
from typedflux.shapes.bind import Bindings
from typedflux.shapes.errors import ShapeError
from typedflux.shapes.layer_params import layer_output, learned_dims

__all__ = ["own_names", "with_bound", "learn_from_layer", "check_with_bound_dims"]

Patterns = Tuple[Optional[translate.StaticShape], Optional[translate.StaticShape]]


def own_names(call: Type) -> frozenset[str]:
    """The names of the type variables a callable (a protocol's ``__call__``) binds itself."""
    p = get_proper_type(call) if call is not None else None
    if not isinstance(p, CallableType):
        return frozenset()
    return frozenset(v.name for v in p.variables)


def with_bound(env: Bindings, patterns: Patterns, own: frozenset[str]) -> Patterns:
    """``patterns`` with the dims the call has bound put in (not the callable's own)."""
    sub = Bindings(env.function)
    sub.dims = {k: v for k, v in env.dims.items() if k not in own}
    sub.stars = {k: v for k, v in env.stars.items() if k not in own}
    takes, gives = patterns
    return (sub.substitute(takes) if takes is not None else None,
            sub.substitute(gives) if gives is not None else None)


def learn_from_layer(
    env: Bindings, label: str, patterns: Patterns, own: frozenset[str], actual: Type
) -> None:
    """Bind the call's dims the annotation's result names to the sizes the layer of type
    ``actual`` gives for the input the annotation gives (only written sizes, axis by axis,
    when both shapes have one rank and no run)."""
    from mypy_plugin.callbacks.chain_items import chain_item  # (chain_items reads bodies)

    takes, gives = patterns
    a = get_proper_type(actual)
    if takes is None or gives is None or translate.is_tensor(a):
        return
    item = chain_item(a)
    out = layer_output(item, takes) if item is not None else None
    if out is None:
        return
    pattern = learned_dims(gives, out, own)
    if pattern is not None:
        env.bind(f'argument "{label}"', pattern, out)


Argument = Tuple[str, Expression, Type]  # (label, expression, type) of one argument


def check_with_bound_dims(
    function: str, env: Bindings, formal: Type, arguments: List[Argument]
) -> Optional[Tuple[ShapeError, Expression, Type]]:
    """Check the layers passed for the callable parameter ``formal`` again with the dims the
    call has bound so far, then bind what their outputs give (see the module docstring); the
    first mismatch (a ``ShapeError``) with its argument's expression and type, else ``None``."""
    from mypy_plugin.callbacks.callable_args import bound_callable_mismatch
    from mypy_plugin.callbacks.layer_params import (
        callable_patterns,
        layer_argument_mismatch,
        protocol_call,
    )
    written = callable_patterns(formal)
    if written is None:
        return None
    own = own_names(protocol_call(formal))
    for label, e, t in arguments:
        patterns = with_bound(env, written, own)
        try:
            message = None if patterns == written else (
                layer_argument_mismatch(function, label, patterns, t)
                or bound_callable_mismatch(function, label, patterns[0], patterns[1], t))
            if message is None:
                learn_from_layer(env, label, patterns, own, t)
                continue
            err = ShapeError(message)
        except ShapeError as found:  # (a dim a layer gives that the call bound otherwise)
            err = found
        return err, e, t
    return None
