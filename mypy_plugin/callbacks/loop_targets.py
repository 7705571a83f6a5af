"""A ``for`` or ``with`` target that is a name declared with a shape, given another shape.

``x: Tensor[2, 16]`` then ``for x in [tf.zeros(2, 7)]:`` or ``with opened() as x:`` (a
context manager whose ``__enter__`` gives ``Tensor[2, 5]``): mypy assigns the iterable's
item (the ``__enter__`` result) to the name itself, with no expression a hook could type
against the annotation, and reports ``Incompatible types in assignment (expression has type
"Tensor[Literal[2], Literal[7]]", variable has type "Tensor[Literal[2], Literal[16]]")
[assignment]`` at the target. The rewording watcher (``reworded.py``) asks
:func:`target_words` for such an error: the item type is read back from the type mypy gave
the iterable (the context manager) in the checker of the file being checked, and the error
takes the words of an annotated assignment (``Assigned shape Tensor[2, 7] does not match
the annotation Tensor[2, 16] of "x": axis 1 is 7, expected 16``) only when its message is
exactly mypy's for that type and the name's declared one, and the shapes provably differ.
Static only, as any variable annotation. An ``async for``/``async with`` keeps mypy's words.

>>> target_words(None, "", None) is None
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple, Union

from mypy.nodes import Expression, ForStmt, MypyFile, NameExpr, Var, WithStmt
from mypy.types import Instance, TupleType, Type, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.bare_boundaries import says
from mypy_plugin.statements import PerTree, walk
from typedflux.shapes import messages
from typedflux.shapes.bind import Mismatch, rigid_mismatch

__all__ = ["target_words"]

_PREFIX = "Incompatible types in assignment (expression has type "

# Where mypy reports a name bound by a for/with statement -> (the statement, the name, the
# with item's index, or -1 for a for target)
Targets = Dict[Tuple[int, int], Tuple[Union[ForStmt, WithStmt], NameExpr, int]]


def _read(tree: MypyFile) -> Targets:
    found: Targets = {}
    for stmt in walk(tree.defs):
        # (mypy reports at the for statement, and at the with item's expression)
        if isinstance(stmt, ForStmt) and not stmt.is_async and isinstance(stmt.index, NameExpr):
            found[(stmt.line, stmt.column)] = (stmt, stmt.index, -1)
        elif isinstance(stmt, WithStmt) and not stmt.is_async:
            for i, (manager, target) in enumerate(zip(stmt.expr, stmt.target)):
                if isinstance(target, NameExpr):
                    found[(manager.line, manager.column)] = (stmt, target, i)
    return found


_targets: PerTree[Targets] = PerTree(_read, keep=8, on_error=dict)


def target_words(state: Any, file: str, info: Any) -> Optional[str]:
    """Our words for mypy's ``[assignment]`` error ``info`` at a ``for``/``with`` target, or
    ``None`` (mypy's error stays)."""
    if info is None or not info.message.startswith(_PREFIX):
        return None
    tree = state.modules.get(info.module or "")
    if not isinstance(tree, MypyFile):
        return None
    hit = _targets(tree).get((info.line, info.column))
    if hit is None:
        return None
    stmt, name, i = hit
    var = name.node
    declared = var.type if isinstance(var, Var) else None
    if declared is None:
        return None
    from mypy.checker_state import checker_state  # (the checker of the file being checked)

    checker = checker_state.type_checker
    if checker is None or getattr(checker, "path", None) != file:
        return None
    candidates = _items(checker, stmt.expr) if isinstance(stmt, ForStmt) else \
        _entered(checker, stmt.expr[i])
    pattern = translate.shape_of(declared)
    for got_type in candidates:
        got = translate.shape_of(got_type)
        if pattern is None or got is None or \
                not says("assignment", info.message, got_type, declared, state.options):
            continue  # (not the types mypy compared)
        verdict = rigid_mismatch(pattern, got)
        if isinstance(verdict, Mismatch):
            return messages.assignment_mismatch(name.name, pattern, got, verdict.axis)
    return None


def _items(checker: Any, iterable: Expression) -> List[Type]:
    """The types mypy may have given the items of ``iterable``: its ``Iterable``'s type
    argument, or each item of a tuple."""
    from mypy.maptype import map_instance_to_supertype

    t = get_proper_type(checker.lookup_type_or_none(iterable))
    if isinstance(t, TupleType):
        return list(t.items)
    if not isinstance(t, Instance):
        return []
    info = checker.lookup_typeinfo("typing.Iterable")
    if not t.type.has_base(info.fullname):
        return []
    mapped = map_instance_to_supertype(t, info)
    return list(mapped.args[:1])


def _entered(checker: Any, manager: Expression) -> List[Type]:
    """The type ``manager.__enter__()`` gives, as mypy read it."""
    from mypy.subtypes import find_member
    from mypy.types import CallableType

    t = get_proper_type(checker.lookup_type_or_none(manager))
    if not isinstance(t, Instance):
        return []
    enter = get_proper_type(find_member("__enter__", t, t, is_operator=True))
    return [enter.ret_type] if isinstance(enter, CallableType) else []
