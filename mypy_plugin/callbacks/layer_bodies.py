"""A user layer whose ``__call__`` takes a bare ``Tensor``: its body is its rule.

Flux's idea is that any callable is a layer, and model code writes its own blocks so::

    class Block:
        def __init__(self) -> None:
            self.up = Dense(64, 256, gelu)
            self.down = Dense(256, 64)

        def __call__(self, x: tf.Tensor) -> tf.Tensor:
            return self.down(self.up(x))

The annotation names no shape, so the signature says nothing. When the body is straight-line
(locals bound once each, and ``for layer in self.layers: x = layer(x)`` loops of such lines,
then one ``return``) and every value in it is known — the inputs, the layers and tensors the
instance holds (by their declared types: ``self.up`` is a ``Dense[64, 256]``; or what its
``__init__`` built, for an instance traced to the call that built it: flow_instances.py,
which alone knows a list's layers), numbers, ops with rules (``bodies.py`` evaluates it) —
the output is what the body gives for the inputs: a call ``block(x)`` (or ``net(a, b)``) is
typed by it, a mismatch in it is reported at the call (where the run time raises), and in a
``Chain`` the block is a layer with that rule (checked where the Chain is called, like a
lambda). Anything else (a ``while``, a condition, a method of the instance, an attribute of
no known type, a list not known) leaves mypy's type.

>>> from mypy.types import AnyType, TypeOfAny
>>> user_layer_rule(AnyType(TypeOfAny.special_form)) is None
True
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from mypy.nodes import (
    ARG_POS,
    AssignmentStmt,
    CallExpr,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    MemberExpr,
    NameExpr,
    RefExpr,
    ReturnStmt,
    Statement,
    StrExpr,
    Var,
)
from mypy.subtypes import find_member
from mypy.types import AnyType, CallableType, Instance, Type, TypeOfAny, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.bodies import Receiver, run_body, tensor_shape, tensor_value
from mypy_plugin.callbacks.common import names_in_scope, report_shape_error, tensor_template
from mypy_plugin.flow_instances import construction_of, instance_attributes
from mypy_plugin.flow_values import Item, Seq
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_config import Shape

__all__ = ["user_layer_rule", "user_layer_call", "traced_layers", "traced_chain_items"]


_Step = Union[Tuple[Var, Expression], Tuple[Var, str, List[Tuple[Var, Expression]]]]


def _straight(func: FuncDef) -> Optional[Tuple[List[_Step], Expression]]:
    """``h = ...`` lines (plain names) and ``for layer in self.layers:`` loops of such lines,
    then one ``return``; None for anything else."""
    stmts = list(func.body.body)
    if len(stmts) >= 2 and isinstance(stmts[0], ExpressionStmt) and isinstance(
            stmts[0].expr, StrExpr):
        stmts = stmts[1:]
    if not stmts or not isinstance(stmts[-1], ReturnStmt) or stmts[-1].expr is None:
        return None
    self_var = func.arguments[0].variable if func.arguments else None
    local: List[_Step] = []
    for s in stmts[:-1]:
        if isinstance(s, ForStmt) and s.else_body is None and not s.is_async and isinstance(
                s.index, NameExpr) and isinstance(s.index.node, Var) and isinstance(
                s.expr, MemberExpr) and isinstance(s.expr.expr, NameExpr) and \
                s.expr.expr.node is self_var and self_var is not None:
            body = [_assignment(b) for b in s.body.body]
            if not body or any(b is None for b in body):
                return None
            local.append((s.index.node, s.expr.name, [b for b in body if b is not None]))
            continue
        step = _assignment(s)
        if step is None:
            return None
        local.append(step)
    return local, stmts[-1].expr


def _assignment(s: Statement) -> Optional[Tuple[Var, Expression]]:
    if isinstance(s, AssignmentStmt) and len(s.lvalues) == 1 and s.type is None \
            and isinstance(s.lvalues[0], NameExpr) and isinstance(s.lvalues[0].node, Var):
        return s.lvalues[0].node, s.rvalue
    return None


def _unrolled(steps: List[_Step], known: Dict[str, Any]) -> List[Tuple[Var, Any]]:
    """The steps with each loop over a list the instance is known to hold unrolled: its
    variable bound to each layer in turn (CannotTell when the list is not known)."""
    out: List[Tuple[Var, Any]] = []
    for step in steps:
        if len(step) == 2:
            out.append(step)
            continue
        var, name, body = step
        held = known.get(name)
        if not isinstance(held, Seq) or not all(isinstance(i, Item) for i in held.items):
            raise CannotTell("a loop over a list not known to hold these layers")
        for item in held.items:
            out.append((var, _Layer(item.type)))
            out.extend(body)
    return out


class _Layer(Receiver):
    """A layer a loop of the body binds (an item of a list the instance holds)."""

    def __init__(self, t: Type) -> None:
        self.type = t

    def call(self, name: str, args: List[Any], kinds: List[Any]) -> Any:
        from mypy_plugin.callbacks.chain_items import chain_item  # (it imports this module)

        item = chain_item(self.type)
        if item is None or len(args) != 1 or kinds != [ARG_POS]:
            raise CannotTell("a layer with no rule, or not called with one tensor")
        return tensor_value(tuple(item.call([tensor_shape(args[0])])))


def user_layer_rule(t: Type, attrs: Optional[Dict[str, Any]] = None
                    ) -> Optional[Callable[[Shape], Shape]]:
    """The rule of an instance of a user class whose ``__call__(self, x)`` takes a tensor of
    any shape (None: not one, or a body not read here). ``attrs``: what the instance is
    known to hold beyond its declared types (flow_instances.py; else what
    :func:`traced_layers` knows of this very type object)."""
    if attrs is None:
        hit = _KNOWN.get(id(t))
        attrs = hit[1] if hit is not None and hit[0] is t else None
    body = _body_rule(t, 1, attrs)
    if body is None:
        return None
    return lambda x: body([x])


def _body_rule(t: Type, inputs: int, attrs: Optional[Dict[str, Any]]
               ) -> Optional[Callable[[Sequence[Shape]], Shape]]:
    """The rule of such a ``__call__`` taking ``inputs`` tensors."""
    p = get_proper_type(t)
    if not isinstance(p, Instance) or p.args or p.type.fullname.startswith("typedflux."):
        return None  # (a generic class: its dims' names are not the caller's)
    method = p.type.get_method("__call__")
    if not isinstance(method, FuncDef) or method.is_decorated or method.is_generator \
            or method.is_coroutine or method.is_static or method.is_class:
        return None
    try:
        arguments, kinds = method.arguments, method.arg_kinds
    except AttributeError:  # a class read from mypy's cache (a library's): no body here
        return None
    if len(arguments) != inputs + 1 or any(k != ARG_POS for k in kinds):
        return None
    sig = method.type
    if isinstance(sig, CallableType):
        for x_type in map(get_proper_type, sig.arg_types[1:]):
            if not (isinstance(x_type, AnyType) or (translate.is_tensor(x_type)
                                                    and translate.tensor_pattern(x_type) is None)):
                return None  # a shaped parameter: its signature is its rule (chain_items.py)
    body = _straight(method)
    if body is None:
        return None
    local, ret = body
    self_var, x_vars = arguments[0].variable, [a.variable for a in arguments[1:]]
    instance = p

    def run(xs: Sequence[Shape], known: Optional[Dict[str, Any]]) -> Shape:
        env: Dict[int, Any] = {id(self_var): _Self(instance, known)}
        env.update({id(v): tuple(x) for v, x in zip(x_vars, xs)})
        return run_body(env, _unrolled(local, known or {}), ret)

    def rule(xs: Sequence[Shape]) -> Shape:
        try:
            return run(xs, attrs)
        except ShapeError:
            try:
                run([(translate.Star(None),)] * inputs, None)
            except ShapeError:
                # It fails for any input with the declared attributes: mypy reports it in
                # the body already (checked with its bare annotations); a call adds nothing.
                raise CannotTell("a body that fails for every input") from None
            except CannotTell:
                pass
            raise

    return rule


class _Self(Receiver):
    """The instance a user layer's body reads: what its attributes are declared as, or
    known to hold (``known``: an instance traced to the call that built it)."""

    def __init__(self, instance: Instance, known: Optional[Dict[str, Any]] = None) -> None:
        self.instance = instance
        self.known = known or {}

    def _type(self, name: str) -> Optional[Type]:
        v = self.known.get(name)
        if isinstance(v, Item):
            return v.type
        return find_member(name, self.instance, self.instance)

    def attribute(self, name: str) -> Any:
        from mypy_plugin.callbacks.chain_items import chain_item  # (it imports this module)

        v = self.known.get(name)
        if isinstance(v, int) and not isinstance(v, bool):
            return v
        if name in self.known and v is None:
            return None  # (``self.proj = ... if a != b else None`` took None: flow_run.py)
        t = get_proper_type(self._type(name))
        if isinstance(t, Instance) and chain_item(t) is not None:
            return _Layer(t)  # a layer (read as a value: ``self.proj is None`` is False)
        if isinstance(t, Instance) and t.type.fullname in ("builtins.int", "builtins.float"):
            return 0.0  # a number: in an operator it broadcasts as a scalar
        s = translate.shape_of(t, translate.Names()) if t is not None else None
        if s is None or not all(isinstance(d, int) for d in s):
            raise CannotTell("an attribute of no known fixed shape")
        return tensor_value(tuple(s))

    def call(self, name: str, args: List[Any], kinds: List[Any]) -> Any:
        from mypy_plugin.callbacks.chain_items import chain_item  # (it imports this module)

        if len(args) != 1 or kinds != [ARG_POS]:
            raise CannotTell("a held layer called with other than one tensor")
        t = self._type(name)
        item = chain_item(t) if t is not None else None
        if item is None:
            raise CannotTell("an attribute that is not a layer with a rule")
        return tensor_value(tuple(item.call([tensor_shape(args[0])])))


# Layer types of a Chain being checked -> what the construction written for them in the
# Chain's arguments builds (:func:`traced_layers`); the type object is kept with its entry.
_KNOWN: Dict[int, Tuple[Type, Dict[str, Any]]] = {}


@contextmanager
def traced_layers(api: Any, call: Any, chain: Instance) -> Iterator[None]:
    """While a Chain called as ``net(x)`` is checked: its layers built by a construction in
    the ``Chain(...)`` that ``net`` is traced to (``net = Chain(Block(64, 128), Dense(128,
    10))``, a name bound once: flow_instances.py) are read with what that construction
    builds."""
    added: List[int] = []
    try:
        exprs = _chain_arguments(api, call, chain)
        for e, a in zip(exprs or [], chain.args):
            attrs = instance_attributes(api, e) if isinstance(e, CallExpr) else None
            if attrs:
                _KNOWN[id(a)] = (a, attrs)
                added.append(id(a))
    except Exception:  # noqa: BLE001 - a construct not modelled here: the declared types
        pass
    try:
        yield
    finally:
        for key in added:
            _KNOWN.pop(key, None)


def traced_chain_items(api: Any, call: Any, chain: Instance) -> Any:
    """``chain_items(chain)`` (chain_items.py) with the layers :func:`traced_layers` knows.

    >>> callable(traced_chain_items)  # exercised by tests/typecheck/case_instance_calls.py
    True
    """
    from mypy_plugin.callbacks.chain_items import chain_items  # (it imports this module)

    with traced_layers(api, call, chain):
        return chain_items(chain)


def _chain_arguments(api: Any, call: Any, chain: Instance) -> Optional[List[Expression]]:
    """The layer expressions of the ``Chain(...)`` the called name was built by."""
    if not isinstance(call, CallExpr):
        return None
    built = construction_of(api, call.callee)
    if built is None or not isinstance(built.callee, RefExpr) or \
            built.callee.fullname != chain.type.fullname or \
            any(k != ARG_POS for k in built.arg_kinds) or len(built.args) != len(chain.args):
        return None
    return list(built.args)


def user_layer_call(ctx: Any) -> Optional[Type]:
    """``block(x)`` (or ``net(a, b)``) of such a layer with known inputs: the body's output
    type; a mismatch in the body is reported at the call. None: mypy's type."""
    receiver = get_proper_type(getattr(ctx, "type", None))
    if not isinstance(receiver, Instance) or not ctx.arg_types or any(
            len(types) != 1 for types in ctx.arg_types):
        return None
    call = getattr(ctx, "context", None)
    attrs = instance_attributes(ctx.api, call.callee) if isinstance(call, CallExpr) else None
    rule = _body_rule(receiver, len(ctx.arg_types), attrs)
    if rule is None:
        return None
    names = translate.Names()
    names_in_scope(ctx.api, names)
    xs = [translate.shape_of(types[0], names) for types in ctx.arg_types]
    template = tensor_template(ctx.api, ctx.default_return_type)
    if any(x is None for x in xs) or template is None:
        return None
    try:
        out = rule([tuple(x) for x in xs if x is not None])
    except CannotTell:
        return None
    except ShapeError as err:
        report_shape_error(ctx.api, err, ctx.context)
        return None
    any_type = AnyType(TypeOfAny.special_form)
    return translate.type_of_shape(
        out, template, names, ctx.api.named_generic_type("builtins.int", []),
        ctx.api.named_generic_type("builtins.str", []),
        ctx.api.named_generic_type("builtins.tuple", [any_type]))
