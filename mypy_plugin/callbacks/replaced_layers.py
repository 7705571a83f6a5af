"""A layer attribute the program replaces: typed with unknown sizes, not its first value's.

Fine-tuning replaces a model's head (``net.head = Dense(32, 5)`` after ``__init__``'s
``self.head = Dense(32, 10)``), and a constructor may pick one of two layers for an attribute
in two branches. mypy gives an attribute without an annotation the type of its first value
(``Dense[32, 10]``, sizes and all), so the new head would be an error (a false one: the
program runs) and every call of ``net`` would still be typed by the old head. So a layer, a
``Chain`` or a container built where it is assigned, without an annotation, to an attribute
that the module assigns in more than one statement is typed with unknown sizes
(``Dense[Any, Any]``): what the attribute holds at a read is not known statically, and the
run time checks it. Statements count for the attribute of one class: ``self.<name> = ...``
in the methods of that class, of its bases and of its subclasses in the module, a class
attribute bound in one of their bodies (``head = Dense(8, 2)``), and
``<other object>.<name> = ...`` or ``setattr(<object>, "<name>", ...)`` anywhere (whose
class is not known here). An annotated attribute (``self.head: Dense[32, 10] = ...``, or
``head: ...`` in a class body) keeps its annotation, and a new value of other sizes stays an
error (docs/errors.md). A variable bound to a layer by two constructions without an annotation
(``fc = Dense(4, 8)``, later ``fc = Dense(4, 16)``; mypy keeps the first type where it does
not redefine the name) has unknown sizes likewise.

A class of another module was typed before this module was read: there ``net.head`` keeps
its first value's type, and the new value is taken as it comes (no ``Assigned layer`` error
without an annotation: ``callbacks/layer_boundaries.py``). So a read of such an attribute
(a layer, with no annotation) in a module that assigns an attribute of that name anywhere
(``net.head = ...``, ``setattr(net, "head", ...)``, a subclass's ``self.head = ...``) has
unknown sizes too (:func:`foreign_replaced`). A run of a
traced construction's ``__init__`` (flow_instances.py) types ``self.<name> = ...`` as built:
it counts only the bindings an instance of exactly that class may see; and any run
(flow_run.py) types a local bound by two constructions (``sc = Chain()``, then under an
``if``, ``sc = Chain(Conv(...))``) as built: it holds each binding as it makes it.

>>> replaced_attribute(object())
False
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    GDEF,
    LDEF,
    MDEF,
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Expression,
    GlobalDecl,
    FuncDef,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    StarExpr,
    Statement,
    TupleExpr,
    TypeInfo,
    Var,
)
from mypy.plugin import AttributeContext, FunctionContext
from mypy.types import AnyType, Instance, Type, TypeOfAny, UnpackType, get_proper_type
from mypy.typevars import fill_typevars_with_any

from mypy_plugin.callbacks.boundary_index import boundary_of
from mypy_plugin.callbacks.rebound_names import imported_var
from mypy_plugin.callbacks.resized_layers import resized
from mypy_plugin.translate import TENSOR_FULLNAME
from mypy_plugin.statements import PerTree, attribute_targets, methods_of, setattr_name, walk

__all__ = ["foreign_replaced", "rebound_tensor", "replaced_attribute", "unless_replaced"]

_OTHER = "*"  # an attribute of an object other than a method's own ``self``
_MODULE = "typedflux.layers.core.Module"  # the base of every layer and container


def unless_replaced(hook: Callable[[FunctionContext], Type]) -> Callable[[FunctionContext], Type]:
    """A constructor hook that gives a replaced attribute's value (see the module's
    docstring), or a layer the module resizes after building it (resized_layers.py), its
    class with unknown type arguments, and runs ``hook`` otherwise.

    >>> callable(unless_replaced(lambda ctx: ctx.default_return_type))
    True
    """

    def wrapped(ctx: FunctionContext) -> Type:
        p = get_proper_type(ctx.default_return_type)
        if isinstance(p, Instance) and (
                (replaced_attribute(ctx) and not _run_binding(ctx)) or resized(ctx, p.type)):
            return fill_typevars_with_any(p.type)
        return hook(ctx)

    return wrapped


def _run_binding(ctx: Any) -> bool:
    """Whether the call is the value of ``self.<name> = ...`` in a run that follows that
    ``self`` (flow_instances.py runs ``__init__`` for one construction, flow_calls.py its
    ``__call__``): such a run reads back what it binds itself, and counts only the bindings
    an instance of exactly the class built may see (a subclass's own binding is not one)."""
    if not _running():
        return False  # (most calls: no run under way)
    from mypy_plugin.flow_typed import ACTIVE
    from mypy_plugin.flow_values import Record

    where = boundary_of(getattr(ctx, "api", None), getattr(ctx, "context", None))
    target = where.lvalue if where is not None else None
    base = target.expr.node if isinstance(target, MemberExpr) and isinstance(
        target.expr, NameExpr) else None
    return isinstance(base, Var) and isinstance(ACTIVE[-1].get(base), Record)


def _running() -> bool:
    """Whether a run types the call (flow_run.py: a model's ``__init__`` for one
    construction, a helper's body): it holds each binding of a local as it makes it, joins
    an ``if``'s branches and unrolls a loop or forgets what it binds, so ``sc = Chain()``
    then ``if stride != 1: sc = Chain(Conv(...))`` holds the one the values take."""
    from mypy_plugin.flow_typed import ACTIVE

    return bool(ACTIVE)


def replaced_attribute(ctx: Any) -> bool:
    """Whether the call of ``ctx`` is the value of an assignment, with no annotation, to an
    attribute the module assigns in more than one statement (for that attribute's class)."""
    api = getattr(ctx, "api", None)
    tree = getattr(api, "tree", None)
    if not isinstance(tree, MypyFile):
        return False
    where = boundary_of(api, getattr(ctx, "context", None))
    if where is None or where.kind != "assign" or where.annotated or where.part is not None:
        return False
    target = where.lvalue
    owner: Optional[TypeInfo]
    if isinstance(target, NameExpr) and target.kind in (LDEF, GDEF):
        # ``fc = Dense(4, 8)`` then ``fc = Dense(4, 16)``: one variable (mypy's redefinition
        # renames a rebinding it allows) bound by two constructions, without an annotation.
        var = target.node
        if target.kind == LDEF and _running():
            return False  # (a run reads back each binding it makes: flow_run.py)
        return isinstance(var, Var) and var.is_inferred and (_assignments(tree)[3].get(
            id(var), 0) > 1 or imported_var(var, tree))  # (``from lib import model``)
    if isinstance(target, NameExpr) and target.kind == MDEF and isinstance(target.node, Var):
        owner = target.node.info  # ``head = Dense(8, 2)`` in a class body
    elif isinstance(target, MemberExpr):
        owner = _owner(api, target)
    else:
        return False
    counts, declared, infos, _, _ = _assignments(tree)
    if target.name in declared or (owner is not None and _annotated(owner, target.name)):
        return False
    if owner is None:  # a class not known: every assignment of the name counts
        total = sum(c for (_, n), c in counts.items() if n == target.name)
    else:
        related = {i.fullname for i in owner.mro}
        related.update(i.fullname for i in infos if owner in i.mro)
        total = sum(counts.get((r, target.name), 0) for r in related | {_OTHER})
    return total > 1


def rebound_tensor(ctx: Any) -> bool:
    """Whether the call of ``ctx`` is the value of an assignment, with no annotation, to an
    attribute the module binds in more than one statement (``self.hidden = tf.zeros(1, 16)``
    in ``__init__``, ``lm.hidden = tf.zeros(4, 16)`` per batch; ``self.sum += x``), or to a
    module-level name a function rebinds through ``global`` (or an item of a display bound to
    it: ``d = {"x": tf.zeros(2, 4)}``), or a name imported from another
    module (``from lib import feature``, then ``feature = feature[:, :4]``: mypy keeps the
    type ``lib`` gave it, allow_redefinition does not reach it): its shape is not known
    statically (the run time checks it where it is used).
    """
    api = getattr(ctx, "api", None)
    tree = getattr(api, "tree", None)
    if not isinstance(tree, MypyFile) or _run_binding(ctx):
        return False
    where = boundary_of(api, getattr(ctx, "context", None))
    if where is None or where.kind != "assign" or where.annotated:
        return False
    target = where.lvalue
    if isinstance(target, NameExpr) and target.kind == GDEF:
        var = target.node
        if not isinstance(var, Var) or not var.is_inferred:
            return False
        if target.name in _assignments(tree)[4]:
            # Also an item of a display bound to it (``d = {"x": tf.zeros(2, 4)}``, then a
            # function's ``global d; d = {"x": tf.zeros(2, 8)}``): mypy types the name by its
            # first display, so the second one would be its ``[assignment]``.
            return True
        return where.part is None and imported_var(var, tree)
    return isinstance(target, MemberExpr) and replaced_attribute(ctx)  # (no display item)


def foreign_replaced(ctx: AttributeContext) -> Type:
    """The type of a read ``<object>.<name>`` (``ctx``: mypy's attribute hook context): the
    attribute's layer class with unknown sizes when it is a layer attribute without an
    annotation, of a class of another module, and this module assigns an attribute of that
    name (see the module's docstring); its type as mypy gives it otherwise.

    A cheap test comes first (a layer type with sizes): the hook runs on every read of a
    user attribute.
    """
    t = ctx.default_attr_type
    p = get_proper_type(t)
    if not isinstance(p, Instance) or not p.args or not (
            p.type.fullname == TENSOR_FULLNAME or p.type.has_base(_MODULE)):
        return t
    e, owner = ctx.context, get_proper_type(ctx.type)
    tree = getattr(ctx.api, "tree", None)
    if not isinstance(e, MemberExpr) or not isinstance(owner, Instance) \
            or not isinstance(tree, MypyFile):
        return t
    found = owner.type.get(e.name)
    var = found.node if found is not None else None
    if not isinstance(var, Var) or not var.is_inferred or var.explicit_self_type \
            or var.info.module_name == tree.fullname:
        return t
    counts, declared, _, _, _ = _assignments(tree)
    if e.name in declared or not any(name == e.name for _, name in counts):
        return t
    if p.type.fullname == TENSOR_FULLNAME:  # (``lm.hidden = tf.zeros(4, 16)``)
        tuple_any = ctx.api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)])
        return p.copy_modified(args=[UnpackType(tuple_any)])
    return fill_typevars_with_any(p.type)


def _annotated(owner: TypeInfo, name: str) -> bool:
    """Whether the attribute ``name`` of ``owner`` has an annotation (in any module), or is
    no variable (a property's setter declares what it takes)."""
    found = owner.get(name)
    var = found.node if found is not None else None
    if found is not None and not isinstance(var, Var):
        return True
    return isinstance(var, Var) and (not var.is_inferred or var.explicit_self_type)


def _owner(api: Any, target: MemberExpr) -> Optional[TypeInfo]:
    """The class of the object whose attribute ``target`` assigns, when known."""
    find = getattr(api, "lookup_type_or_none", None)
    t = find(target.expr) if find is not None else None
    if t is None and isinstance(target.expr, NameExpr):
        t = getattr(target.expr.node, "type", None)  # ``self`` in a method
    p = get_proper_type(t) if t is not None else None
    return p.type if isinstance(p, Instance) else None


def _name_targets(e: Expression) -> List[NameExpr]:
    if isinstance(e, NameExpr):
        return [e]
    if isinstance(e, (TupleExpr, ListExpr)):
        return [n for item in e.items for n in _name_targets(item)]
    if isinstance(e, StarExpr):
        return _name_targets(e.expr)
    return []


Counts = Tuple[Dict[Tuple[str, str], int], Set[str], List[TypeInfo], Dict[int, int], Set[str]]


def _read(tree: MypyFile) -> Counts:
    """Statements assigning each attribute, by (class, name) for a method's own ``self``
    and by (``*``, name) otherwise; the names some statement annotates; the module's
    classes; statements assigning each variable (by the id of its ``Var``)."""
    counts: Dict[Tuple[str, str], int] = {}
    variables: Dict[int, int] = {}
    declared: Set[str] = set()
    infos: List[TypeInfo] = []
    owned: Dict[int, str] = {}  # id of a ``self.x`` target -> its class
    statements: List[Statement] = walk(tree.defs, scopes=True)
    for st in statements:
        if not isinstance(st, ClassDef) or st.info is None:
            continue
        infos.append(st.info)
        for item in st.defs.body:
            if not isinstance(item, AssignmentStmt):
                continue
            names = {n.name for lv in item.lvalues for n in _name_targets(lv)}
            if item.unanalyzed_type is not None:
                declared.update(names)
            for name in names:  # a class attribute: a binding of every instance's
                key = (st.info.fullname, name)
                counts[key] = counts.get(key, 0) + 1
        for method in methods_of(st):
            if not method.arguments or method.is_static:
                continue
            me = method.arguments[0].variable.name
            for inner in walk(method.body.body, scopes=False):
                targets = [m for lv in inner.lvalues for m in attribute_targets(lv)] \
                    if isinstance(inner, AssignmentStmt) else attribute_targets(
                        inner.lvalue) if isinstance(inner, OperatorAssignmentStmt) else []
                for m in targets:
                    if isinstance(m.expr, NameExpr) and m.expr.name == me:
                        owned[id(m)] = st.info.fullname
    globals_: Set[str] = set()
    for st in statements:
        set_name = setattr_name(st)
        if set_name is not None:  # ``setattr(net, "head", Dense(32, 5))``
            counts[(_OTHER, set_name)] = counts.get((_OTHER, set_name), 0) + 1
        if isinstance(st, GlobalDecl):
            globals_.update(st.names)  # (a function that rebinds a module-level name)
        if isinstance(st, OperatorAssignmentStmt):  # ``m.sum += x``: a binding too
            for key in {(owned.get(id(m), _OTHER), m.name) for m in attribute_targets(st.lvalue)}:
                counts[key] = counts.get(key, 0) + 1
        if not isinstance(st, AssignmentStmt):
            continue
        for var in {id(n.node) for n in st.lvalues if _built(st.rvalue)
                    and isinstance(n, NameExpr) and n.kind in (LDEF, GDEF)
                    and isinstance(n.node, Var)}:
            variables[var] = variables.get(var, 0) + 1
        targets = [m for lv in st.lvalues for m in attribute_targets(lv)]
        if st.unanalyzed_type is not None:
            declared.update(m.name for m in targets)
        for key in {(owned.get(id(m), _OTHER), m.name) for m in targets}:
            counts[key] = counts.get(key, 0) + 1
    return counts, declared, infos, variables, globals_


def _built(e: Expression) -> bool:
    """Whether ``e`` constructs an object (``Dense(4, 8)``, ``tf.Chain(...)``): a variable
    rebound by other calls (``state, model = tf.update(...)``) keeps its type."""
    callee = e.callee if isinstance(e, CallExpr) else None
    return isinstance(callee, (NameExpr, MemberExpr)) and isinstance(callee.node, TypeInfo)


def _nothing() -> Counts:
    return {}, set(), [], {}, set()


_assignments = PerTree(_read, keep=16, on_error=_nothing)
