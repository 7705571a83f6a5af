"""A power of a positive number is a real number: ``HD ** -0.5`` (an attention scale).

typeshed types ``int ** float`` (and ``int ** int`` of unknown sign, ``float ** float``) as
``Any``, since a negative base may give a complex number; a tensor times ``Any`` is ``Any`` to
mypy before any hook runs, so ``scores * HD ** -0.5`` lost its shape. When the base is known
statically to be positive (a literal, a ``Final`` or module constant), the power is ``float``
when the exponent is a float or a negative int, or the base a float; ``int`` when both are
ints and the exponent is known to be >= 0 (``2 ** 40``). An int exponent of unknown sign
(``2 ** n``: an int, or a float for a negative ``n``) keeps mypy's ``Any``.

>>> callable(power_hook)
True
"""

from __future__ import annotations

from typing import Union

from mypy.nodes import Expression, FloatExpr, OpExpr
from mypy.plugin import MethodContext
from mypy.types import AnyType, Instance, Type, get_proper_type

from mypy_plugin.callbacks.common import guarded, type_lookup
from mypy_plugin.values import NotStatic, static_int

__all__ = ["POWERS", "power_hook"]

# The methods mypy settles ``a ** b`` with when its result is Any.
POWERS = ("builtins.int.__pow__", "builtins.float.__pow__", "builtins.float.__rpow__")


def _positive_base(e: OpExpr, ctx: MethodContext) -> bool:
    base = e.left
    if isinstance(base, FloatExpr):
        return base.value > 0
    v: Union[int, NotStatic] = static_int(base, type_lookup(ctx.api))
    return not isinstance(v, NotStatic) and v > 0


def _is_float(e: Expression, ctx: MethodContext) -> bool:
    if isinstance(e, FloatExpr):
        return True
    t = type_lookup(ctx.api)(e)
    p = get_proper_type(t) if t is not None else None
    return isinstance(p, Instance) and p.type.fullname == "builtins.float"


def _power(ctx: MethodContext) -> Type:
    e = ctx.context
    if not isinstance(get_proper_type(ctx.default_return_type), AnyType):
        return ctx.default_return_type
    if not isinstance(e, OpExpr) or e.op != "**" or not _positive_base(e, ctx):
        return ctx.default_return_type
    exponent = static_int(e.right, type_lookup(ctx.api))
    if _is_float(e.left, ctx) or _is_float(e.right, ctx):
        return ctx.api.named_generic_type("builtins.float", [])
    if isinstance(exponent, NotStatic):
        return ctx.default_return_type  # ``2 ** n``: an int for n >= 0, a float below
    name = "builtins.int" if exponent >= 0 else "builtins.float"
    return ctx.api.named_generic_type(name, [])


power_hook = guarded("power", _power, lambda ctx: ctx.default_return_type)
