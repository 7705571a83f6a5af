"""An object passed for a parameter typed with a ``Protocol`` whose methods annotate tensors
(``def step(self, x: Tensor[2, 16]) -> Tensor[2, 16]``): its class's methods must annotate
the same written sizes (``typedflux.shapes.protocol_members``, the rule ``@tf.shapecheck``
runs). mypy's own error there is ``[arg-type]``, with notes listing both signatures in
``Literal`` words; the call check (``callbacks/calls.py``) reports it as a ``[shape]`` error
naming the member, the slot and the axis, and takes the argument as it comes.

A protocol with a ``__call__`` is a callable parameter (``callbacks/layer_params.py``), not
read here.

>>> from mypy.types import AnyType, TypeOfAny
>>> protocol_signatures(AnyType(TypeOfAny.special_form)) is None
True
"""

from __future__ import annotations

from typing import Dict, Optional

from mypy.nodes import FuncBase
from mypy.subtypes import find_member
from mypy.types import CallableType, Instance, Type, get_proper_type

from mypy_plugin import translate
from typedflux.shapes.protocol_members import Signature, member_mismatch

__all__ = ["protocol_signatures", "protocol_member_message"]


def _signature(t: Optional[Type]) -> Optional[Signature]:
    p = get_proper_type(t) if t is not None else None
    if not isinstance(p, CallableType):
        return None
    params = [(p.arg_names[i] or str(i), translate.tensor_pattern(a))
              for i, a in enumerate(p.arg_types)]
    return params, translate.tensor_pattern(p.ret_type)


def protocol_signatures(formal: Type) -> Optional[Dict[str, Signature]]:
    """The tensor-annotated methods of a protocol type (not a ``__call__`` protocol), by
    name, as seen on ``formal`` (its type arguments put in); ``None`` for anything else.
    Cheap for any other type: one ``isinstance`` and a flag."""
    p = get_proper_type(formal)
    if not (isinstance(p, Instance) and p.type.is_protocol):
        return None
    out: Dict[str, Signature] = {}
    for info in p.type.mro:
        if info.fullname == "builtins.object" or not info.is_protocol:
            continue
        for name, sym in info.names.items():
            if name == "__call__":
                return None  # (a callable parameter: layer_params.py)
            if name in out or not isinstance(sym.node, FuncBase):
                continue
            sig = _signature(find_member(name, p, p))
            if sig is not None and (sig[1] is not None or any(s is not None for _, s in sig[0])):
                out[name] = sig
    return out or None


def protocol_member_message(
    function: str, label: str, signatures: Dict[str, Signature], formal: Type, actual: Type
) -> Optional[str]:
    """The message when the class of ``actual`` has a method that provably does not fit the
    protocol's member of that name; ``None`` otherwise (another type, a member it lacks:
    mypy's own error)."""
    a = get_proper_type(actual)
    p = get_proper_type(formal)
    if not isinstance(a, Instance) or a.type.is_protocol or not isinstance(p, Instance):
        return None
    for member, wanted in signatures.items():
        if a.type.get_method(member) is None:
            continue
        given = _signature(find_member(member, a, a))
        if given is None:
            continue
        message = member_mismatch(function, label, a.type.name, p.type.name, member, wanted, given)
        if message is not None:
            return message
    return None
