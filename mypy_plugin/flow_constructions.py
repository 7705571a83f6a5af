"""Which call built an instance: the construction flow_instances.py runs ``__init__`` on.

An instance read as ``m`` (``m.head``, ``m(x)``) is traced to the call that built it
(:func:`construction`; the soundness rules are flow_instances.py's): a call of the class
written there, a name bound exactly once to one (at module level, or at the top level of
the function being checked), ``self.block`` bound once in ``__init__`` to one. A class
method is a construction too (:func:`class_call`)::

    class MLP:
        def __init__(self, d_in: int, hidden: int, n_out: int) -> None: ...

        @classmethod
        def small(cls) -> "MLP":
            return cls(12, 16, 3)

    model = MLP.small()

Called on the class itself (``cls`` is that class: written ``MLP.small()``, not on a derived
class or an instance), a class method with no parameter but ``cls`` whose body is one
``return cls(...)`` (or ``return MLP(...)``) builds what that call builds: ``MLP.small()``
stands for ``MLP(12, 16, 3)`` written where the factory is called (its arguments name no
parameter, there being none).

>>> from mypy.nodes import NameExpr
>>> class_call(CallExpr(NameExpr("f"), [], [], [])) is None
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    GDEF,
    LDEF,
    AssignmentStmt,
    CallExpr,
    Decorator,
    Expression,
    ExpressionStmt,
    FuncDef,
    MemberExpr,
    MypyFile,
    NameExpr,
    RefExpr,
    ReturnStmt,
    Statement,
    StrExpr,
    TypeInfo,
    Var,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.flow_inits import init_base, is_super_init
from mypy_plugin.flow_names import binding_targets
from mypy_plugin.flow_patches import patched
from mypy_plugin.flow_run import captured
from mypy_plugin.statements import walk
from mypy_plugin import per_build

__all__ = ["class_call", "construction", "single_call"]

_KEEP = 256  # factory calls remembered


def class_call(e: CallExpr) -> Optional[CallExpr]:
    """``e`` if it calls a class; for ``MLP.small()`` of a ``@classmethod`` factory whose
    body is ``return cls(12, 16, 3)``, that construction (with ``MLP`` for ``cls``)."""
    callee = e.callee
    if isinstance(callee, RefExpr) and isinstance(callee.node, TypeInfo):
        return e
    if not isinstance(callee, MemberExpr) or not isinstance(callee.expr, RefExpr) or \
            not isinstance(callee.expr.node, TypeInfo) or e.args:
        return None
    hit = _FACTORIES.get(id(e))  # (the same construction object each time: keyed by it)
    if hit is not None and hit[0] is e:
        return hit[1]
    built = _factory_call(e, callee.expr.node, callee.name)
    if len(_FACTORIES) >= _KEEP:
        del _FACTORIES[next(iter(_FACTORIES))]
    _FACTORIES[id(e)] = (e, built)
    return built


_FACTORIES: Dict[int, Tuple[CallExpr, Optional[CallExpr]]] = {}
per_build.forget_each_build(_FACTORIES)  # (holds mypy nodes: this build's only)


def _factory_call(e: CallExpr, info: TypeInfo, name: str) -> Optional[CallExpr]:
    """The construction a classmethod ``info.name()`` with no parameter but ``cls`` returns,
    its body one ``return cls(...)`` (or ``return <the class>(...)``), as a call of ``info``
    written at ``e`` (None: not such a factory)."""
    method = info.get_method(name)
    if isinstance(method, Decorator) and not method.decorators:
        method = method.func  # (mypy drops ``@classmethod`` from the decorator list)
    if not isinstance(method, FuncDef) or not method.is_class or method.is_generator or \
            method.is_coroutine or patched(info, name):
        return None  # (patched: another function runs, flow_patches.py)
    try:
        if len(method.arguments) != 1:
            return None
        body = [st for st in method.body.body if not (
            isinstance(st, ExpressionStmt) and isinstance(st.expr, StrExpr))]
    except AttributeError:  # (read from mypy's cache: no body)
        return None
    ret = body[0].expr if len(body) == 1 and isinstance(body[0], ReturnStmt) else None
    if not isinstance(ret, CallExpr) or not isinstance(ret.callee, NameExpr) or not (
            ret.callee.node is method.arguments[0].variable or ret.callee.node is info):
        return None
    callee = NameExpr(info.name)
    callee.node, callee.fullname, callee.kind = info, info.fullname, GDEF
    callee.set_line(e)
    call = CallExpr(callee, ret.args, ret.arg_kinds, ret.arg_names)
    call.set_line(e)
    return call


def single_call(s: Statement) -> Optional[CallExpr]:
    """The construction ``s`` binds its one target to (``x = MLP(...)``), else None."""
    if isinstance(s, AssignmentStmt) and len(s.lvalues) == 1 and isinstance(
            s.rvalue, CallExpr):
        return class_call(s.rvalue)
    return None



def construction(chk: Any, tree: MypyFile, module: Any, e: Expression) -> Optional[CallExpr]:
    """The call that built what ``e`` stands for in ``tree`` (``module``: what
    flow_instances.py read of it once), or None."""
    if isinstance(e, CallExpr):
        return class_call(e)
    if isinstance(e, MemberExpr):
        return _held(chk, module, e)
    if not isinstance(e, NameExpr) or not isinstance(e.node, Var):
        return None
    if e.kind == GDEF:
        return module.built().get(e.name) if e.fullname == f"{tree.fullname}.{e.name}" \
            else None
    func = chk.scope.current_function() if e.kind == LDEF else None
    if not isinstance(func, FuncDef) or e.node.is_self or any(
            a.variable is e.node for a in func.arguments):
        # (a parameter is never a construction of the function's: ``self.x`` in every
        # method of every class, torch's too, is answered before its body is read)
        return None
    return _local_constructions(func).get(e.node)


def _held(chk: Any, module: Any, e: MemberExpr) -> Optional[CallExpr]:
    """``self.block`` in a method of a model class whose ``__init__`` binds it, at its top
    level, to a construction (``self.block = Block(64)``; or the base's ``__init__`` that a
    top-level ``super().__init__(...)`` runs), the only binding of an attribute of that name
    in the module."""
    func = chk.scope.current_function()
    if not isinstance(func, FuncDef) or not func.arguments or not isinstance(
            e.expr, NameExpr) or e.expr.node is not func.arguments[0].variable:
        return None
    init = module.inits.get(func.info.fullname) if func.info is not None else None
    if init is None:
        return None
    facts = module.attributes()
    if facts.poisoned or facts.derived.get(func.info.fullname) or facts.binds(
            func.info.fullname, e.name, exact=False) != 1:
        return None  # (``self`` may be a derived class's instance: unsure, not traced)
    if any(isinstance(x, NameExpr) and x.node is e.expr.node for st in walk(func.body.body)
           for t in binding_targets(st) for x in get_subexpressions(t)):
        return None  # (``self`` rebound in the method)
    return _bound_in(init, e.name, module.inits, set())


def _bound_in(init: FuncDef, name: str, inits: Dict[str, FuncDef], seen: Set[int]
              ) -> Optional[CallExpr]:
    """The construction a top-level statement of ``init`` binds ``self.<name>`` to, or of the
    base's ``__init__`` its top-level ``super().__init__(...)`` runs (flow_inits.py)."""
    owner = init.arguments[0].variable
    seen.add(id(init))
    for st in init.body.body:
        call = single_call(st)
        if call is not None and isinstance(st, AssignmentStmt):
            target = st.lvalues[0]
            if isinstance(target, MemberExpr) and target.name == name and isinstance(
                    target.expr, NameExpr) and target.expr.node is owner:
                return call
        elif isinstance(st, ExpressionStmt) and is_super_init(st.expr):
            assert isinstance(st.expr, CallExpr)
            info = init_base(st.expr)
            base = inits.get(info.fullname) if info is not None else None
            found = _bound_in(base, name, inits, seen) if base is not None and id(
                base) not in seen else None
            if found is not None:
                return found
    return None


_LOCALS: Dict[int, Tuple[FuncDef, List[Statement], Dict[Var, CallExpr]]] = {}
per_build.forget_each_build(_LOCALS)  # (holds mypy nodes: this build's only)


def _local_constructions(func: FuncDef) -> Dict[Var, CallExpr]:
    """The locals of ``func`` bound once, at its top level, to a call of a class."""
    hit = _LOCALS.get(id(func))
    if hit is not None and hit[0] is func and hit[1] is func.body.body:
        return hit[2]
    count: Dict[Var, int] = {a.variable: 1 for a in func.arguments}
    for st in walk(func.body.body):
        for t in binding_targets(st):
            for x in get_subexpressions(t):
                if isinstance(x, NameExpr) and isinstance(x.node, Var):
                    count[x.node] = count.get(x.node, 0) + 1
    rebound = captured(func.body.body)[1]
    out: Dict[Var, CallExpr] = {}
    for st in func.body.body:
        call = single_call(st)
        if call is not None and isinstance(st, AssignmentStmt):
            target = st.lvalues[0]
            if isinstance(target, NameExpr) and isinstance(target.node, Var) and \
                    count.get(target.node) == 1 and target.name not in rebound:
                out[target.node] = call
    if len(_LOCALS) >= 64:
        del _LOCALS[next(iter(_LOCALS))]
    _LOCALS[id(func)] = (func, func.body.body, out)
    return out
