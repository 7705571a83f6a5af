"""Sizes kept in plain class attributes: ``class Config: n_embd = 64``, then
``Dense(Config.n_embd, 4 * Config.n_embd)`` or ``config.n_embd`` of a ``Config()``.

mypy types such an attribute ``int``. It holds its class-body value everywhere when nothing
can change it, judged on the module that defines the class (the one being checked): the
class is defined at the module's top level with no base but ``object``, no decorator (a
dataclass's ``__init__`` sets its fields per instance) and no ``__init__``, ``__setattr__``,
``__getattr__``, ``__getattribute__`` or ``__slots__``; no class of the module derives from
it; its body binds the attribute once, to an int (a literal, or arithmetic of the module's
constants and attributes bound before it); and no statement of the module assigns, deletes
or augments an attribute of that name on anything (but on the ``self`` of a method of a class
it does not derive from: ``self.n_embd = config.n_embd`` in a model), nor calls ``setattr``. As for module
constants (module_constants.py), a change made from another module is not seen.

>>> from mypy.nodes import NameExpr
>>> class_constant(NameExpr("x"), lambda e: None) is None
True
"""

from __future__ import annotations

from typing import Dict, Optional, Set, Tuple

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Decorator,
    DelStmt,
    EllipsisExpr,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    OverloadedFuncDef,
    PassStmt,
    RefExpr,
    StrExpr,
    TypeInfo,
    Var,
    WithStmt,
)
from mypy.server.subexpr import get_subexpressions
from mypy.types import Instance, get_proper_type

from mypy_plugin.module_constants import constants_of, fold
from mypy_plugin.statements import PerTree, checked_tree, walk

__all__ = ["class_constant", "init_constants"]

_DUNDERS = {"__init__", "__setattr__", "__getattr__", "__getattribute__", "__slots__",
            "__new__", "__init_subclass__"}


def class_constant(e: Expression, lookup: object) -> Optional[int]:
    """The value of ``Cls.attr`` or ``obj.attr`` (``obj`` typed ``Cls``) for a constant
    class attribute of the module being checked, else None."""
    if not isinstance(e, MemberExpr):
        return None
    tree = checked_tree(lookup)
    if tree is None:
        return None
    info: Optional[TypeInfo] = None
    if isinstance(e.expr, RefExpr) and isinstance(e.expr.node, TypeInfo):
        info = e.expr.node
    elif callable(lookup):
        t = get_proper_type(lookup(e.expr))
        if isinstance(t, Instance):
            info = t.type
    if info is None or info.module_name != tree.fullname:
        return None
    return _known(tree).get((info.fullname, e.name))


_known: PerTree[Dict[Tuple[str, str], int]] = PerTree(
    lambda tree: _constants(tree), keep=64, on_error=dict)  # (_constants is defined below)



Assigned = Dict[str, Set[Optional[str]]]


def _assigned_attributes(tree: MypyFile) -> Optional[Assigned]:
    """Attribute names some statement assigns, augments or deletes, each with the classes
    whose method assigns it on its own ``self`` (None: on anything else); None when the
    module calls ``setattr``/``delattr``/``vars``."""
    names: Assigned = {}
    for sub in get_subexpressions(tree):
        if isinstance(sub, CallExpr) and isinstance(sub.callee, NameExpr) and sub.callee.name in (
                "setattr", "delattr", "vars"):
            return None
    owners: Dict[Var, str] = {}  # each method's ``self`` -> its class
    for st in walk(tree.defs):
        if isinstance(st, ClassDef):
            for m in st.defs.body:
                f = m.func if isinstance(m, Decorator) else m
                if isinstance(f, FuncDef) and f.arguments and not f.is_static and not (
                        isinstance(m, Decorator) and m.decorators):
                    owners[f.arguments[0].variable] = st.info.fullname

    def targets(x: Expression) -> None:
        for sub in get_subexpressions(x):
            if isinstance(sub, MemberExpr):
                base = sub.expr
                owner = owners.get(base.node) if isinstance(base, NameExpr) and isinstance(
                    base.node, Var) else None
                names.setdefault(sub.name, set()).add(owner)

    for st in walk(tree.defs):
        if isinstance(st, AssignmentStmt):
            for lv in st.lvalues:
                targets(lv)
        elif isinstance(st, OperatorAssignmentStmt):
            targets(st.lvalue)
        elif isinstance(st, DelStmt):
            targets(st.expr)
        elif isinstance(st, ForStmt):
            targets(st.index)
        elif isinstance(st, WithStmt):
            for t in st.target:
                if t is not None:
                    targets(t)
    return names


def assigned_to(assigned: Assigned, name: str, info: TypeInfo) -> bool:
    """Whether some statement may assign ``name`` on an instance of ``info``: on anything but
    a method's own ``self``, or in a method of ``info`` or of a class it derives from.

    >>> from mypy.nodes import Block, ClassDef, SymbolTable
    >>> info = TypeInfo(SymbolTable(), ClassDef("C", Block([])), "m")
    >>> info.mro = [info]
    >>> assigned_to({"d": {"m.K"}}, "d", info), assigned_to({"d": {None}}, "d", info)
    (False, True)
    """
    owners = assigned.get(name)
    if not owners:
        return False
    mro = {b.fullname for b in info.mro}
    return any(o is None or o in mro for o in owners)


def init_constants(tree: MypyFile, info: TypeInfo) -> Dict[str, int]:
    """The constant class attributes of a model class of ``tree`` as its ``__init__`` reads
    them through ``self`` (``out = planes * self.expansion``): the rules above, the class
    may define ``__init__`` (its run binds what it assigns on ``self``; any such statement
    makes the attribute not constant: ``assigned_to``), and may derive from classes of the
    module's top level (``info`` is the class built: an attribute is the one its MRO finds
    first, ``expansion = 4`` of a ``Bottleneck(Block)`` over ``Block``'s ``expansion = 1``;
    the search stops at a class whose body is not read, which may bind any name).

    >>> from mypy.nodes import Block, ClassDef
    >>> init_constants(MypyFile([], []), TypeInfo({}, ClassDef("C", Block([])), "m"))
    {}
    """
    bodies, assigned = _in_init(tree)
    out: Dict[str, int] = {}
    seen: Set[str] = set()
    for k in info.mro:
        names = bodies.get(k.fullname)
        if names is None or assigned is None:
            break  # (``object``, or a class whose body is not read)
        for n, v in names.items():
            if n not in seen:
                seen.add(n)
                if v is not None and not assigned_to(assigned, n, info):
                    out[n] = v
    return out


_Bodies = Dict[str, Dict[str, Optional[int]]]


def _constants(tree: MypyFile) -> Dict[Tuple[str, str], int]:
    bodies, _ = _bodies(tree, init=False)
    classes = [d for d in tree.defs if isinstance(d, ClassDef)]
    derived = {b.fullname for c in classes for b in c.info.mro[1:]}
    return {(c.info.fullname, n): v for c in classes if c.info.fullname not in derived and [
        b.type.fullname for b in c.info.bases] == ["builtins.object"]
        for n, v in bodies.get(c.info.fullname, {}).items() if v is not None}


def _plain(s: object) -> bool:
    """A class-body statement whose bindings are read here: an assignment, a def, a nested
    class, a docstring or ``pass`` (a binding inside an ``if``, ``for`` or ``try`` of the
    body, or a ``+=``, would make "bound once" a guess)."""
    if isinstance(s, ExpressionStmt):
        return isinstance(s.expr, (StrExpr, EllipsisExpr))
    return isinstance(s, (AssignmentStmt, FuncDef, OverloadedFuncDef, Decorator, ClassDef,
                          PassStmt))


def _bodies(tree: MypyFile, init: bool) -> Tuple[_Bodies, Optional[Assigned]]:
    """Each class of ``tree``'s top level whose body is read (no decorator or metaclass, none
    of the hooks above; ``init``: ``__init__`` allowed): each name its body binds -> its int
    when bound once to a constant that no statement assigns on its instances, else None;
    with the module's assigned attributes (None, and no class: ``setattr`` is called)."""
    assigned = _assigned_attributes(tree)
    if assigned is None:
        return {}, None
    module = constants_of(tree)
    out: _Bodies = {}
    for c in tree.defs:
        if not isinstance(c, ClassDef):
            continue
        info = c.info
        if c.decorators or info.metaclass_type is not None:
            continue
        body = c.defs.body
        if not all(_plain(s) for s in body):
            continue  # (``if ...: expansion = 4`` in the body: which binding holds is not read)
        bound: Dict[str, int] = {}
        for s in body:
            if isinstance(s, AssignmentStmt):
                for lv in s.lvalues:
                    if isinstance(lv, NameExpr):
                        bound[lv.name] = bound.get(lv.name, 0) + 1
            elif isinstance(s, (FuncDef, OverloadedFuncDef)):
                bound[s.name] = bound.get(s.name, 0) + 1
        dunders = _DUNDERS - {"__init__"} if init else _DUNDERS
        if dunders & set(bound) or any(getattr(s, "name", None) in dunders for s in body):
            continue
        values: Dict[str, int] = dict(module)
        names: Dict[str, Optional[int]] = {n: None for n in info.names}
        for s in body:
            if not (isinstance(s, AssignmentStmt) and len(s.lvalues) == 1
                    and isinstance(s.lvalues[0], NameExpr)):
                continue
            name = s.lvalues[0].name
            if bound.get(name) != 1 or assigned_to(assigned, name, info):
                continue
            v = fold(s.rvalue, values)
            if v is not None:
                values[name] = v
                names[name] = v
        out[info.fullname] = names
    return out, assigned


_in_init: PerTree[Tuple[_Bodies, Optional[Assigned]]] = PerTree(
    lambda tree: _bodies(tree, init=True), keep=64, on_error=lambda: ({}, None))
