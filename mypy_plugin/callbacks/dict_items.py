"""An item of a dict display read back by a literal key: ``params = {"w": tf.randn(5, 3),
"b": tf.zeros(3)}``, then ``x @ params["w"] + params["b"]``.

mypy types a dict display by joining its values (``dict[str, Tensor[*tuple[Literal[5] |
Literal[3], ...]]]``), so an item read back has no shape and a bug after it goes unseen.
Here ``name["key"]`` is typed as the display's value for that key when the dict cannot have
changed between the display and the read: the name is bound by a plain assignment of a
display whose keys are all string literals, at the top level of its scope (the module, or a
function for a local); the read is in that scope itself (not in a nested function or lambda,
which may run later); no statement from that binding to the statement holding the read
mentions the name except to read an item by a string literal (an assignment, ``del``, a
method call such as ``update``, passing the dict on, a loop over it would rule it out); and no
function or lambda defined in the scope up to the read mentions it otherwise (one of them may
be called in between). Anything else keeps mypy's joined type (no shape: never a false
alarm).

>>> callable(dict_item_hook)
True
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Set, Tuple

from mypy.nodes import (
    GDEF,
    LDEF,
    AssignmentStmt,
    DelStmt,
    DictExpr,
    Expression,
    FuncDef,
    IndexExpr,
    LambdaExpr,
    NameExpr,
    Node,
    OperatorAssignmentStmt,
    Statement,
    StrExpr,
    TupleExpr,
    ListExpr,
)
from mypy.plugin import MethodContext
from mypy.server.subexpr import get_subexpressions
from mypy.types import Type

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded, type_lookup
from mypy_plugin.statements import checked_tree, walk

__all__ = ["DICT_GETITEM", "dict_item_hook"]

DICT_GETITEM = "builtins.dict.__getitem__"


def _targets(stmts: List[Statement]) -> Set[int]:
    """The item expressions ``stmts`` (nested ones too) assign to or delete."""
    out: Set[int] = set()

    def add(e: Expression) -> None:
        if isinstance(e, (TupleExpr, ListExpr)):
            for item in e.items:
                add(item)
        elif isinstance(e, IndexExpr):
            out.add(id(e))

    for st in walk(stmts):
        if isinstance(st, AssignmentStmt):
            for lv in st.lvalues:
                add(lv)
        elif isinstance(st, OperatorAssignmentStmt):
            add(st.lvalue)
        elif isinstance(st, DelStmt):
            add(st.expr)
    return out


def _mentioned(nodes: Sequence[Node], stmts: List[Statement], name: str) -> bool:
    """Whether an expression in ``nodes`` mentions ``name`` otherwise than as
    ``name["literal"]`` read (``stmts``: the statements holding them, for their targets)."""
    targets = _targets(stmts)
    exprs = [e for node in nodes for e in get_subexpressions(node)]
    reads = {id(e.base) for e in exprs
             if isinstance(e, IndexExpr) and isinstance(e.base, NameExpr)
             and e.base.name == name and isinstance(e.index, StrExpr) and id(e) not in targets}
    return any(isinstance(e, NameExpr) and e.name == name and id(e) not in reads
               for e in exprs)


def _functions(stmts: List[Statement]) -> Tuple[List[Node], List[Statement]]:
    """The functions and lambdas defined in ``stmts`` (nested ones too), and their bodies'
    statements."""
    funcs: List[Node] = []
    bodies: List[Statement] = []
    for st in walk(stmts):
        if isinstance(st, FuncDef):
            funcs.append(st)
            bodies.extend(st.body.body)
    for st in stmts:
        for e in get_subexpressions(st):
            if isinstance(e, LambdaExpr):
                funcs.append(e)
    return funcs, bodies


def _binds(st: Statement, name: str) -> bool:
    return isinstance(st, AssignmentStmt) and any(
        isinstance(lv, NameExpr) and lv.name == name for lv in st.lvalues)


def _item(base: NameExpr, key: str, body: List[Statement], line: int) -> Optional[Expression]:
    """The display's value for ``key`` when nothing can have changed the dict (see the
    module docstring); ``None`` otherwise."""
    at = next((i for i, st in enumerate(body)
               if st.line <= line <= (st.end_line or st.line)), None)
    if at is None:
        return None
    bound = next((i for i in range(at - 1, -1, -1) if _binds(body[i], base.name)), None)
    if bound is None:
        return None
    st = body[bound]
    assert isinstance(st, AssignmentStmt)
    if len(st.lvalues) != 1 or not isinstance(st.rvalue, DictExpr):
        return None
    between = body[bound + 1: at + 1]
    funcs, bodies = _functions(body[: bound + 1])
    if _mentioned(between, between, base.name) or _mentioned(funcs, bodies, base.name):
        return None
    value: Optional[Expression] = None
    for k, v in st.rvalue.items:
        if not isinstance(k, StrExpr):
            return None  # a ``**other`` entry, or a key not written as a literal
        if k.value == key:
            value = v  # (the last one wins, as in Python)
    return value


def _hook(ctx: MethodContext) -> Type:
    e = ctx.context
    if not translate.is_tensor(ctx.default_return_type):
        return ctx.default_return_type  # (cheap first: only a dict of tensors is read)
    if not (isinstance(e, IndexExpr) and isinstance(e.base, NameExpr)
            and isinstance(e.index, StrExpr) and e.base.kind in (GDEF, LDEF)):
        return ctx.default_return_type
    lookup = type_lookup(ctx.api)
    tree = checked_tree(lookup)
    scope = getattr(ctx.api, "scope", None)
    func = scope.current_function() if scope is not None else None
    body: Optional[List[Statement]] = None
    if e.base.kind == GDEF and func is None and tree is not None \
            and e.base.fullname == f"{tree.fullname}.{e.base.name}":
        body = tree.defs
    elif e.base.kind == LDEF and isinstance(func, FuncDef):
        body = func.body.body
    if body is None:
        return ctx.default_return_type
    value = _item(e.base, e.index.value, body, e.line)
    t = lookup(value) if value is not None else None
    if t is None or not translate.is_tensor(t):
        return ctx.default_return_type
    return t


dict_item_hook = guarded("a dict item", _hook, lambda ctx: ctx.default_return_type)
