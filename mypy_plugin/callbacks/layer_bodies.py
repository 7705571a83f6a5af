"""A user layer whose ``__call__`` takes a bare ``Tensor``: its body is its rule.

Flux's idea is that any callable is a layer, and model code writes its own blocks so::

    class Block:
        def __init__(self) -> None:
            self.up = Dense(64, 256, gelu)
            self.down = Dense(256, 64)

        def __call__(self, x: tf.Tensor) -> tf.Tensor:
            return self.down(self.up(x))

The annotation names no shape, so the signature says nothing. When the body is straight-line
(locals bound once each, then one ``return``) and every value in it is known — the input,
the layers and tensors the instance holds (by their declared types: ``self.up`` is a
``Dense[64, 256]``), numbers, ops with rules (``bodies.py`` evaluates it) — the output is
what the body gives for the input: a call ``block(x)`` is typed by it, a mismatch in it is
reported at the call (where the run time raises), and in a ``Chain`` the block is a layer
with that rule (checked where the Chain is called, like a lambda). Anything else (a loop, a
condition, a method of the instance, an attribute of no known type) leaves mypy's type.

>>> from mypy.types import AnyType, TypeOfAny
>>> user_layer_rule(AnyType(TypeOfAny.special_form)) is None
True
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, Tuple

from mypy.nodes import (
    ARG_POS,
    AssignmentStmt,
    Expression,
    ExpressionStmt,
    FuncDef,
    NameExpr,
    ReturnStmt,
    StrExpr,
    Var,
)
from mypy.subtypes import find_member
from mypy.types import AnyType, CallableType, Instance, Type, TypeOfAny, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.bodies import Receiver, run_body, tensor_shape, tensor_value
from mypy_plugin.callbacks.common import names_in_scope, report_shape_error, tensor_template
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_config import Shape

__all__ = ["user_layer_rule", "user_layer_call"]


def _straight(func: FuncDef) -> Optional[Tuple[List[Tuple[Var, Expression]], Expression]]:
    """``h = ...`` lines (plain names), then one ``return``; None for anything else."""
    stmts = list(func.body.body)
    if len(stmts) >= 2 and isinstance(stmts[0], ExpressionStmt) and isinstance(
            stmts[0].expr, StrExpr):
        stmts = stmts[1:]
    if not stmts or not isinstance(stmts[-1], ReturnStmt) or stmts[-1].expr is None:
        return None
    local: List[Tuple[Var, Expression]] = []
    for s in stmts[:-1]:
        if not (isinstance(s, AssignmentStmt) and len(s.lvalues) == 1 and s.type is None
                and isinstance(s.lvalues[0], NameExpr) and isinstance(s.lvalues[0].node, Var)):
            return None
        local.append((s.lvalues[0].node, s.rvalue))
    return local, stmts[-1].expr


def user_layer_rule(t: Type) -> Optional[Callable[[Shape], Shape]]:
    """The rule of an instance of a user class whose ``__call__(self, x)`` takes a tensor of
    any shape (None: not one, or a body not read here)."""
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
    if len(arguments) != 2 or any(k != ARG_POS for k in kinds):
        return None
    sig = method.type
    if isinstance(sig, CallableType):
        x_type = get_proper_type(sig.arg_types[1])
        if not (isinstance(x_type, AnyType) or (translate.is_tensor(x_type)
                                                and translate.tensor_pattern(x_type) is None)):
            return None  # a shaped parameter: its signature is its rule (chain_items.py)
    body = _straight(method)
    if body is None:
        return None
    local, ret = body
    self_var, x_var = arguments[0].variable, arguments[1].variable
    instance = p

    def run(x: Shape) -> Shape:
        return run_body({id(self_var): _Self(instance), id(x_var): tuple(x)}, local, ret)

    def rule(x: Shape) -> Shape:
        try:
            return run(x)
        except ShapeError:
            try:
                run((translate.Star(None),))
            except ShapeError:
                # It fails for any input: mypy reports it in the body already (checked with
                # its bare annotation); a call adds nothing.
                raise CannotTell("a body that fails for every input") from None
            except CannotTell:
                pass
            raise

    return rule


class _Self(Receiver):
    """The instance a user layer's body reads: what its attributes are declared as."""

    def __init__(self, instance: Instance) -> None:
        self.instance = instance

    def attribute(self, name: str) -> Any:
        t = get_proper_type(find_member(name, self.instance, self.instance))
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
        t = find_member(name, self.instance, self.instance)
        item = chain_item(t) if t is not None else None
        if item is None:
            raise CannotTell("an attribute that is not a layer with a rule")
        return tensor_value(tuple(item.call([tensor_shape(args[0])])))


def user_layer_call(ctx: Any) -> Optional[Type]:
    """``block(x)`` of such a layer with a known input: the body's output type; a mismatch
    in the body is reported at the call. None: mypy's type."""
    receiver = get_proper_type(getattr(ctx, "type", None))
    if not isinstance(receiver, Instance) or len(ctx.arg_types) != 1 or len(ctx.arg_types[0]) != 1:
        return None
    rule = user_layer_rule(receiver)
    if rule is None:
        return None
    names = translate.Names()
    names_in_scope(ctx.api, names)
    x = translate.shape_of(ctx.arg_types[0][0], names)
    template = tensor_template(ctx.api, ctx.default_return_type)
    if x is None or template is None:
        return None
    try:
        out = rule(tuple(x))
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
