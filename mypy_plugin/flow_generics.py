"""A class generic in a dim, called: the dim its construction gave, in the call's result.

A model generic in its width takes the width from its constructor::

    class Stack(Generic[D]):
        def __init__(self, d: D, depth: int) -> None: ...
        def __call__(self, x: Tensor[B, D]) -> Tensor[B, D]: ...

    stack = Stack(16, 3)
    head(stack(tf.randn(2, 16)))      # Tensor[2, 16] reaches the head

mypy infers ``D`` from the literal ``16`` as ``int`` (a type variable takes the literal's
plain type), so the call gives ``Tensor[2, int]`` and the head's width is unchecked. Where
the instance is traced to its construction (a call written there, or a name bound once to
it: flow_constructions.py) of the class itself, :func:`generic_result` reads each ``__init__``
parameter annotated with one of the class's type variables (``d: D``) whose argument is a
known int, and puts that size where the call's declared result has the variable (``D`` of
``Tensor[B, D]``), keeping what mypy inferred elsewhere (``B``). Only the call's result
changes: the instance keeps mypy's type (``Stack[int]``: given where ``Stack[int]`` is
declared, a ``Stack[16]`` would be refused, as a generic class is invariant).

>>> generic_result(object()) is None
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from mypy.nodes import CallExpr, RefExpr, TypeInfo
from mypy.types import (
    CallableType,
    Instance,
    LiteralType,
    Type,
    TypeVarType,
    UnpackType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.flow import outer_value
from mypy_plugin.flow_inits import init_actuals, plain_init
from mypy_plugin.flow_instances import construction_of
from mypy_plugin.flow_patches import patched
from mypy_plugin.flow_values import evaluate
from typedflux.shapes.layer_config import is_int

__all__ = ["generic_result", "generic_conflict"]


def generic_result(ctx: Any) -> Optional[Type]:
    """The result of ``stack(x)`` of a traced instance of a class generic in a dim, with
    the dims its construction gave; None: mypy's type (the cheap exit: the receiver is not
    a user class with type arguments)."""
    receiver = get_proper_type(getattr(ctx, "type", None))
    if not isinstance(receiver, Instance) or not receiver.args or \
            receiver.type.fullname.startswith("typedflux."):
        return None
    try:
        return _result(ctx, receiver)
    except Exception:  # noqa: BLE001 - a construct not modelled here: mypy's type
        return None


def generic_conflict(ctx: Any) -> Optional[CallExpr]:
    """The construction of the instance ``block(x)`` calls when ``x`` has, where the
    ``__call__`` parameter's type has one of the class's variables, a known size other than
    the one the construction gave it (``IdentityBlock(8)`` called on 4 channels: the body
    then runs on layers built for 8, as at run time); else None.

    >>> generic_conflict(object()) is None
    True
    """
    receiver = get_proper_type(getattr(ctx, "type", None))
    if not isinstance(receiver, Instance) or not receiver.args or \
            receiver.type.fullname.startswith("typedflux."):
        return None
    try:
        found = _traced(ctx, receiver)
        if found is None:
            return None
        built, sizes, sig = found
        return built if _conflict(ctx, sig, sizes, receiver.type) else None
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is claimed
        return None


def _traced(ctx: Any, receiver: Instance) -> Optional[Tuple[CallExpr, Dict[int, int],
                                                              CallableType]]:
    """The construction the call's instance is traced to (of the class itself), the sizes
    it gives the class's variables, and ``__call__``'s signature; None when not known."""
    call = ctx.context
    if not isinstance(call, CallExpr):
        return None
    built = construction_of(ctx.api, call.callee)
    info = receiver.type
    if built is None or not isinstance(built.callee, RefExpr) or built.callee.node is not info:
        return None
    sizes = _sizes(ctx.api, built, info)
    method = info.get_method("__call__")
    sig = getattr(method, "type", None)
    if not sizes or not isinstance(sig, CallableType) or patched(info, "__call__"):
        return None  # (patched: another function runs, flow_patches.py)
    return built, sizes, sig


def _conflict(ctx: Any, sig: CallableType, sizes: Dict[int, int], info: TypeInfo) -> bool:
    return any(_conflicts(formal, a, sizes, info)
               for formal, actuals in zip(sig.arg_types[1:], ctx.arg_types) for a in actuals)


def _result(ctx: Any, receiver: Instance) -> Optional[Type]:
    found = _traced(ctx, receiver)
    if found is None:
        return None
    _, sizes, sig = found
    info = receiver.type
    if _conflict(ctx, sig, sizes, info):
        return None  # (an input of another size: the call fails before its result)
    declared = get_proper_type(sig.ret_type)
    default = get_proper_type(ctx.default_return_type)
    if not (translate.is_tensor(declared) and translate.is_tensor(default)):
        return None
    assert isinstance(declared, Instance) and isinstance(default, Instance)
    if len(declared.args) != len(default.args) or any(
            isinstance(get_proper_type(a), UnpackType) for a in declared.args + default.args):
        return None
    args: List[Type] = []
    changed = False
    for d, a in zip(declared.args, default.args):
        p = get_proper_type(d)
        size = sizes.get(p.id.raw_id) if isinstance(p, TypeVarType) and \
            p.id.namespace == info.fullname else None
        if size is None:
            args.append(a)
            continue
        args.append(LiteralType(size, ctx.api.named_generic_type("builtins.int", [])))
        changed = True
    return default.copy_modified(args=args) if changed else None


def _sizes(chk: Any, built: CallExpr, info: TypeInfo) -> Dict[int, int]:
    """The class's type variables (by id) that ``built``'s arguments give a known int
    (``d: D`` given ``16``)."""
    init = plain_init(info)
    given = init_actuals(built, init) if init is not None else None
    out: Dict[int, int] = {}
    for param, e in given or []:
        t = get_proper_type(param.variable.type)
        if not isinstance(t, TypeVarType) or t.id.namespace != info.fullname or e is None:
            continue
        v = evaluate(e, {}, lambda x: outer_value(chk, x), set())
        if is_int(v) and v > 0:
            if out.get(t.id.raw_id, v) != v:
                return {}  # (two parameters of one variable given two sizes: mypy's)
            out[t.id.raw_id] = v
    return out


def _conflicts(formal: Type, actual: Type, sizes: Dict[int, int], info: TypeInfo) -> bool:
    """Whether ``actual`` has a known size other than the construction's where ``formal``
    (``Tensor[B, D]``) has one of the class's variables."""
    f, a = get_proper_type(formal), get_proper_type(actual)
    if not (isinstance(f, Instance) and isinstance(a, Instance) and translate.is_tensor(f)
            and translate.is_tensor(a)) or len(f.args) != len(a.args):
        return False
    for fd, ad in zip(f.args, a.args):
        p, q = get_proper_type(fd), get_proper_type(ad)
        if isinstance(p, TypeVarType) and p.id.namespace == info.fullname and \
                p.id.raw_id in sizes and isinstance(q, LiteralType) and \
                q.value != sizes[p.id.raw_id]:
            return True
    return False
