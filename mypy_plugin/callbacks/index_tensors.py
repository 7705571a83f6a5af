"""An index tensor in a key, when its expression proves it holds integers:
``table[tf.tensor(rel)]`` is ``Tensor[*idx.shape, *table.shape[1:]]``.

A tensor's type holds its shape, not its dtype, and numpy reads a bool tensor as a mask (the
result's size is its count of ``True``), so the type alone cannot tell a gather from a mask.
The expression can: ``tf.tensor`` of integer data (int literals; ``+ - * // %`` and unary
``-``/``~`` of ints, which give an ``int`` even of bools; ``range``; displays and
comprehensions of these; a module-level list bound once to one), ``tf.arange`` of ints,
``tf.onecold`` without labels, ``argmax``/``argmin``, or a name bound by one statement of its
scope (a local, or a module-level name) to one of these. A list display of such data as an index (``x[[0, 2, 4]]``, ``x[:, [[0, 1],
[2, 3]]]``) is read the same way, by its length (numpy reads it as an index array). Anything
else (a name bound twice, data typed ``list[int]`` that may hold bools) stays unread: the result's
shape is unknown, as before.
"""

from __future__ import annotations

from typing import Callable, List, Optional, Tuple

from mypy.nodes import (
    ARG_POS,
    CallExpr,
    Expression,
    FuncDef,
    IntExpr,
    ListComprehension,
    ListExpr,
    MemberExpr,
    NameExpr,
    OpExpr,
    RefExpr,
    TupleExpr,
    UnaryExpr,
)
from mypy.types import Instance, LiteralType, Type, get_proper_type

from mypy_plugin import translate
from mypy_plugin.flow_names import single_binding
from mypy_plugin.statements import checked_tree
from mypy_plugin.values import NOT_STATIC, NotStatic
from typedflux.shapes.rules_index import IndexArray

__all__ = ["index_with_tensor"]

Lookup = Callable[[Expression], Optional[Type]]

_INT_OPS = frozenset({"+", "-", "*", "//", "%"})  # never a bool, even of bools (not & | ^)
_TENSOR = "typedflux.ops.creation.tensor"
_ARANGE = "typedflux.ops.creation.arange"
_ALWAYS_INT = frozenset({
    "typedflux.ops.reduce.argmax", "typedflux.ops.reduce.argmin",
})
_ONECOLD = "typedflux.data.onehot.onecold"


def _is_int(t: Optional[Type]) -> bool:
    p = get_proper_type(t) if t is not None else None
    if isinstance(p, LiteralType):
        return p.fallback.type.fullname == "builtins.int"
    return isinstance(p, Instance) and p.type.fullname == "builtins.int"


def _range(e: Expression) -> bool:
    return (isinstance(e, CallExpr) and isinstance(e.callee, RefExpr)
            and e.callee.fullname == "builtins.range")


def _int_data(e: Expression, lookup: Lookup) -> bool:
    """Whether ``e`` is data numpy reads as integers (never bools, never empty by display)."""
    if isinstance(e, IntExpr):
        return True
    if isinstance(e, (ListExpr, TupleExpr)):
        return bool(e.items) and all(_int_data(i, lookup) for i in e.items)
    if isinstance(e, ListComprehension):
        g = e.generator
        left = g.left_expr
        if (isinstance(left, NameExpr) and len(g.indices) == 1
                and isinstance(g.indices[0], NameExpr) and g.indices[0].name == left.name):
            return _range(g.sequences[0])  # ``[i for i in range(n)]``
        return _int_data(left, lookup)
    if isinstance(e, OpExpr) and e.op in _INT_OPS:
        return _is_int(lookup(e)) and _is_int(lookup(e.left)) and _is_int(lookup(e.right))
    if isinstance(e, UnaryExpr) and e.op in ("-", "~"):
        return _is_int(lookup(e.expr))
    if isinstance(e, CallExpr) and isinstance(e.callee, RefExpr):
        if e.callee.fullname == "builtins.list" and len(e.args) == 1:
            return _range(e.args[0])
        return e.callee.fullname == "builtins.len"
    if isinstance(e, NameExpr):
        from mypy_plugin.callbacks.creation import _named_lists  # (creation imports the ops)

        tree = checked_tree(lookup)
        if tree is None or e.fullname != f"{tree.fullname}.{e.name}":
            return False
        value = _named_lists(tree).get(e.name)
        return value is not None and _int_data(value, lookup)
    return False


def _int_tensor(e: Expression, lookup: Lookup, depth: int = 0) -> bool:
    """Whether ``e`` is a tensor its expression proves to hold integers."""
    if isinstance(e, NameExpr) and depth < 4:
        value = _bound_value(e, lookup)
        return value is not None and _int_tensor(value, lookup, depth + 1)
    if not isinstance(e, CallExpr):
        return False
    callee = e.callee
    positional = all(k == ARG_POS for k in e.arg_kinds)
    if isinstance(callee, MemberExpr) and callee.name in ("argmax", "argmin"):
        t = lookup(callee.expr)
        p = get_proper_type(t) if t is not None else None
        if not isinstance(p, Instance) or not translate.is_tensor(p):
            return False
        method = p.type.get_method(callee.name)
        return method is not None and method.fullname.startswith("typedflux.")
    if not isinstance(callee, RefExpr):
        return False
    name = callee.fullname
    if name == _TENSOR:
        return len(e.args) == 1 and positional and _int_data(e.args[0], lookup)
    if name == _ARANGE:
        return positional and all(_is_int(lookup(a)) for a in e.args)
    if name == _ONECOLD:
        return len(e.args) == 1 and positional
    return name in _ALWAYS_INT


def _bound_value(e: NameExpr, lookup: Lookup) -> Optional[Expression]:
    """What a name bound by exactly one statement of its scope is bound to: a local of the
    function being checked, or a module-level name bound once at the module's top level."""
    tree = checked_tree(lookup)
    if tree is None:
        return None
    scope = getattr(getattr(lookup, "__self__", None), "scope", None)
    func = scope.current_function() if scope is not None else None
    if isinstance(func, FuncDef) and any(a.variable.name == e.name for a in func.arguments):
        return None  # a parameter assigned again: a read may see the argument
    one = single_binding(e, tree, func)
    return one[0].rvalue if one is not None else None


def _int_list_shape(e: Expression, lookup: Lookup) -> Optional[Tuple[int, ...]]:
    """The shape of a list display of integer data as an index (``[0, 2, 4]`` is ``(3,)``,
    ``[[0, 1], [2, 3]]`` ``(2, 2)``); ``None`` for anything else (a ragged or empty display,
    bools, a tuple, which is several indices)."""
    if not isinstance(e, ListExpr) or not _int_data(e, lookup):
        return None
    return _display_shape(e)


def _display_shape(e: Expression) -> Optional[Tuple[int, ...]]:
    if not isinstance(e, (ListExpr, TupleExpr)):
        return ()
    inner = [_display_shape(i) for i in e.items]
    if not inner or inner[0] is None or any(i != inner[0] for i in inner):
        return None
    return (len(e.items), *inner[0])


def index_with_tensor(
    e: Expression, lookup: Lookup, names: translate.Names,
    basic: Callable[[Expression], object],
) -> object:
    """A key holding integer index tensors (as :class:`IndexArray`) and basic items (read by
    ``basic``), or ``NOT_STATIC``.

    >>> from mypy_plugin.translate import Names
    >>> index_with_tensor(IntExpr(0), lambda e: None, Names(), lambda e: 0)
    NOT_STATIC
    """
    items = e.items if isinstance(e, TupleExpr) else [e]
    parts: List[object] = []
    for item in items:
        listed = _int_list_shape(item, lookup)
        if listed is not None:  # ``x[[0, 2, 4]]``: numpy reads the list as an index array
            parts.append(IndexArray(listed))
            continue
        if _int_tensor(item, lookup):
            t = lookup(item)
            shape = translate.operand_shape(t, names) if t is not None else None
            if shape is None:
                return NOT_STATIC
            parts.append(IndexArray(shape))
            continue
        v = basic(item)
        if isinstance(v, (NotStatic, tuple)):
            return NOT_STATIC
        parts.append(v)
    if not any(isinstance(p, IndexArray) for p in parts):
        return NOT_STATIC
    return tuple(parts) if isinstance(e, TupleExpr) else parts[0]
