"""Methods a module assigns outside their class body: unknown to the flow.

LoRA injection, debugging hooks and tests replace a method after its class is defined::

    class Net:
        def __call__(self, x: Tensor) -> Tensor:
            return self.fc(x)

    def first16(self: Net, x: Tensor) -> Tensor:
        return self.fc(x[:, :16])

    Net.__call__ = first16  # type: ignore[method-assign]

``Net(16)(x)`` then runs ``first16``, not the body the class statement wrote. The flow runs
methods' bodies (a bare ``__call__``, ``model.encode(x)``, ``__init__`` for what an instance
holds), so a method of a class that the module being checked (or the class's own module)
assigns anywhere outside the class body is not run: :func:`patched` says so, and the body's
reader treats the method as unknown. The forms read: ``Cls.meth = ...`` (a subclass's or a
base's too), ``self.meth = ...`` in a method, ``instance.meth = ...`` (any expression: the
name alone is enough), ``del Cls.meth``, and calls ``setattr(obj, "meth", ...)`` (also
``monkeypatch.setattr``, ``patch.object``; a name not written literally: every method).

>>> from mypy.nodes import Block, ClassDef, SymbolTable, TypeInfo
>>> patched(TypeInfo(SymbolTable(), ClassDef("Net", Block([])), "m"), "__call__")
False
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Decorator,
    DelStmt,
    Expression,
    ExpressionStmt,
    FuncDef,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OverloadedFuncDef,
    RefExpr,
    Statement,
    StrExpr,
    TupleExpr,
    TypeAlias,
    TypeInfo,
    Var,
    WithStmt,
)
from mypy.types import Instance, get_proper_type

from mypy_plugin import per_build
from mypy_plugin.callbacks.common import CURRENT_API
from mypy_plugin.statements import nested

__all__ = ["patched"]

# A method name ("*": any) -> the classes it is assigned on (None: an object of any class).
Patches = Dict[str, List[Optional[TypeInfo]]]

_PATCHES: Dict[int, Tuple[MypyFile, List[Statement], Patches]] = {}
per_build.forget_each_build(_PATCHES)  # (holds mypy nodes: this build's only)


def patched(info: TypeInfo, name: str) -> bool:
    """Whether the method ``name`` of ``info`` may not be the one its class body defines:
    the module being checked or ``info``'s own module assigns that name on ``info``, a
    class related to it (a base or a derived class), or an object of unknown class."""
    api = CURRENT_API[0]
    tree = getattr(api, "tree", None)
    trees = [tree] if isinstance(tree, MypyFile) else []
    if not trees or info.module_name != trees[0].fullname:
        own = getattr(api, "modules", {}).get(info.module_name)
        if isinstance(own, MypyFile):
            trees.append(own)
    for t in trees:
        found = _patches(t)
        for key in (name, "*"):
            for owner in found.get(key, ()):
                if owner is None or owner in info.mro or info in owner.mro:
                    return True
    return False


def _patches(tree: MypyFile) -> Patches:
    """What ``tree`` assigns on objects' attributes (read once per tree and build; the
    daemon's new parse gives the tree new statements)."""
    hit = _PATCHES.get(id(tree))
    if hit is not None and hit[0] is tree and hit[1] is tree.defs:
        return hit[2]
    out: Patches = {}
    try:
        _read(tree.defs, {}, out)
    except AttributeError:  # (a tree read from mypy's cache: no statements to read)
        out = {}
    if len(_PATCHES) > 64:
        _PATCHES.clear()
    _PATCHES[id(tree)] = (tree, tree.defs, out)
    return out


def _read(body: Sequence[Statement], selves: Dict[Var, TypeInfo], out: Patches) -> None:
    for st in body:
        if isinstance(st, ClassDef):
            for item in st.defs.body:
                for func in _functions(item):
                    if func.arguments and not func.is_static:  # (``self`` or ``cls``)
                        selves[func.arguments[0].variable] = st.info
            _read(st.defs.body, selves, out)
            continue
        funcs = _functions(st)
        if funcs:
            for func in funcs:
                _read(func.body.body, selves, out)
            continue
        if isinstance(st, AssignmentStmt):
            for lv in st.lvalues:
                _targets(lv, selves, out)
        elif isinstance(st, DelStmt):
            _targets(st.expr, selves, out)
        elif isinstance(st, ExpressionStmt):
            _setattr(st.expr, selves, out)
        elif isinstance(st, WithStmt):
            for e in st.expr:
                _setattr(e, selves, out)
        _read(nested(st), selves, out)


def _functions(st: Statement) -> List[FuncDef]:
    if isinstance(st, FuncDef):
        return [st]
    if isinstance(st, Decorator):
        return [st.func]
    if isinstance(st, OverloadedFuncDef):
        items = [i.func if isinstance(i, Decorator) else i for i in st.items]
        impl = st.impl.func if isinstance(st.impl, Decorator) else st.impl
        return [f for f in items + [impl] if isinstance(f, FuncDef)]
    return []


def _targets(lv: Expression, selves: Dict[Var, TypeInfo], out: Patches) -> None:
    if isinstance(lv, (TupleExpr, ListExpr)):
        for item in lv.items:
            _targets(item, selves, out)
    elif isinstance(lv, MemberExpr):
        out.setdefault(lv.name, []).append(_owner(lv.expr, selves))


def _setattr(e: Expression, selves: Dict[Var, TypeInfo], out: Patches) -> None:
    """``setattr(obj, "meth", f)``, ``monkeypatch.setattr(...)``, ``patch.object(...)``."""
    if not isinstance(e, CallExpr) or not isinstance(e.callee, (NameExpr, MemberExpr)) or \
            e.callee.name not in ("setattr", "object") or len(e.args) < 2:
        return
    name = e.args[1].value if isinstance(e.args[1], StrExpr) else "*"
    out.setdefault(name, []).append(_owner(e.args[0], selves))


def _owner(e: Expression, selves: Dict[Var, TypeInfo]) -> Optional[TypeInfo]:
    """The class an assignment on ``e``'s attribute changes for every instance (``Net``,
    ``self`` in a method of ``Net``); None: an object of a class not known here."""
    node = e.node if isinstance(e, RefExpr) else None
    if isinstance(node, TypeInfo):
        return node
    if isinstance(node, TypeAlias):
        target = get_proper_type(node.target)
        return target.type if isinstance(target, Instance) else None
    if isinstance(node, Var):
        return selves.get(node)
    return None
