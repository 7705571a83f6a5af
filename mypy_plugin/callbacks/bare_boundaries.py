"""More places a bare name meets an annotation, for the rewording of mypy's errors there.

``callbacks/bare_values.py`` finds the value mypy reported at (a bare name, a tuple display of
them) among the values that meet an annotation in the error's function. Besides returns,
yields and annotated assignments, these do, with no hook to speak for a bare name:

- a parameter's default (``def f(x: Tensor[2, 4] = ZEROS)``: mypy's ``Incompatible default
  for parameter "x" ...``), said as ``Default shape ... of parameter "x" of "f" ...``;
- a name assigned where its type was declared before (``h: Tensor[2, 3]`` then ``h = x``, or
  a ``Callable`` variable then ``h = g``), each name a tuple display is unpacked into (``s, n
  = x, 1`` with ``s`` declared), an attribute declared with an annotation (``self.h = h``),
  and a property's setter (``c.h = x``, ``c`` a name of a declared class type): ``Assigned
  shape ... of "s" ...``.

>>> declared_values(None, [])
[]
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

from mypy.nodes import (
    AssignmentStmt, Expression, FuncDef, MemberExpr, NameExpr, OverloadedFuncDef, StarExpr,
    TupleExpr, Var,
)
from mypy.types import CallableType, Instance, Type, get_proper_type

from mypy_plugin.callbacks.boundary_index import Boundary, target_text
from typedflux.shapes.bind import literal_mismatch, rigid_mismatch

__all__ = ["FORMS", "says", "declared_values", "says_default", "meets", "verdict_at"]

# How mypy words the three boundaries, for two types in its own formatting.
FORMS = {
    "return-value": "Incompatible return value type (got {got}, expected {declared})",
    "assignment": "Incompatible types in assignment (expression has type {got}, variable has type {declared})",
    "misc": 'Incompatible types in "yield" (actual type {got}, expected type {declared})',
}


def says(code: str, message: str, got: Type, declared: Type, options: Any) -> bool:
    """Whether ``message`` is exactly mypy's ``code`` error for ``got`` and ``declared`` (a
    default's error too: :func:`says_default`).

    >>> says("no-such-code", "", None, None, None)  # type: ignore[arg-type]
    False
    """
    from mypy.messages import format_type_distinctly

    form = FORMS.get(code)
    if form is None:
        return False
    g, d = format_type_distinctly(got, declared, options=options)
    return message == form.format(got=g, declared=d) or (
        code == "assignment" and says_default(message, g, d))


def declared_values(
    func: Optional[FuncDef], statements: List[Any], module: str = ""
) -> List[Tuple[Expression, Type, Boundary]]:
    """(value, annotation, boundary) of each default of ``func`` and each assignment among
    ``statements`` to a name declared before (see the module docstring)."""
    out: List[Tuple[Expression, Type, Boundary]] = []
    if func is not None:
        full = func.fullname or func.name
        owner = full[len(module) + 1:] if module and full.startswith(module + ".") else func.name
        for arg in func.arguments:
            declared = arg.variable.type
            if arg.initializer is not None and declared is not None:
                out.append((arg.initializer, declared,
                            Boundary("default", arg.variable.name, owner=owner)))
    for stmt in statements:
        if not isinstance(stmt, AssignmentStmt) or stmt.type is not None or len(stmt.lvalues) != 1:
            continue
        target, value = stmt.lvalues[0], stmt.rvalue
        if isinstance(target, TupleExpr) and isinstance(value, TupleExpr):
            if len(target.items) != len(value.items) or any(
                    isinstance(e, StarExpr) for e in (*target.items, *value.items)):
                continue
            pairs = list(zip(target.items, value.items))
        else:
            pairs = [(target, value)]
        for lv, rv in pairs:
            var = lv.node if isinstance(lv, NameExpr) else None
            if isinstance(var, Var) and not (var.is_inferred or var.is_argument) \
                    and var.type is not None:
                out.append((rv, var.type, Boundary("assign", var.name)))
            setter = _setter_value(lv) if isinstance(lv, MemberExpr) else None
            if setter is None and isinstance(lv, MemberExpr):
                setter = _declared_attribute(lv)  # ``self.h = h``, ``self.cell.h = x``
            if setter is not None:
                out.append((rv, setter, Boundary("assign", target_text(lv) or "")))
    return out


def _owner_type(e: Expression, depth: int = 0) -> Optional[Instance]:
    """The declared class type of ``e``: a name (``self``, a parameter, an annotated
    variable) or an attribute of one, through attributes that have a type."""
    if depth > 4:
        return None
    node_type: Optional[Type] = None
    if isinstance(e, NameExpr) and isinstance(e.node, Var):
        node_type = e.node.type
    elif isinstance(e, MemberExpr):
        owner = _owner_type(e.expr, depth + 1)
        sym = owner.type.get(e.name) if owner is not None else None
        if sym is not None and isinstance(sym.node, Var):
            node_type = sym.node.type
    p = get_proper_type(node_type) if node_type is not None else None
    return p if isinstance(p, Instance) else None


def _declared_attribute(target: MemberExpr) -> Optional[Type]:
    """The annotation of an attribute (``self.h = h`` with ``self.h: Tensor[3, 16]`` declared
    in ``__init__``), of an attribute of an attribute (``self.cell.h = x`` with ``h: Tensor[2,
    16]`` declared in ``Cell``), when the owners' types are known; ``None`` for an attribute
    typed by its first value (its words are a reassignment's)."""
    owner = _owner_type(target.expr)
    sym = owner.type.get(target.name) if owner is not None else None
    var = sym.node if sym is not None else None
    if not isinstance(var, Var) or var.type is None or var.is_property or (
            var.is_inferred and not var.explicit_self_type):  # (``self.h: T = ...``: declared)
        return None
    return var.type


def _setter_value(target: MemberExpr) -> Optional[Type]:
    """The value type of the property setter ``target`` assigns (``c.h = x`` with ``c`` a
    name of a declared class type), else ``None``."""
    owner = target.expr.node if isinstance(target.expr, NameExpr) else None
    owner_type = get_proper_type(owner.type) if isinstance(owner, Var) and owner.type else None
    if not isinstance(owner_type, Instance):
        return None
    node = owner_type.type.get(target.name)
    prop = node.node if node is not None else None
    if not isinstance(prop, OverloadedFuncDef) or not prop.is_property or prop.setter_index is None:
        return None
    setter = get_proper_type(prop.setter.func.type)
    if isinstance(setter, CallableType) and len(setter.arg_types) == 2:
        return setter.arg_types[1]
    return None


def says_default(message: str, got: str, declared: str) -> bool:
    """Whether ``message`` is mypy's error at a parameter's default for the two types in
    mypy's words ``got`` and ``declared``.

    >>> says_default('Incompatible default for parameter "x" (default has type "A", '
    ...              'parameter has type "B")', '"A"', '"B"')
    True
    """
    return message.startswith("Incompatible default for ") and message.endswith(
        f"(default has type {got}, parameter has type {declared})")


def meets(kind: Optional[str], where: str) -> bool:
    """Whether mypy's error of the boundary ``kind`` (``"assign"`` for ``[assignment]``) may
    be about a value at ``where`` (mypy reports a default under ``[assignment]`` too).

    >>> meets("assign", "default"), meets("return", "assign")
    (True, False)
    """
    return kind == where or (kind == "assign" and where == "default")


def verdict_at(where: str, pattern: Any, got: Any) -> object:
    """Whether ``got`` provably differs from ``pattern`` at a boundary of kind ``where``: a
    default is compared at its written sizes only (the function's own dims take the
    default's sizes when it is used), anything else with the annotation's names rigid.

    >>> from typedflux.shapes.dims import sym
    >>> verdict_at("default", (sym("B"), 4), (2, 4)) is None
    True
    """
    if where == "default":
        return literal_mismatch(pattern, got)
    return rigid_mismatch(pattern, got)
