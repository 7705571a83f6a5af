"""Plain ``int`` sizes given for a user function's dim parameter (``def table(n: T) ->
Tensor[T, 16]``).

A size the checker cannot know (``len(ids[0])``, an ``int`` parameter) is an unknown dim, and
an unknown dim is never a mismatch. mypy solves ``T`` from the call's context or from the
other arguments first, then checks ``n`` against that solution: inside ``def f(ids:
Tensor[B, T]) -> Tensor[T, 16]``, ``return table(len(ids[0]))`` was ``Argument 1 to
"table" has incompatible type "int"; expected "T"  [arg-type]``, and
``pad_to(tf.zeros(5, 4), len(xs))`` of ``def pad_to(x: Tensor[T, 4], n: T)`` was the same
with ``"Literal[5]"``, on programs that run. Here such a parameter takes ``int`` (the value
proves nothing about ``T``): when another parameter mentions ``T``, mypy solves it from that
one (the call keeps its known sizes); when none does, ``T`` is ``int`` throughout the call's
signature (its result has an unknown dim there, as mypy's own solution without a context).

A size given as an int literal (``Seq.zeros(2, 3)`` of ``zeros(cls, b: B, n: N) -> Seq[B,
N]``) is that size: when no other parameter mentions ``B`` and every argument given for ``B``
is the same literal, ``B`` is ``Literal[2]`` throughout the call's signature, so the result is
a ``Seq[2, 3]`` (mypy's own solution widens it to ``Seq[int, int]``, and its invariance check
then refused ``direct: Seq[2, 3] = s`` and ``Box(s)`` for ``Box[Seq[2, 3]]``: redteam s11
fa02). A constructor's dim parameter (``IdentityBlock(8)``) is left to the run of its
``__init__`` (flow.py), as before.

>>> unknown_size_params.__name__
'unknown_size_params'
"""

from __future__ import annotations

from typing import Dict, Optional, Set, Union

from mypy.expandtype import expand_type
from mypy.nodes import ARG_POS, ARG_NAMED, ARG_OPT, ARG_NAMED_OPT
from mypy.plugin import FunctionSigContext, MethodSigContext
from mypy.typeops import get_all_type_vars
from mypy.types import (
    CallableType, Instance, LiteralType, TupleType, Type, TypeVarId, TypeVarType,
    get_proper_type,
)

__all__ = ["unknown_size_params"]

SigContext = Union[FunctionSigContext, MethodSigContext]
_ONE_VALUE = (ARG_POS, ARG_OPT, ARG_NAMED, ARG_NAMED_OPT)


def _dim_var(t: Type) -> Union[TypeVarType, None]:
    """``t`` when it is a type variable bound to ``int`` (a dim), else ``None``."""
    if not isinstance(t, TypeVarType):
        return None
    bound = get_proper_type(t.upper_bound)
    return t if isinstance(bound, Instance) and bound.type.fullname == "builtins.int" else None


def _literal_safe(t: Type, var_id: TypeVarId) -> bool:
    """Whether a literal size for the type variable ``var_id`` keeps the result ``t`` fitting
    wherever mypy's own solution fits: ``var_id`` occurs only bare (``-> N``), in a tuple
    (covariant), or as a type argument of a ``Tensor`` or a user class (a dims class:
    ``Seq[B, N]``), never as an item of another builtin container (``-> List[N]``: ``counts:
    List[int] = repeat(3)`` would be ``list[Literal[3]]``, an ``[assignment]`` error)."""
    p = get_proper_type(t)
    if isinstance(p, TypeVarType):
        return True
    if isinstance(p, TupleType):
        return all(_literal_safe(item, var_id) for item in p.items)
    if isinstance(p, Instance):
        if not p.type.fullname.startswith(("builtins.", "typing.", "collections.")):
            return True
        if p.type.fullname == "builtins.tuple":
            return all(_literal_safe(a, var_id) for a in p.args)
    return not any(v.id == var_id for v in get_all_type_vars(t))


def _plain_int(t: Type) -> bool:
    p = get_proper_type(t)
    return isinstance(p, Instance) and p.type.fullname == "builtins.int" and p.last_known_value is None


def _literal_size(t: Type) -> Optional[int]:
    """The size an argument's type says exactly (``2``: ``Literal[2]?``), else ``None``."""
    p = get_proper_type(t)
    if isinstance(p, Instance) and p.last_known_value is not None:
        p = p.last_known_value
    if isinstance(p, LiteralType) and type(p.value) is int and p.value >= 0:
        return p.value
    return None


def unknown_size_params(ctx: SigContext, sig: CallableType) -> CallableType:
    """``sig`` (the plugin's signature for the call, made from the default one) with each
    dim parameter given a plain ``int`` taking ``int`` (see the module).

    Cheap when no parameter is a bare dim type variable (the common call): no argument is
    inferred then.
    """
    default = ctx.default_signature
    found = [i for i, t in enumerate(default.arg_types)
             if _dim_var(t) is not None and default.arg_kinds[i] in _ONE_VALUE]
    if not found or len(sig.arg_types) != len(default.arg_types):
        return sig
    int_type = ctx.api.named_generic_type("builtins.int", [])
    arg_types = list(sig.arg_types)
    to_int: Dict[TypeVarId, Type] = {}
    sizes: Dict[TypeVarId, Set[int]] = {}  # a var's literal sizes (any other value: unfit)
    unfit: Set[TypeVarId] = set()
    for i in found:
        var = _dim_var(default.arg_types[i])
        assert var is not None
        if i >= len(ctx.args) or len(ctx.args[i]) != 1:
            unfit.add(var.id)
            continue
        # (not inferred yet when a signature hook runs: quietly here, mypy does it again)
        with ctx.api.msg.filter_errors(filter_revealed_type=True):
            actual = ctx.api.get_expression_type(ctx.args[i][0])
        size = _literal_size(actual)
        if size is not None:
            sizes.setdefault(var.id, set()).add(size)
        else:
            unfit.add(var.id)
        if not _plain_int(actual):
            continue
        arg_types[i] = int_type
        elsewhere = any(
            v.id == var.id
            for j, t in enumerate(default.arg_types) if j != i for v in get_all_type_vars(t))
        if not elsewhere:
            to_int[var.id] = int_type
    # (a constructor's sizes are the flow's business: its run reads the class's dims)
    constructor = getattr(default.definition, "name", None) in ("__init__", "__new__")
    for var_id, given in sizes.items() if not constructor else ():
        if var_id in unfit or var_id in to_int or len(given) != 1:
            continue
        if any(v.id == var_id for j, t in enumerate(default.arg_types) if j not in found
               for v in get_all_type_vars(t)):
            continue  # (another parameter mentions it: mypy solves it from both)
        if not _literal_safe(default.ret_type, var_id):
            continue  # (``-> List[N]``: mypy solves it from the call's context)
        to_int[var_id] = LiteralType(given.pop(), int_type)
    if arg_types == list(sig.arg_types) and not to_int:
        return sig
    out = sig.copy_modified(arg_types=arg_types)
    if to_int:
        expanded = expand_type(out, to_int)
        assert isinstance(expanded, CallableType)
        out = expanded.copy_modified(
            variables=[v for v in out.variables if v.id not in to_int])
    return out
