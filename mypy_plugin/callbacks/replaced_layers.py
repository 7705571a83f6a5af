"""A layer attribute the program replaces: typed with unknown sizes, not its first value's.

Fine-tuning replaces a model's head (``net.head = Dense(32, 5)`` after ``__init__``'s
``self.head = Dense(32, 10)``), and a constructor may pick one of two layers for an attribute
in two branches. mypy gives an attribute without an annotation the type of its first value
(``Dense[32, 10]``, sizes and all), so the new head would be an error (a false one: the
program runs) and every call of ``net`` would still be typed by the old head. So a layer or
``Chain`` built where it is assigned, without an annotation, to an attribute whose name the
module assigns in more than one statement (of any object: ``self.head``, ``net.head``) is
typed with unknown sizes (``Dense[Any, Any]``): what the attribute holds at a read is not
known statically, and the run time checks it. An annotated attribute (``self.head:
Dense[32, 10] = ...``) keeps its annotation, and a new value of other sizes stays an error
(docs/errors.md). A module that calls ``setattr`` is not treated specially: an attribute set
only that way keeps its first value's type, as mypy gives it.

>>> replaced_attribute(object())
False
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Set

from mypy.nodes import (
    AssignmentStmt,
    ClassDef,
    Expression,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    StarExpr,
    TupleExpr,
)
from mypy.plugin import FunctionContext
from mypy.types import Instance, Type, get_proper_type
from mypy.typevars import fill_typevars_with_any

from mypy_plugin.callbacks.boundary_index import boundary_of
from mypy_plugin.statements import PerTree, walk

__all__ = ["replaced_attribute", "unless_replaced"]


def unless_replaced(hook: Callable[[FunctionContext], Type]) -> Callable[[FunctionContext], Type]:
    """A constructor hook that gives a replaced attribute's value (see the module's
    docstring) its class with unknown type arguments, and runs ``hook`` otherwise.

    >>> callable(unless_replaced(lambda ctx: ctx.default_return_type))
    True
    """

    def wrapped(ctx: FunctionContext) -> Type:
        p = get_proper_type(ctx.default_return_type)
        if isinstance(p, Instance) and replaced_attribute(ctx):
            return fill_typevars_with_any(p.type)
        return hook(ctx)

    return wrapped


def replaced_attribute(ctx: Any) -> bool:
    """Whether the call of ``ctx`` is the value of an assignment, with no annotation, to an
    attribute the module assigns in more than one statement."""
    api = getattr(ctx, "api", None)
    tree = getattr(api, "tree", None)
    if not isinstance(tree, MypyFile):
        return False
    where = boundary_of(api, getattr(ctx, "context", None))
    if where is None or where.kind != "assign" or where.annotated or where.part is not None:
        return False
    target = where.lvalue
    if not isinstance(target, MemberExpr):
        return False
    return _assignments(tree).get(target.name, 0) > 1


def _attribute_names(e: Expression) -> List[str]:
    if isinstance(e, MemberExpr):
        return [e.name]
    if isinstance(e, (TupleExpr, ListExpr)):
        return [n for item in e.items for n in _attribute_names(item)]
    if isinstance(e, StarExpr):
        return _attribute_names(e.expr)
    return []


def _read(tree: MypyFile) -> Dict[str, int]:
    """How many statements of the module assign an attribute of each name; 0 for a name
    some statement annotates (``self.head: Dense[32, 10] = ...``, or ``head: ...`` in a
    class body): its annotation is its type."""
    count: Dict[str, int] = {}
    declared: Set[str] = set()
    for st in walk(tree.defs, scopes=True):
        if isinstance(st, AssignmentStmt):
            names = {n for lv in st.lvalues for n in _attribute_names(lv)}
            if st.unanalyzed_type is not None:
                declared.update(names)
            for name in names:
                count[name] = count.get(name, 0) + 1
        elif isinstance(st, ClassDef):
            for item in st.defs.body:
                if isinstance(item, AssignmentStmt) and item.unanalyzed_type is not None:
                    declared.update(lv.name for lv in item.lvalues if isinstance(lv, NameExpr))
    return {n: (0 if n in declared else c) for n, c in count.items()}


def _nothing() -> Dict[str, int]:
    return {}


_assignments = PerTree(_read, keep=16, on_error=_nothing)
