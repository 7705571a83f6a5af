"""Static Python values (ints, bools, None, slices, index keys) read from mypy expressions.

Each reader returns ``NOT_STATIC`` when the value is not known before run time, so callbacks
can bail out to mypy's default type instead of guessing.

>>> from mypy.nodes import IntExpr
>>> static_int(IntExpr(3), lambda e: None)
3
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, Set, Tuple, Union

from mypy.nodes import (
    ARG_POS,
    GDEF,
    AssignmentStmt,
    CallExpr,
    EllipsisExpr,
    Expression,
    IndexExpr,
    IntExpr,
    ListExpr,
    MypyFile,
    MemberExpr,
    NameExpr,
    OpExpr,
    RefExpr,
    SliceExpr,
    StrExpr,
    TupleExpr,
    TypeInfo,
    UnaryExpr,
    Var,
)
from mypy.types import (
    Instance,
    LiteralType,
    NoneType,
    TupleType,
    Type,
    TypeVarType,
    get_proper_type,
)

from mypy_plugin.class_constants import class_constant, init_constants
from mypy_plugin.flow import active_value, value_at
from mypy_plugin.flow_values import NOT_STATIC, ClassRecord, NotStatic, evaluate, int_op, sizes_call
from mypy_plugin.instance_constants import instance_constant
from mypy_plugin.module_constants import constant_value
from mypy_plugin.statements import PerTree, checked_tree, walk

__all__ = [
    "NotStatic",
    "NOT_STATIC",
    "static_int",
    "static_bool",
    "static_axis",
    "static_index",
    "static_ints",
    "static_value",
]


TypeLookup = Callable[[Expression], Optional[Type]]
Key = Union[int, "slice[Any, Any, Any]", None, "ellipsis", Tuple[Any, ...]]  # noqa: F821


def _literal_of_type(t: Optional[Type], kind: type) -> Any:
    """The value of a ``Literal[...]`` type (or of a literal mypy inferred, ``n = 3``) when it
    is a ``kind`` (an int is not a bool here), else NOT_STATIC."""
    p = get_proper_type(t) if t is not None else None
    if isinstance(p, Instance) and p.last_known_value is not None:
        p = p.last_known_value
    if isinstance(p, LiteralType) and isinstance(p.value, kind):
        if kind is bool or not isinstance(p.value, bool):
            return p.value
    return NOT_STATIC


def _int_of_type(t: Optional[Type]) -> Union[int, NotStatic]:
    return _literal_of_type(t, int)  # type: ignore[no-any-return]


def static_int(e: Expression, lookup: TypeLookup) -> Union[int, NotStatic]:
    """An int known statically: a literal, ``-3``, folded ``2*3`` or ``2**3``, or a ``Literal``/``Final``
    (or another name or call :func:`final_int` knows).

    >>> from mypy.nodes import UnaryExpr, IntExpr
    >>> static_int(UnaryExpr("-", IntExpr(1)), lambda e: None)
    -1
    """
    if isinstance(e, IntExpr):
        return e.value
    if isinstance(e, UnaryExpr) and e.op in ("-", "+"):
        inner = static_int(e.expr, lookup)
        if isinstance(inner, NotStatic):
            return inner
        return -inner if e.op == "-" else inner
    if isinstance(e, OpExpr) and e.op in ("+", "-", "*", "//", "**"):
        a, b = static_int(e.left, lookup), static_int(e.right, lookup)
        if isinstance(a, NotStatic) or isinstance(b, NotStatic):
            return NOT_STATIC
        return int_op(e.op, a, b)
    if redeclared(e, lookup):
        return final_int(e, lookup)
    value = _int_of_type(lookup(e))
    if isinstance(value, NotStatic):
        return final_int(e, lookup)
    return value


def redeclared(e: Expression, lookup: Any) -> bool:
    """Whether ``e`` reads a module-level name that a later statement annotates again
    (``SIZE = 6``, then ``SIZE: int = 9  # type: ignore[no-redef]``): mypy's type for it at a
    read keeps the first value's literal, and the second statement binds another variable,
    whatever the run binds, so neither value is its size.

    >>> redeclared(NameExpr("SIZE"), lambda e: None)
    False
    """
    if not isinstance(e, NameExpr) or e.kind != GDEF:
        return False
    tree = checked_tree(lookup)
    return tree is not None and e.name in _redeclared(tree)


def _read_redeclared(tree: MypyFile) -> Set[str]:
    bound: Set[str] = set()
    out: Set[str] = set()
    statements = walk(tree.defs, scopes=False)
    for st in sorted(statements, key=lambda st: (st.line, st.column)):
        if isinstance(st, AssignmentStmt):
            names = {lv.name for lv in st.lvalues if isinstance(lv, NameExpr)}
            if st.unanalyzed_type is not None:
                out.update(names & bound)
            bound.update(names)
    return out


_redeclared: PerTree[Set[str]] = PerTree(_read_redeclared, keep=64, on_error=set)


def final_int(e: Expression, lookup: Optional[TypeLookup] = None) -> Union[int, NotStatic]:
    """The value of a name bound to a ``Final`` int (``D: Final[int] = 64``, ``Cfg.D``), or
    to an int once in its module (module_constants.py), or ``len()`` of a list of known
    length: its type says only ``int``, but its value is known statically.

    >>> from mypy.nodes import NameExpr, Var
    >>> n = NameExpr("D"); v = Var("D"); v.is_final = True; v.final_value = 64; n.node = v
    >>> final_int(n)
    64
    """
    if isinstance(e, CallExpr) and sizes_call(e):
        # ``int(dim * mlp_ratio)``, ``round(d * 0.75)``, ``max(1, c // 4)`` written in place:
        # a float computed and rounded as Python does, with the names of the runs under way
        # (flow_values.py)
        from mypy_plugin.flow_typed import ACTIVE

        env = {k: v for active in ACTIVE for k, v in active.items()}
        rounded = evaluate(e, env, lambda x: static_int(
            x, lookup) if lookup is not None else NOT_STATIC, set())
        return rounded if isinstance(rounded, int) and not isinstance(
            rounded, bool) else NOT_STATIC
    if isinstance(e, CallExpr) and isinstance(e.callee, RefExpr) \
            and e.callee.fullname == "builtins.len" and e.arg_kinds == [ARG_POS]:
        # ``len(batch)`` of a list whose length is known (bound once to a display, read only
        # in ways that keep its length: callbacks/list_counts.py), as ``n = len(batch)`` is.
        from mypy_plugin.callbacks.list_counts import sequence_count

        count = sequence_count(e.args[0], lookup) if lookup is not None else None
        if count is None:  # ``len(vocab_sizes)`` of a list a run holds (flow_run.py)
            count = active_value(e)
        if isinstance(count, int) and not isinstance(count, bool):
            return count
    if lookup is not None and redeclared(e, lookup):
        return NOT_STATIC
    if isinstance(e, IndexExpr) or (isinstance(e, MemberExpr) and isinstance(
            e.expr, NameExpr) and isinstance(active_value(e.expr), ClassRecord)):
        # ``widths[k]`` in a loop being followed (flow.py); ``block.expansion`` of the class a
        # run gave ``block`` (``_make_layer(Bottleneck, 64)``): its constant class attribute
        # (flow_values.ClassRecord)
        v = active_value(e)
        return v if isinstance(v, int) and not isinstance(v, bool) else NOT_STATIC
    node = e.node if isinstance(e, (NameExpr, MemberExpr)) else None
    if node is None and isinstance(e, MemberExpr) and isinstance(e.expr, RefExpr):
        owner = e.expr.node  # ``Cfg.D``: the attribute of the class itself
        if isinstance(owner, TypeInfo):
            node = getattr(owner.get(e.name), "node", None)
    if isinstance(node, Var) and node.is_final:
        value = node.final_value
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    constant = constant_value(e, lookup)  # ``LATENT = 20`` bound once in this module
    if constant is None:
        constant = class_constant(e, lookup)  # ``Config.n_embd``, ``config.n_embd``
    if constant is None:
        constant = _model_class_constant(e, lookup)  # ``BasicBlock.expansion``
    if constant is None:
        constant = instance_constant(e, lookup)  # ``cfg.d_in`` of ``cfg = Config()``
    if constant is None and isinstance(node, Var) and isinstance(e, NameExpr):
        # ``c += growth`` in a loop of known length: its value where it is read (flow.py)
        v = value_at(getattr(lookup, "__self__", None), e)
        if isinstance(v, int) and not isinstance(v, bool):
            return v
    return NOT_STATIC if constant is None else constant


def _model_class_constant(e: Expression, lookup: Optional[TypeLookup]) -> Optional[int]:
    """``BasicBlock.expansion`` read on the class itself, any class of the module being
    checked that class_constants.class_constant does not take (one with ``__init__``, or
    with bases): the int its
    class body binds, when nothing may change it (class_constants.init_constants' rules, the
    value ``self.expansion`` has in its construction's run)."""
    if not isinstance(e, MemberExpr) or not isinstance(e.expr, RefExpr) or not isinstance(
            e.expr.node, TypeInfo):
        return None
    tree = checked_tree(lookup)
    info = e.expr.node
    if tree is None or info.module_name != tree.fullname:
        return None
    return init_constants(tree, info).get(e.name)


def static_bool(e: Expression, lookup: TypeLookup) -> Union[bool, NotStatic]:
    """``True``/``False`` written literally (or typed as ``Literal[True]``).

    >>> from mypy.nodes import NameExpr
    >>> n = NameExpr("True"); n.fullname = "builtins.True"
    >>> static_bool(n, lambda e: None)
    True
    """
    if isinstance(e, NameExpr) and e.fullname in ("builtins.True", "builtins.False"):
        return e.fullname == "builtins.True"
    return _literal_of_type(lookup(e), bool)  # type: ignore[no-any-return]


def _is_none(e: Expression) -> bool:
    return isinstance(e, NameExpr) and e.fullname == "builtins.None"


def static_ints(e: Expression, lookup: TypeLookup) -> Union[tuple[int, ...], NotStatic]:
    """A tuple of static ints, written ``(0, 1)`` or typed ``tuple[Literal[0], ...]``.

    >>> from mypy.nodes import TupleExpr, IntExpr
    >>> static_ints(TupleExpr([IntExpr(0), IntExpr(1)]), lambda e: None)
    (0, 1)
    """
    if isinstance(e, TupleExpr):
        out: List[int] = []
        for item in e.items:
            v = static_int(item, lookup)
            if isinstance(v, NotStatic):
                return v
            out.append(v)
        return tuple(out)
    t = lookup(e)
    p = get_proper_type(t) if t is not None else None
    if isinstance(p, TupleType):
        vals = [_int_of_type(i) for i in p.items]
        if any(isinstance(v, NotStatic) for v in vals):
            return NOT_STATIC
        return tuple(v for v in vals if isinstance(v, int))
    return NOT_STATIC


def static_axis(e: Expression, lookup: TypeLookup) -> Union[int, tuple[int, ...], None, NotStatic]:
    """An ``axis`` argument: ``None``, an int, or a tuple of ints.

    >>> from mypy.nodes import IntExpr
    >>> static_axis(IntExpr(-1), lambda e: None)
    -1
    """
    if _is_none(e):
        return None
    t = lookup(e)
    if isinstance(get_proper_type(t) if t is not None else None, NoneType):
        return None
    v = static_int(e, lookup)
    if not isinstance(v, NotStatic):
        return v
    return static_ints(e, lookup)


def _is_plain_int(t: Optional[Type]) -> bool:
    p = get_proper_type(t) if t is not None else None
    if isinstance(p, TypeVarType):
        bound = get_proper_type(p.upper_bound)
        return isinstance(bound, Instance) and bound.type.fullname == "builtins.int"
    return isinstance(p, Instance) and p.type.fullname == "builtins.int"


def static_index(
    e: Expression,
    lookup: TypeLookup,
    guessed: Optional[List[bool]] = None,
    bound: Optional[Callable[[Expression], Any]] = None,
) -> Union[Key, NotStatic]:
    """A ``__getitem__`` key of static ints, slices with static bounds, ``None`` and ``...``.

    With ``guessed`` (a list), an ``int`` index whose value is not known (``x[i]``) is read as
    ``0`` and ``True`` is appended: the result's rank does not depend on the value, but a
    range error found with it proves nothing (the caller must not report it). With
    ``bound``, a slice bound that is not a static int is read by it as a dim (``x[:n]`` with
    ``n: int`` keeps the axis at an unknown size, ``x[:t]`` with ``t: T`` at a symbolic one);
    it returns ``None`` for what is not a size.

    >>> from mypy.nodes import SliceExpr, IntExpr
    >>> static_index(SliceExpr(None, IntExpr(2), None), lambda e: None)
    slice(None, 2, None)
    """
    if isinstance(e, TupleExpr):
        parts: List[object] = []
        for item in e.items:
            v = static_index(item, lookup, guessed, bound)
            if isinstance(v, NotStatic) or isinstance(v, tuple):
                return NOT_STATIC
            parts.append(v)
        return tuple(parts)
    if isinstance(e, EllipsisExpr):
        return ...
    if _is_none(e):
        return None
    if isinstance(e, SliceExpr):
        bounds: List[Optional[int]] = []
        for b in (e.begin_index, e.end_index, e.stride):
            if b is None or _is_none(b):
                bounds.append(None)
                continue
            v = static_int(b, lookup)
            if isinstance(v, NotStatic) and bound is not None:
                d = bound(b)
                v = NOT_STATIC if d is None else d
            if isinstance(v, NotStatic):
                return NOT_STATIC
            bounds.append(v)
        return slice(bounds[0], bounds[1], bounds[2])
    v = static_int(e, lookup)
    if isinstance(v, NotStatic) and guessed is not None and _is_plain_int(lookup(e)):
        guessed.append(True)
        return 0
    return v


def static_value(e: Expression, lookup: TypeLookup) -> Any:
    """A static Python value (``Kind.STATIC``): a str, int, bool or None written literally or
    typed ``Literal``/``Final``, or a tuple or list of them (nested; lists become tuples).

    >>> from mypy.nodes import StrExpr, ListExpr, TupleExpr, IntExpr
    >>> static_value(StrExpr("ij,jk->ik"), lambda e: None)
    'ij,jk->ik'
    >>> static_value(ListExpr([TupleExpr([IntExpr(0), IntExpr(1)])]), lambda e: None)
    ((0, 1),)
    """
    if isinstance(e, StrExpr):
        return e.value
    if isinstance(e, (TupleExpr, ListExpr)):
        items = [static_value(item, lookup) for item in e.items]
        if any(isinstance(v, NotStatic) for v in items):
            return NOT_STATIC
        return tuple(items)
    if _is_none(e):
        return None
    b = static_bool(e, lookup)
    if not isinstance(b, NotStatic):
        return b
    i = static_int(e, lookup)
    if not isinstance(i, NotStatic):
        return i
    return _literal_of_type(lookup(e), str)
