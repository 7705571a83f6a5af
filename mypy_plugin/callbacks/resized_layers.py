"""A layer the program operates on after building it: typed with unknown sizes.

Weight surgery changes a built layer's sizes: growing a classifier head for new classes
(``head.weight = tf.cat(head.weight, tf.randn(2, 8), axis=0)``), net2net widening, a
``Conv``'s filters extended, an ``Upsample``'s ``size`` set again. mypy types ``head`` by its
construction (``Dense[8, 4]``) whatever the program later assigns to its attributes, so every
use of the grown layer would be checked against the old sizes: a false alarm, the program
runs. So a construction bound to a name or an attribute is typed with unknown sizes
(``Dense[Any, Any]``, the run time checks it) when the module assigns, outside the
construction, an attribute of what that name or attribute holds:

- ``head.weight = ...`` (or ``+=``, ``setattr(head, "weight", ...)``) where ``weight`` is an
  attribute of the constructed layer's class (a ``Dense``'s ``weight``, an ``Upsample``'s
  ``size``; not a container's: a ``Chain`` given new ``layers`` is read where it is called,
  callbacks/rebound_names.py), except a tie to another layer's parameter of the same name
  (``head.weight = emb.weight``);
- any attribute assigned through it, deeper: ``model.layers[0].weight = ...`` for a
  ``Chain`` bound to ``model`` (or to an attribute ``layers``), ``self.head.weight = ...`` for
  a layer bound to ``self.head``;
- the same through a function's parameter (``def grow(layer, n): layer.weight = ...``) for
  the names passed to that function in a statement of the module (``grow(net.head, 2)``).

Names are matched by spelling, whatever their scope: a name the module operates on that
way loses its sizes wherever a construction is bound to it (fewer checks, never a false
alarm). Assignments into a tensor's values (``head.weight.data[...] = ...``,
``head.weight[:] = 0``) keep its shape and do not count.

>>> from mypy.nodes import MypyFile
>>> _read(MypyFile([], [])) == ({}, set())
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    ARG_POS,
    FUNC_NO_INFO,
    AssignmentStmt,
    CallExpr,
    Decorator,
    Expression,
    ExpressionStmt,
    FuncDef,
    IndexExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    Statement,
    TypeInfo,
    Var,
)

from mypy_plugin.callbacks.boundary_index import boundary_of
from mypy_plugin.statements import PerTree, attribute_targets, setattr_name, walk

__all__ = ["resized"]

_LAYER = "typedflux.layers.core.Layer"  # a layer with parameters and settings (no container)

# (owner name -> attributes the module assigns on it, names something is assigned through)
Found = Tuple[Dict[str, Set[str]], Set[str]]


def resized(ctx: Any, info: TypeInfo) -> bool:
    """Whether the construction of ``info`` in ``ctx`` (a constructor hook's context) is the
    value of an assignment to a name or attribute the module operates on after building
    (see the module's docstring).

    >>> resized(object(), None)  # no checker: nothing known
    False
    """
    api = getattr(ctx, "api", None)
    tree = getattr(api, "tree", None)
    if not isinstance(tree, MypyFile):
        return False
    direct, deep = _operations(tree)
    if not direct and not deep:  # (most modules: no statement assigns through a layer)
        return False
    where = boundary_of(api, getattr(ctx, "context", None))
    if where is None or where.kind != "assign" or where.part is not None:
        return False
    target = where.lvalue
    if not isinstance(target, (NameExpr, MemberExpr)):
        return False
    if target.name in deep:
        return True
    # (A container's own attributes hold its layers: giving a Chain new ``layers`` is read
    # where the Chain is called, callbacks/rebound_names.py.)
    return info.has_base(_LAYER) and any(
        info.get(attr) is not None for attr in direct.get(target.name, ()))


def _path_names(e: Expression) -> List[str]:
    """The names along an expression that reaches an object: ``model.layers[0]`` gives
    ``layers`` and ``model``; a call's result (``make()[0]``) gives its callee's names."""
    out: List[str] = []
    while True:
        if isinstance(e, NameExpr):
            out.append(e.name)
            return out
        if isinstance(e, MemberExpr):
            out.append(e.name)
            e = e.expr
        elif isinstance(e, IndexExpr):
            e = e.base
        elif isinstance(e, CallExpr):
            e = e.callee
        else:
            return out


def _assigned_attributes(st: Statement) -> List[Tuple[Expression, str]]:
    """``(object, attribute)`` for each attribute ``st`` assigns: ``obj.attr = ...``,
    ``obj.attr += ...``, ``setattr(obj, "attr", ...)``. A tie of a parameter to another
    layer's of the same name (``head.weight = emb.weight``, as a GPT ties its output layer
    to its embedding) is left out: tied parameters have one shape (the run time checks it)."""
    if isinstance(st, AssignmentStmt):
        tie = st.rvalue.name if isinstance(st.rvalue, MemberExpr) else None
        return [(m.expr, m.name) for lv in st.lvalues for m in attribute_targets(lv)
                if m.name != tie]
    if isinstance(st, OperatorAssignmentStmt):
        return [(m.expr, m.name) for m in attribute_targets(st.lvalue)]
    name = setattr_name(st)
    if name is not None:
        assert isinstance(st, ExpressionStmt) and isinstance(st.expr, CallExpr)  # (setattr_name)
        return [(st.expr.args[0], name)]
    return []


def _read(tree: MypyFile) -> Found:
    direct: Dict[str, Set[str]] = {}
    deep: Set[str] = set()
    # A function that assigns an attribute of one of its parameters: its name and the
    # positions of those parameters (``def grow(layer, n): layer.weight = ...``).
    surgeons: Dict[str, Set[int]] = {}
    statements = walk(tree.defs, scopes=True)
    for st in statements:
        func = st.func if isinstance(st, Decorator) else st
        if not isinstance(func, FuncDef):
            continue
        # (A method's call passes its arguments after ``self``: positions as the call has them.)
        method = func.info is not FUNC_NO_INFO and not func.is_static
        params: Dict[int, int] = {id(a.variable): i - method
                                  for i, a in enumerate(func.arguments) if a.kind == ARG_POS}
        for inner in walk(func.body.body, scopes=False):
            for owner, _ in _assigned_attributes(inner):
                base: Optional[Expression] = owner
                while isinstance(base, (MemberExpr, IndexExpr)):
                    base = base.expr if isinstance(base, MemberExpr) else base.base
                var = base.node if isinstance(base, NameExpr) else None
                # (A method's own ``self.x = ...`` is not an operation on an argument.)
                if isinstance(var, Var) and id(var) in params and params[id(var)] >= 0:
                    surgeons.setdefault(func.name, set()).add(params[id(var)])
    for st in statements:
        for owner, attr in _assigned_attributes(st):
            names = _path_names(owner)
            if not names or names == ["self"] or names == ["cls"]:
                continue  # (a method binding its own attributes: nothing is built as ``self``)
            direct.setdefault(names[0], set()).add(attr)
            deep.update(names[1:])
    if surgeons:
        for st in statements:
            call = st.expr if isinstance(st, ExpressionStmt) else (
                st.rvalue if isinstance(st, AssignmentStmt) else None)
            if not isinstance(call, CallExpr):
                continue
            callee = call.callee
            name = callee.name if isinstance(callee, (NameExpr, MemberExpr)) else None
            for i in surgeons.get(name or "", ()):
                if i < len(call.args):
                    deep.update(_path_names(call.args[i]))
    return direct, deep


def _nothing() -> Found:
    return {}, set()


_operations = PerTree(_read, keep=16, on_error=_nothing)
