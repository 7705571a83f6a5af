"""Walks over a module's statements, shared by the plugin parts that read a module's tree
(``module_constants.py``, ``callbacks/bare_values.py``). A plain walk: mypy's compiled
visitors cannot be subclassed here.

>>> from mypy.nodes import Block, IfStmt, NameExpr, PassStmt
>>> inner = PassStmt()
>>> [type(s).__name__ for s in walk([IfStmt([NameExpr("c")], [Block([inner])], None)])]
['IfStmt', 'PassStmt']
"""

from __future__ import annotations

from typing import Callable, Dict, Generic, List, Optional, Sequence, Set, Tuple, TypeVar

from mypy.nodes import (
    AssignmentStmt,
    Block,
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    IfStmt,
    ListExpr,
    MatchStmt,
    MemberExpr,
    MypyFile,
    NameExpr,
    OverloadedFuncDef,
    StarExpr,
    Statement,
    StrExpr,
    TryStmt,
    TupleExpr,
    WhileStmt,
    WithStmt,
)

from mypy.traverser import NameAndMemberCollector
from mypy_plugin import per_build

__all__ = [
    "nested", "walk", "PerTree", "assignment_before", "mentions", "methods_of", "overridden",
    "attribute_targets", "setattr_name",
]


def attribute_targets(e: Expression) -> List[MemberExpr]:
    """The attributes an assignment target binds: ``a.x``, and those inside ``a.x, (b.y,
    *c.z) = ...``.

    >>> from mypy.nodes import MemberExpr, NameExpr, TupleExpr
    >>> [m.name for m in attribute_targets(TupleExpr([MemberExpr(NameExpr("a"), "x")]))]
    ['x']
    """
    if isinstance(e, MemberExpr):
        return [e]
    if isinstance(e, (TupleExpr, ListExpr)):
        return [m for item in e.items for m in attribute_targets(item)]
    if isinstance(e, StarExpr):
        return attribute_targets(e.expr)
    return []


def setattr_name(st: Statement) -> Optional[str]:
    """The attribute name a ``setattr(<object>, "<name>", <value>)`` statement sets."""
    if not isinstance(st, ExpressionStmt) or not isinstance(st.expr, CallExpr):
        return None
    call = st.expr
    if not isinstance(call.callee, NameExpr) or call.callee.fullname != "builtins.setattr" \
            or len(call.args) != 3 or not isinstance(call.args[1], StrExpr):
        return None
    return call.args[1].value


def methods_of(cd: ClassDef) -> List[FuncDef]:
    """The functions a class body defines: plain, decorated (a property, a staticmethod) and
    every item and the implementation of an overload.

    >>> from mypy.nodes import Block, ClassDef, FuncDef
    >>> [f.name for f in methods_of(ClassDef("C", Block([FuncDef("f", [], Block([]))])))]
    ['f']
    """
    out: List[FuncDef] = []
    for item in cd.defs.body:
        if isinstance(item, FuncDef):
            out.append(item)
        elif isinstance(item, Decorator):
            out.append(item.func)
        elif isinstance(item, OverloadedFuncDef):
            out += [i.func if isinstance(i, Decorator) else i for i in item.items
                    if isinstance(i, (FuncDef, Decorator))]
            if isinstance(item.impl, (FuncDef, Decorator)):
                out.append(item.impl.func if isinstance(item.impl, Decorator) else item.impl)
    return out


def mentions(stmt: Statement, name: str) -> bool:
    """Whether ``stmt`` reads or binds the name ``name`` anywhere in it."""
    seen = NameAndMemberCollector()  # (mypy's own visitor, used as is)
    stmt.accept(seen)
    return any(n.name == name for n in seen.name_exprs)


def assignment_before(block: Sequence[Statement], j: int, name: str) -> Optional[AssignmentStmt]:
    """The plain assignment ``name = ...`` that is the last statement before ``block[j]`` to
    mention ``name`` (None when another statement mentions it in between, or none binds it):
    the value a ``return name`` (or ``[name]``) at ``block[j]`` certainly is."""
    for k in range(j - 1, -1, -1):
        st = block[k]
        if (
            isinstance(st, AssignmentStmt)
            and len(st.lvalues) == 1
            and isinstance(st.lvalues[0], NameExpr)
            and st.lvalues[0].name == name
        ):
            return st
        if mentions(st, name):
            return None
    return None

T = TypeVar("T")


def nested(stmt: Statement) -> List[Statement]:
    """The statements directly nested in a compound statement (a class body, branches,
    loops, ``with``, ``try``, ``match`` cases, a block); functions' bodies are not.

    >>> from mypy.nodes import PassStmt
    >>> nested(PassStmt())
    []
    """
    out: List[Statement] = []
    blocks: List[Optional[Block]] = []
    if isinstance(stmt, ClassDef):
        blocks = [stmt.defs]
    elif isinstance(stmt, IfStmt):
        blocks = [*stmt.body, stmt.else_body]
    elif isinstance(stmt, (ForStmt, WhileStmt)):
        blocks = [stmt.body, stmt.else_body]
    elif isinstance(stmt, WithStmt):
        blocks = [stmt.body]
    elif isinstance(stmt, TryStmt):
        blocks = [stmt.body, *stmt.handlers, stmt.else_body, stmt.finally_body]
    elif isinstance(stmt, MatchStmt):
        blocks = list(stmt.bodies)
    elif isinstance(stmt, Block):
        blocks = [stmt]
    for b in blocks:
        if b is not None:
            out.extend(b.body)
    return out


def walk(body: Sequence[Statement], scopes: bool = True) -> List[Statement]:
    """Every statement of ``body`` and of the statements nested in it; with ``scopes``
    false, the bodies of functions and classes are left out (they are their own scopes).
    """
    out: List[Statement] = []
    stack: List[Statement] = list(body)
    while stack:
        st = stack.pop()
        out.append(st)
        if isinstance(st, (FuncDef, ClassDef, Decorator, OverloadedFuncDef)) and not scopes:
            continue
        if isinstance(st, FuncDef):
            stack.extend(st.body.body)
        elif isinstance(st, Decorator):
            stack.extend(st.func.body.body)
        elif isinstance(st, OverloadedFuncDef):
            stack.extend(st.items)
            if st.impl is not None:
                stack.append(st.impl)
        else:
            stack.extend(nested(st))
    return out


def checked_tree(lookup: object) -> Optional[MypyFile]:
    """The tree of the module being checked, from the checker's bound ``lookup_type_or_none``
    that value readers receive; None for any other lookup.

    >>> checked_tree(lambda e: None) is None
    True
    """
    tree = getattr(getattr(lookup, "__self__", None), "tree", None)
    return tree if isinstance(tree, MypyFile) else None


class PerTree(Generic[T]):
    """What ``read`` finds in a module's tree, kept for the last ``keep`` trees of the build
    (forgotten at the next build: per_build.forget_each_build). Read again when the tree's
    statements are new: mypy's daemon merges a file parsed again into the same tree object
    (its ``defs`` are the new parse's), so the tree alone would give the old file's answer.
    Each entry keeps its tree alive, so an id is never reused while kept.

    >>> count = PerTree(lambda tree: len(tree.defs), keep=2)
    >>> tree = MypyFile([], [])
    >>> count(tree)
    0
    >>> tree.defs = [Block([])]  # what the daemon's merge does
    >>> count(tree)
    1
    """

    def __init__(self, read: Callable[[MypyFile], T], keep: int,
                 on_error: Optional[Callable[[], T]] = None) -> None:
        self.read = read
        self.keep = keep
        # A reader of constructs it may not model gives ``on_error()`` (nothing known, so no
        # report) where ``read`` raises, instead of failing the hook that asked.
        self.on_error = on_error
        self.known: Dict[int, Tuple[MypyFile, List[Statement], T]] = {}
        # Emptied at each build: an entry keeps its tree alive, and a tree keeps its whole
        # build (every module, symbol and type), so a process that runs mypy again and again
        # (the tests, mypy's daemon) would keep up to ``keep`` earlier builds.
        per_build.forget_each_build(self.known)

    def __call__(self, tree: MypyFile) -> T:
        hit = self.known.get(id(tree))
        if hit is not None and hit[0] is tree and hit[1] is tree.defs:
            return hit[2]
        if self.on_error is None:
            found = self.read(tree)
        else:
            try:
                found = self.read(tree)
            except Exception:  # noqa: BLE001 - a construct not modelled: nothing is known
                found = self.on_error()
        self.known.pop(id(tree), None)
        if len(self.known) >= self.keep:
            del self.known[next(iter(self.known))]
        self.known[id(tree)] = (tree, tree.defs, found)
        return found


def _overrides(tree: MypyFile) -> Set[Tuple[str, str]]:
    out: Set[Tuple[str, str]] = set()
    for c in walk(tree.defs):
        if isinstance(c, ClassDef):
            names = {n for k in c.info.mro for n in k.names}
            for base in c.info.mro[1:]:
                for n in names:
                    mine, theirs = c.info.get(n), base.get(n)
                    if theirs is not None and (mine is None or mine.node is not theirs.node):
                        out.add((base.fullname, n))
    return out


# (class, member) pairs where some class of a module deriving from that class finds another
# definition of that name (its own, a grandchild's redefinition of an inherited method, or
# a second base's that its MRO puts first): ``self`` of that class may be the derived class's
# instance, running that other method.
overridden: PerTree[Set[Tuple[str, str]]] = PerTree(_overrides, keep=64)
