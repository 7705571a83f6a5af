"""Subclasses of ``Chain``: the layers their ``__init__`` hands to ``super().__init__(...)``.

Models ported from PyTorch subclass the sequential container::

    class MLP(Chain):
        def __init__(self, d: int) -> None:
            super().__init__(Dense(d, 32, relu), Dense(32, 16, relu))

mypy types ``MLP(8)`` as an ``MLP``, a ``Chain[*tuple[Any, ...]]``: its call says nothing of
sizes. Where an instance is called and can be traced to the call that built it (as
flow_instances.py traces a model: the call itself, a name bound once to it, ``self.body``
bound once in a model's ``__init__``), :func:`subclass_chain` types the arguments of
``super().__init__(...)`` with ``__init__``'s parameters bound to that call's values (ints
known statically, flow_values.py) and gives the ``Chain`` type of those layers; the call is
then checked as that ``Chain``'s call (layers.py).

Soundness (followed only where nothing can make the layers differ):

- the class derives from ``Chain`` directly and only, has no decorator or metaclass,
  redefines no member of ``Chain`` but ``__init__``, and defines none of ``__new__``,
  ``__setattr__``, ``__delattr__``, ``__getattr__``, ``__getattribute__``;
- its ``__init__`` is a plain method whose body is one ``super().__init__(...)`` of
  positional layers (a docstring first is fine);
- the instance is exactly of that class (built by its own call), and no statement of the
  module binds an attribute ``layers`` on it or on an object of no known class, and there is
  no ``setattr``/``delattr``/``vars``/``__dict__`` (flow_owners.py); a change made from
  another module is not seen, as for module constants;
- every argument types without a message; a parameter whose value is not known keeps its
  declared type (``int``: unknown sizes, never an error).

>>> subclass_chain(object(), None) is None
True
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

from mypy.nodes import (
    ARG_POS,
    CallExpr,
    Expression,
    ExpressionStmt,
    FuncDef,
    LambdaExpr,
    RefExpr,
    StrExpr,
    TypeInfo,
    Var,
)
from mypy.types import FunctionLike, Instance, Type

from mypy_plugin.callbacks.bodies import building
from mypy_plugin.callbacks.chain_items import chain_item
from mypy_plugin.callbacks.common import report_shape_error
from mypy_plugin.callbacks.culprits import join_culprit
from mypy_plugin.flow import outer_value
from mypy_plugin.flow_inits import DUNDERS, init_actuals, is_super_init, plain_init, shared_default
from mypy_plugin.flow_instances import attribute_bindings, construction_of
from mypy_plugin.flow_patches import patched
from mypy_plugin.flow_run import typed
from mypy_plugin.flow_values import NOT_STATIC, evaluate
from typedflux.shapes.chains import check_chain
from typedflux.shapes.errors import CannotTell, ShapeError

__all__ = ["subclass_chain", "chain_subclass_init", "subclass_call_hook", "construction_check",
           "CHAIN"]

CHAIN = "typedflux.layers.containers.Chain"


def chain_subclass_init(info: TypeInfo) -> Optional[Tuple[FuncDef, CallExpr]]:
    """``info``'s ``__init__`` and its ``super().__init__(...)`` call, when ``info`` is a
    subclass of ``Chain`` the rules above follow; else None."""
    if len(info.mro) < 2 or info.mro[1].fullname != CHAIN or len(info.bases) != 1 or \
            info.defn.decorators or info.metaclass_type is not None or \
            any(name in info.names for name in DUNDERS) or \
            any(name in info.mro[1].names for name in info.names if name != "__init__"):
        return None  # (a member of Chain redefined: its call or its checks may differ)
    init = plain_init(info)
    if init is None or patched(info, "__call__"):
        return None  # (a ``__call__`` assigned on the class: flow_patches.py)
    stmts = list(init.body.body)
    if len(stmts) == 2 and isinstance(stmts[0], ExpressionStmt) and isinstance(
            stmts[0].expr, StrExpr):
        stmts = stmts[1:]  # a docstring
    if len(stmts) != 1 or not isinstance(stmts[0], ExpressionStmt):
        return None
    call = stmts[0].expr
    if not (is_super_init(call) and isinstance(call, CallExpr)
            and all(k == ARG_POS for k in call.arg_kinds)):
        return None
    return init, call


def subclass_chain(chk: Any, e: Optional[Expression]) -> Optional[Instance]:
    """The ``Chain`` type of the layers the instance ``e`` stands for was built with (a
    subclass of ``Chain`` followed as above), or None (mypy's type)."""
    if e is None or not hasattr(chk, "expr_checker"):
        return None
    built = construction_of(chk, e)
    if built is None or not isinstance(built.callee, RefExpr) or not isinstance(
            built.callee.node, TypeInfo):
        return None
    info = built.callee.node
    found = chain_subclass_init(info)
    if found is None or attribute_bindings(chk, info, "layers") != 0:
        return None
    init, sup = found
    env = _values(chk, built, init)
    if env is None:
        return None
    types = _layer_types(chk, sup, env)
    return None if types is None else Instance(info.mro[1], types)


def _values(chk: Any, call: CallExpr, init: FuncDef) -> Optional[Dict[Var, Any]]:
    """``__init__``'s parameters bound to the values ``call`` gives them (NOT_STATIC where
    not known), or None when the arguments cannot be matched to them one to one."""
    given_to = init_actuals(call, init)
    if given_to is None or any(given is None for _, given in given_to):
        return None
    return {p.variable: NOT_STATIC if shared_default(init, p, given) else evaluate(
        given, {}, lambda x: outer_value(chk, x), set()) for p, given in given_to
        if given is not None}


def _layer_types(chk: Any, sup: CallExpr, env: Dict[Var, Any]) -> Optional[List[Type]]:
    """The types of ``super().__init__``'s arguments with ``env``'s values (None: one is not
    known, or typing it reports an error)."""
    types: List[Type] = []
    for arg in sup.args:
        t, errors = typed(chk, arg, env)
        if t is None or errors:
            return None
        types.append(t)
    return types


def subclass_call_hook(chain_call: Callable[[Any], FunctionLike],
                       fallback: Callable[[Any], FunctionLike]) -> Callable[[Any], FunctionLike]:
    """A signature hook for ``Sub.__call__`` of a followed subclass ``Sub``: the call of the
    ``Chain`` its instance was built as (``chain_call``), else ``fallback``.

    >>> callable(subclass_call_hook(lambda ctx: ctx, lambda ctx: ctx))
    True
    """

    def hook(ctx: Any) -> FunctionLike:
        call = ctx.context
        t = subclass_chain(ctx.api, call.callee) if isinstance(call, CallExpr) else None
        return fallback(ctx) if t is None else chain_call(ctx._replace(type=t))

    return hook


def construction_check(ctx: Any) -> None:
    """At ``Sub(...)`` of a followed subclass (``ctx``: the construction's FunctionContext):
    the layers ``super().__init__(...)`` gets must compose. A fault whatever the parameters'
    values is reported on the layer at fault in ``super().__init__(...)``; one only these
    values give, at the construction (the run time raises at both)."""
    call = ctx.context
    chk = ctx.api
    if not isinstance(call, CallExpr) or not isinstance(call.callee, RefExpr) or \
            not isinstance(call.callee.node, TypeInfo) or not hasattr(chk, "expr_checker"):
        return
    info = call.callee.node
    found = chain_subclass_init(info)
    tree = getattr(chk, "tree", None)
    if found is None or getattr(tree, "fullname", None) != info.module_name:
        return
    init, sup = found
    env = _values(chk, call, init)
    if env is None or any(isinstance(a, LambdaExpr) for a in sup.args):
        return
    err = _fault(chk, sup, env)
    if err is None:
        return
    plain = _fault(chk, sup, {v: NOT_STATIC for v in env}) if env else err
    if plain is not None and plain[0].message == err[0].message:
        report_shape_error(chk, err[0], join_culprit(sup.args[err[1] - 1], err[2], err[0]))
    else:
        report_shape_error(chk, err[0], call)


def _fault(chk: Any, sup: CallExpr, env: Dict[Var, Any]) -> Optional[Tuple[ShapeError, int, Type]]:
    """The error ``Chain(<sup's arguments>)`` gives with ``env``'s values (None: it composes
    or cannot tell), with the position and the type of the layer at fault."""
    types = _layer_types(chk, sup, env)
    if types is None:
        return None
    try:
        with building():
            check_chain([chain_item(t) for t in types])
    except CannotTell:
        return None
    except ShapeError as err:
        position = getattr(err, "position", None)
        if isinstance(position, int) and 1 <= position <= len(types):
            return err, position, types[position - 1]
    return None
