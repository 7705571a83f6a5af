"""What a body evaluated by ``bodies.py`` reads from mypy: the types of expressions, an op's
formal parameters, and a non-tensor argument's static value (as the op hooks read it).

>>> from mypy.nodes import IntExpr
>>> lookup(IntExpr(3)) is None  # (outside a check: nothing recorded)
True
"""

from __future__ import annotations

from typing import Any, Optional

from mypy.nodes import (
    GDEF,
    Decorator,
    Expression,
    FuncDef,
    LambdaExpr,
    NameExpr,
    RefExpr,
    TypeInfo,
    Var,
)
from mypy.types import CallableType, Type, get_proper_type

from mypy_plugin.callbacks.common import CURRENT_API, type_lookup
from mypy_plugin.module_constants import bound_once
from mypy_plugin.routing import TENSOR_FULLNAME
from mypy_plugin.values import (
    NotStatic,
    static_axis,
    static_bool,
    static_int,
    static_ints,
    static_value,
)
from typedflux.shapes.catalog import Arg, Kind
from typedflux.shapes.errors import CannotTell

__all__ = ["lookup", "static_argument", "signature", "held_item", "named_lambda"]


def lookup(e: Expression) -> Optional[Type]:
    api = CURRENT_API[0]
    return None if api is None else type_lookup(api)(e)


def static_argument(arg: Arg, e: Expression) -> Any:
    """A non-tensor argument, read as the op hooks read it (``mypy_plugin.values``)."""
    kind = arg.kind
    if kind is Kind.AXIS:
        v: Any = static_axis(e, lookup)
    elif kind in (Kind.INT, Kind.DIM):
        v = static_int(e, lookup)
    elif kind is Kind.BOOL:
        v = static_bool(e, lookup)
    elif kind in (Kind.AXES, Kind.DIMS):
        v = static_int(e, lookup)
        if isinstance(v, NotStatic):
            v = static_ints(e, lookup)
        else:
            v = (v,)
    elif kind is Kind.STATIC:
        v = static_value(e, lookup)
    else:
        raise CannotTell(f"{arg.name} is not read from a function's body")
    if isinstance(v, NotStatic):
        raise CannotTell(f"{arg.name} is not known statically")
    return v


def signature(callee: Expression, method: Optional[str]) -> Optional[CallableType]:
    """The formal parameters of a ``tf`` function or of a Tensor method (``self``
    dropped), from their definitions."""
    func: object = None
    if method is None:
        func = callee.node if isinstance(callee, RefExpr) else None
    else:
        module, _, cls = TENSOR_FULLNAME.rpartition(".")
        tree = getattr(CURRENT_API[0], "modules", {}).get(module)
        sym = tree.names.get(cls) if tree is not None else None
        info = sym.node if sym is not None else None
        func = info.get_method(method) if isinstance(info, TypeInfo) else None
    if isinstance(func, Decorator):
        func = func.func
    if not isinstance(func, FuncDef) or not isinstance(func.type, CallableType):
        return None
    ft = func.type
    if method is None:
        return ft
    return ft.copy_modified(arg_types=ft.arg_types[1:], arg_kinds=ft.arg_kinds[1:],
                            arg_names=ft.arg_names[1:])


def held_item(name: NameExpr, var: Var) -> Any:
    """How a Chain check sees the layer the name ``name`` holds when a body runs (``Final``,
    or module-level and bound once in the module being checked); None for any other name."""
    from mypy_plugin.callbacks.chain_items import chain_item  # (it imports bodies.py)

    tree = getattr(CURRENT_API[0], "tree", None)
    module = getattr(tree, "fullname", None)
    if not var.is_final and (name.kind != GDEF or tree is None or name.fullname != (
            f"{module}.{name.name}") or name.name not in bound_once(tree)):
        return None  # a local, or a name of another module, or one bound more than once
    return chain_item(var.type) if var.type is not None else None


def named_lambda(e: Optional[Expression]) -> Optional[Expression]:
    """The lambda a name holds wherever it is read: ``flatten = lambda x: x.reshape(...)``,
    the one statement binding ``flatten`` in its scope (the module, or the function being
    checked; flow_names.single_binding), so a Chain reads ``flatten`` as it reads the lambda
    written inline. ``e`` itself for any other expression.

    >>> e = NameExpr("flatten")
    >>> named_lambda(e) is e  # (outside a check: nothing known)
    True
    """
    from mypy_plugin.flow_names import single_binding  # (flow_names imports the checks)

    # The cheap test first: mypy types a name holding a lambda as a callable with no
    # definition (a def's type keeps its own).
    var = e.node if isinstance(e, NameExpr) else None
    t = get_proper_type(var.type) if isinstance(var, Var) else None
    if not isinstance(e, NameExpr) or not isinstance(t, CallableType) or t.definition is not None:
        return e
    api = CURRENT_API[0]
    tree = getattr(api, "tree", None)
    scope = getattr(api, "scope", None)
    if tree is None or scope is None:
        return e
    found = single_binding(e, tree, scope.current_function())
    rvalue = found[0].rvalue if found is not None else None
    return rvalue if isinstance(rvalue, LambdaExpr) else e
