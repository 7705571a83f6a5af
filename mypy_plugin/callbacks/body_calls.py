"""What a body evaluated by ``bodies.py`` reads from mypy: the types of expressions, an op's
formal parameters, and a non-tensor argument's static value (as the op hooks read it).

>>> from mypy.nodes import IntExpr
>>> lookup(IntExpr(3)) is None  # (outside a check: nothing recorded)
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

from mypy.nodes import (
    ARG_NAMED,
    GDEF,
    LDEF,
    AssignmentStmt,
    CallExpr,
    Decorator,
    Expression,
    FuncDef,
    IndexExpr,
    LambdaExpr,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OpExpr,
    RefExpr,
    TupleExpr,
    TypeInfo,
    UnaryExpr,
    Var,
)
from mypy.server.subexpr import get_subexpressions
from mypy.types import CallableType, Instance, Type, get_proper_type

from mypy_plugin.callbacks.common import CURRENT_API, type_lookup
from mypy_plugin import translate
from mypy_plugin.flow_dims import is_size
from mypy_plugin.module_constants import bound_once, constant_value
from mypy_plugin.routing import TENSOR_FULLNAME
from mypy_plugin.statements import walk
from mypy_plugin.values import (
    NOT_STATIC,
    NotStatic,
    static_axis,
    static_bool,
    static_int,
    static_ints,
    static_value,
)
from mypy_plugin import per_build
from typedflux.shapes.catalog import Arg, Kind
from typedflux.shapes.errors import CannotTell
from typedflux.shapes.layer_config import is_int

__all__ = ["lookup", "static_argument", "signature", "held_item", "named_lambda", "with_lambda",
           "chain_with_lambdas", "KeywordSizes", "keyword_sizes", "tuple_item", "reads_local",
           "local_argument", "module_constant", "built_layer", "module_tensor"]


def lookup(e: Expression) -> Optional[Type]:
    api = CURRENT_API[0]
    return None if api is None else type_lookup(api)(e)


def static_argument(arg: Arg, e: Expression) -> Any:
    """A non-tensor argument, read as the op hooks read it (``mypy_plugin.values``)."""
    kind = arg.kind
    if kind is Kind.IGNORED:
        return None  # (a value the shape rule does not read: ``tf.full(n, 1, value=t)``)
    if kind is Kind.AXIS:
        v: Any = static_axis(e, lookup)
    elif kind in (Kind.INT, Kind.DIM):
        v = static_int(e, lookup)
    elif kind is Kind.BOOL:
        v = static_bool(e, lookup)
    elif kind in (Kind.AXES, Kind.DIMS):
        v = static_int(e, lookup)
        if isinstance(v, NotStatic):
            v = static_ints(e, lookup)
        else:
            v = (v,)
    elif kind is Kind.STATIC:
        v = static_value(e, lookup)
    else:
        raise CannotTell(f"{arg.name} is not read from a function's body")
    if isinstance(v, NotStatic):
        raise CannotTell(f"{arg.name} is not known statically")
    return v


def signature(callee: Expression, method: Optional[str]) -> Optional[CallableType]:
    """The formal parameters of a ``tf`` function or of a Tensor method (``self``
    dropped), from their definitions."""
    func: object = None
    if method is None:
        func = callee.node if isinstance(callee, RefExpr) else None
    else:
        module, _, cls = TENSOR_FULLNAME.rpartition(".")
        tree = getattr(CURRENT_API[0], "modules", {}).get(module)
        sym = tree.names.get(cls) if tree is not None else None
        info = sym.node if sym is not None else None
        func = info.get_method(method) if isinstance(info, TypeInfo) else None
    if isinstance(func, Decorator):
        func = func.func
    if not isinstance(func, FuncDef) or not isinstance(func.type, CallableType):
        return None
    ft = func.type
    if method is None:
        return ft
    return ft.copy_modified(arg_types=ft.arg_types[1:], arg_kinds=ft.arg_kinds[1:],
                            arg_names=ft.arg_names[1:])


def held_item(name: NameExpr, var: Var) -> Any:
    """How a Chain check sees the layer the name ``name`` holds when a body runs (``Final``,
    or module-level and bound once in the module being checked); None for any other name."""
    from mypy_plugin.callbacks.chain_items import chain_item  # (it imports bodies.py)

    tree = getattr(CURRENT_API[0], "tree", None)
    module = getattr(tree, "fullname", None)
    if name.kind == LDEF and isinstance(tree, MypyFile) and not var.is_final:
        t = _closed_over(name, var, tree)
        return chain_item(t) if t is not None else None
    if not var.is_final and (name.kind != GDEF or tree is None or name.fullname != (
            f"{module}.{name.name}") or name.name not in bound_once(tree)):
        return None  # a name of another module, or one bound more than once
    return chain_item(var.type) if var.type is not None else None


def _bound_once(name: Expression) -> Optional[Var]:
    """The variable a name of the module being checked reads when the module binds it once,
    at module level, and never again (module_constants.bound_once): whenever a body runs, it
    holds what that statement bound (or is not bound yet: a NameError, no shape)."""
    tree = getattr(CURRENT_API[0], "tree", None)
    if not isinstance(name, NameExpr) or name.kind != GDEF or not isinstance(
            name.node, Var) or not isinstance(tree, MypyFile) or name.fullname != (
            f"{tree.fullname}.{name.name}") or name.name not in bound_once(tree):
        return None
    return name.node


def module_constant(e: Expression) -> Optional[int]:
    """``D`` in a body, of ``T, D, M = 12, 16, 24`` at module level (a constant of the module
    being checked: module_constants.py), else None. The body's reads go through
    :func:`lookup`, which is no checker's method, so the static readers do not find the
    module's tree on their own.

    >>> module_constant(NameExpr("D")) is None  # (outside a check)
    True
    """
    api = CURRENT_API[0]  # (module_constants holds only names the module binds once)
    return constant_value(e, type_lookup(api)) if api is not None else None


def module_tensor(e: Expression) -> Optional[Type]:
    """The type of a tensor a body reads from a module-level name bound once (``omega =
    tf.randn(D, M)``, read by ``def phi(x): return x @ omega``), else None.

    >>> module_tensor(NameExpr("omega")) is None  # (outside a check)
    True
    """
    var = _bound_once(e)
    t = var.type if var is not None else None
    return t if t is not None and translate.is_tensor(get_proper_type(t)) else None


def built_layer(e: CallExpr, env: Dict[int, Any]) -> Any:
    """The layer a construction written in a body builds (``Embedding(50, 32)`` of
    ``return Embedding(50, 32)(idx)``), as a Chain check sees it (chain_items.py): typed by
    mypy from its own arguments, which read nothing the body binds; None for anything else
    (a construction sized by the body's values, a call that is no layer).

    >>> built_layer(CallExpr(NameExpr("Dense"), [], [], []), {}) is None  # (outside a check)
    True
    """
    from mypy_plugin.callbacks.chain_items import chain_item  # (it imports bodies.py)
    from mypy_plugin.flow_typed import typed

    api = CURRENT_API[0]
    if api is None or not isinstance(e.callee, RefExpr) or not isinstance(
            e.callee.node, TypeInfo) or any(
            isinstance(x, NameExpr) and id(x.node) in env for x in get_subexpressions(e)):
        return None
    t, errors = typed(api, e, {})
    return chain_item(t) if t is not None and not errors else None


def _closed_over(name: NameExpr, var: Var, tree: MypyFile) -> Optional[Type]:
    """The type of ``var`` when it is a local of a function of ``tree`` bound by one
    statement of it (``proj = Dense(32, 8)``, nested functions included: no ``nonlocal``
    rebinding), so a nested ``def`` reading it sees that value whenever it runs; else None.
    A function mypy has not checked yet (its call typed first) has its value typed here."""
    from mypy_plugin.flow_names import single_binding  # (flow_names imports the checks)
    from mypy_plugin.flow_typed import typed

    owner = _binders(tree).get(var)
    found = single_binding(name, tree, owner) if owner is not None else None
    if found is None:
        return None
    if var.type is not None:
        return var.type
    t, errors = typed(CURRENT_API[0], found[0].rvalue, {})
    return None if errors else t


_BINDERS: Dict[int, Tuple[MypyFile, Dict[Var, FuncDef]]] = {}
per_build.forget_each_build(_BINDERS)  # (holds mypy nodes: this build's only)


def _binders(tree: MypyFile) -> Dict[Var, FuncDef]:
    """Each local bound by an assignment at the top level of a function of ``tree``, with
    that function (read once per tree: the daemon's new parse is a new tree)."""
    hit = _BINDERS.get(id(tree))
    if hit is not None and hit[0] is tree:
        return hit[1]
    out: Dict[Var, FuncDef] = {}
    for st in walk(tree.defs):
        func = st.func if isinstance(st, Decorator) else st
        if not isinstance(func, FuncDef):
            continue
        for s in func.body.body:
            if isinstance(s, AssignmentStmt):
                for lv in s.lvalues:
                    if isinstance(lv, NameExpr) and isinstance(lv.node, Var):
                        out.setdefault(lv.node, func)
    if len(_BINDERS) > 64:
        _BINDERS.clear()
    _BINDERS[id(tree)] = (tree, out)
    return out


def named_lambda(e: Optional[Expression]) -> Optional[Expression]:
    """The lambda a name holds wherever it is read: ``flatten = lambda x: x.reshape(...)``,
    the one statement binding ``flatten`` in its scope (the module, or the function being
    checked; flow_names.single_binding), so a Chain reads ``flatten`` as it reads the lambda
    written inline. ``e`` itself for any other expression.

    >>> e = NameExpr("flatten")
    >>> named_lambda(e) is e  # (outside a check: nothing known)
    True
    """
    # The cheap test first: mypy types a name holding a lambda as a callable with no
    # definition (a def's type keeps its own).
    var = e.node if isinstance(e, NameExpr) else None
    t = get_proper_type(var.type) if isinstance(var, Var) else None
    if not isinstance(e, NameExpr) or not isinstance(t, CallableType) or t.definition is not None:
        return e
    # (imported here, past the test most calls stop at: flow_names imports the checks)
    from mypy_plugin.flow_names import single_binding
    api = CURRENT_API[0]
    tree = getattr(api, "tree", None)
    scope = getattr(api, "scope", None)
    if tree is None or scope is None:
        return e
    found = single_binding(e, tree, scope.current_function())
    rvalue = found[0].rvalue if found is not None else None
    return rvalue if isinstance(rvalue, LambdaExpr) else e


def with_lambda(e: Optional[Expression], t: Type) -> Type:
    """The type of argument ``e``, knowing its body when ``e`` is a lambda (or a name bound
    to one: :func:`named_lambda`): mypy infers a lambda passed for a ``Callable`` parameter
    from that parameter's type, which keeps no link to the lambda.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> any_type = AnyType(TypeOfAny.special_form)
    >>> with_lambda(None, any_type) is any_type
    True
    """
    p = get_proper_type(t)
    e = named_lambda(e)  # ``flatten = lambda x: ...``, then ``Chain(..., flatten)``
    if isinstance(e, LambdaExpr) and isinstance(p, CallableType) and p.definition is None:
        # (a type's definition must be a symbol: a def standing for the lambda, same body)
        stand_in = FuncDef("<lambda>", e.arguments, e.body)
        stand_in.set_line(e)
        return p.copy_modified(definition=stand_in)
    return t


def chain_with_lambdas(result: Type, exprs: Sequence[Expression]) -> Type:
    """A positional ``Chain(...)``'s type whose lambda layers know their bodies.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> any_type = AnyType(TypeOfAny.special_form)
    >>> chain_with_lambdas(any_type, []) is any_type
    True
    """
    p = get_proper_type(result)
    if not isinstance(p, Instance) or len(p.args) != len(exprs):
        return result
    return p.copy_modified(args=[with_lambda(e, a) for e, a in zip(exprs, p.args)])


class KeywordSizes:
    """Keyword sizes of a call (``h=4, d=self.d``), in call order: a ``**sizes`` argument.

    >>> KeywordSizes((("h", 4),)).pairs
    (('h', 4),)
    """

    __slots__ = ("pairs",)

    def __init__(self, pairs: Tuple[Tuple[str, int], ...]) -> None:
        self.pairs = pairs


def keyword_sizes(e: CallExpr, actuals: List[int], values: List[Any]) -> KeywordSizes:
    """The sizes the keyword arguments ``actuals`` of ``e`` give a ``**sizes`` parameter
    (``tf.rearrange(q, "b t (h d) -> b h t d", h=4)``), ``values`` as the body evaluated
    them: each must be an int (else CannotTell)."""
    pairs = []
    for i, v in zip(actuals, values):
        name = e.arg_names[i]
        if e.arg_kinds[i] != ARG_NAMED or name is None or not isinstance(v, int) or \
                isinstance(v, bool):
            raise CannotTell("a size not known statically")
        pairs.append((name, v))
    return KeywordSizes(tuple(pairs))


def tuple_item(values: Tuple[Any, ...], index: Expression) -> Any:
    """An item of a tuple of values (``tf.chunk(h, 2, axis=-1)[0]``) at an index known
    statically (else CannotTell)."""
    i = static_int(index, lookup)
    if isinstance(i, NotStatic) or not -len(values) <= i < len(values):
        raise CannotTell("an item of a tuple not known statically")
    return values[i]


def reads_local(e: Expression, env: Dict[int, Any]) -> bool:
    """Whether a size argument reads a name the body bound (``h * w`` after ``b, c, h, w
    = x.shape``, ``self.h`` of the instance it runs on): operators, names and attributes
    only (the cheap test before the body evaluates it).

    >>> reads_local(NameExpr("h"), {})
    False
    """
    if isinstance(e, NameExpr):
        return e.node is not None and id(e.node) in env
    if isinstance(e, OpExpr):
        return reads_local(e.left, env) or reads_local(e.right, env)
    if isinstance(e, UnaryExpr):
        return reads_local(e.expr, env)
    if isinstance(e, MemberExpr):  # ``self.h`` of the instance the body runs on
        return reads_local(e.expr, env)
    if isinstance(e, IndexExpr):  # ``self.pos[: x.shape[1]]``: a size read from an input
        return reads_local(e.base, env) or reads_local(e.index, env)
    if isinstance(e, (TupleExpr, ListExpr)):  # ``(d, d, d)``, ``((0, 0), (self.pad, 0))``
        return any(reads_local(i, env) for i in e.items)
    return False


def local_argument(arg: Arg, v: Any) -> Any:
    """An op's non-tensor argument from a value the body computed (``reads_local``): sizes
    for ``DIMS``/``DIM`` (symbolic ones too), plain ints (nested in tuples for ``STATIC``)
    for an int, an axis or a static value; NOT_STATIC for anything else (a float, a number
    standing for an attribute of unknown value: the static reader's turn then).

    >>> local_argument(Arg("widths", Kind.STATIC), ((0, 0), (2, 0)))
    ((0, 0), (2, 0))
    >>> local_argument(Arg("widths", Kind.STATIC), ((0, 0), (0.0, 0))) is NOT_STATIC
    True
    >>> local_argument(Arg("sizes", Kind.DIMS), (32, 32, 32))
    (32, 32, 32)
    """
    def ints(x: Any, nested: bool) -> bool:
        if isinstance(x, tuple):
            return nested and all(ints(i, nested) for i in x)
        return is_int(x)

    kind = arg.kind
    if kind in (Kind.DIMS, Kind.DIM):
        items = v if isinstance(v, tuple) and kind is Kind.DIMS else (v,)
        if items and all(map(is_size, items)):
            return tuple(items) if kind is Kind.DIMS else items[0]
    elif kind is Kind.INT and ints(v, False):
        return v
    elif kind in (Kind.AXIS, Kind.AXES) and ints(v, True) and (
            not isinstance(v, tuple) or all(not isinstance(i, tuple) for i in v)):
        return (v,) if kind is Kind.AXES and not isinstance(v, tuple) else v
    elif kind is Kind.STATIC and ints(v, True):
        return v
    return NOT_STATIC
