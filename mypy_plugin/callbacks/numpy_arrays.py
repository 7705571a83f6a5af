"""Arrays made by numpy's constructors, read where ``tf.tensor`` takes them.

numpy's stubs type ``np.zeros((B, S, S, A))`` as an array of any shape, and this plugin
leaves numpy's own types alone (mypy's numpy errors stay numpy's). But the data of
``tf.tensor(...)`` is read here when it is such a call with sizes known statically
(``np.zeros``, ``np.ones``, ``np.empty``, ``np.full`` of an int or a tuple of them,
``np.eye(n[, m])``, ``np.identity(n)``, with ``.astype(...)`` after it), or a module-level
name bound once to one and otherwise only indexed (``mask[0, 2] = 1.0``: never a new shape)
or passed to typedflux's functions: nothing else can reshape it in place.

>>> numpy_array_shape(None, lambda e: None) is None
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    AssignmentStmt, CallExpr, Expression, IndexExpr, ListExpr, MemberExpr, MypyFile, NameExpr,
    RefExpr, TupleExpr,
)
from mypy.server.subexpr import get_subexpressions
from mypy.types import Instance, LiteralType, get_proper_type

from mypy_plugin.module_constants import bound_once
from mypy_plugin.statements import PerTree, checked_tree
from mypy_plugin.values import NotStatic, static_int

__all__ = ["numpy_array_shape"]

_SHAPED = frozenset({"zeros", "ones", "empty", "full"})


def _numpy_call(e: Optional[Expression]) -> Optional[Tuple[str, CallExpr]]:
    """``("zeros", call)`` for ``np.zeros(...)`` (``np`` numpy itself), ``.astype(...)``
    calls after it peeled off; else None."""
    while (isinstance(e, CallExpr) and isinstance(e.callee, MemberExpr)
           and e.callee.name == "astype"):
        e = e.callee.expr
    if not isinstance(e, CallExpr) or not isinstance(e.callee, MemberExpr):
        return None
    base = e.callee.expr
    if not (isinstance(base, RefExpr) and isinstance(base.node, MypyFile)
            and base.node.fullname == "numpy"):
        return None
    name = e.callee.name
    return (name, e) if name in _SHAPED or name in ("eye", "identity") else None


def _argument(call: CallExpr, position: int, keyword: str) -> Optional[Expression]:
    for i, (a, n) in enumerate(zip(call.args, call.arg_names)):
        if n == keyword or (n is None and i == position and call.arg_kinds[i].is_positional()):
            return a
    return None


_NOT_A_SIZE = object()


def _size(e: Optional[Expression], lookup: Any) -> object:
    """A size argument: its int, ``None`` for an int not known statically, or
    ``_NOT_A_SIZE`` (a tuple held in a name, anything not typed ``int``)."""
    t = lookup(e) if e is not None else None
    p = get_proper_type(t) if t is not None else None
    if isinstance(p, LiteralType):
        p = p.fallback
    if e is None or not isinstance(p, Instance) or p.type.fullname != "builtins.int":
        return _NOT_A_SIZE
    v = static_int(e, lookup)
    return None if isinstance(v, NotStatic) or v < 0 else v


def numpy_array_shape(e: Optional[Expression], lookup: Any) -> Optional[List[Optional[int]]]:
    """The sizes of the array ``e`` is (``None``: an int not known statically), when it is
    made by numpy's constructors, directly or through a name as the module docstring says;
    else None.
    """
    if isinstance(e, NameExpr):
        tree = checked_tree(lookup)
        if tree is None or e.fullname != f"{tree.fullname}.{e.name}":
            return None
        e = _named_arrays(tree).get(e.name)
    made = _numpy_call(e)
    if made is None:
        return None
    name, call = made
    if any(k.is_star() for k in call.arg_kinds):
        return None
    if name in _SHAPED:
        shape = _argument(call, 0, "shape")
        items = shape.items if isinstance(shape, (TupleExpr, ListExpr)) else [shape]
        sizes = [_size(i, lookup) for i in items]
    else:
        n = _argument(call, 0, "N" if name == "eye" else "n")
        m = _argument(call, 1, "M") if name == "eye" else None
        if isinstance(m, NameExpr) and m.fullname == "builtins.None":
            m = None
        sizes = [_size(n, lookup), _size(m if m is not None else n, lookup)]
    if any(s is _NOT_A_SIZE for s in sizes):
        return None
    return [s if isinstance(s, int) else None for s in sizes]


def _read_named_arrays(tree: MypyFile) -> Dict[str, Expression]:
    try:
        once = bound_once(tree)
        found: Dict[str, Expression] = {}
        for s in tree.defs:
            if (isinstance(s, AssignmentStmt) and len(s.lvalues) == 1
                    and isinstance(s.lvalues[0], NameExpr) and s.lvalues[0].name in once
                    and _numpy_call(s.rvalue) is not None):
                found[s.lvalues[0].name] = s.rvalue
        if not found:
            return {}
        kept: Set[int] = set()
        exprs = get_subexpressions(tree)
        for x in exprs:
            if isinstance(x, CallExpr) and isinstance(x.callee, RefExpr) and (
                    x.callee.fullname.startswith("typedflux.")):
                kept.update(id(a) for a in x.args if isinstance(a, NameExpr))
            elif isinstance(x, IndexExpr) and isinstance(x.base, NameExpr):
                kept.add(id(x.base))  # (indexed, or an item set: never another shape)
        targets = {id(s.lvalues[0]) for s in tree.defs if isinstance(s, AssignmentStmt)}
        for x in exprs:
            if isinstance(x, NameExpr) and x.name in found and id(x) not in kept | targets:
                del found[x.name]  # read some other way: it might be reshaped in place
        return found
    except Exception:  # noqa: BLE001 - a construct not modelled here: no arrays known
        return {}


_named_arrays = PerTree(_read_named_arrays, keep=64)
