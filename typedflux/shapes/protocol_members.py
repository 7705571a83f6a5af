"""Whether a class's method fits a protocol's member by the shapes both annotate: one rule for
the plugin (``mypy_plugin/callbacks/protocol_members.py``) and ``@tf.shapecheck``.

An object passed for a parameter typed with a ``Protocol`` must have its members; mypy compares
them as types, and two methods whose tensor annotations differ in a size are its
``[arg-type]`` with notes in ``Literal`` words. Here each parameter and the result are compared
at their written sizes only (each signature's symbols are its own), and the first that
provably differs names the member, the slot and the axis.

>>> from typedflux.shapes.dims import sym
>>> B = sym("B")
>>> print(member_mismatch("use", "p", "Impl", "HasH", "step",
...       ([("x", (B, 16))], (B, 16)), ([("x", (B, 16))], (B, 8))))
Argument "p" of "use" is Impl, whose "step" returns Tensor[B, 8] where protocol "HasH" returns Tensor[B, 16]: axis 1 is 8, expected 16
"""

from __future__ import annotations

from typing import Optional, Sequence, Tuple

from typedflux.shapes import messages
from typedflux.shapes.bind import literal_mismatch
from typedflux.shapes.shape import Shape

__all__ = ["Signature", "member_mismatch"]

Signature = Tuple[Sequence[Tuple[str, Optional[Shape]]], Optional[Shape]]
"""A method's tensor parameters (name, pattern or ``None``) after ``self``, and its result."""


def member_mismatch(
    function: str, param: str, cls: str, protocol: str, member: str,
    wanted: Signature, given: Signature,
) -> Optional[str]:
    """The message when the method ``given`` (of ``cls``) provably does not fit the protocol's
    member ``wanted``: a parameter (by position) or the result annotated with another written
    size or rank; ``None`` otherwise."""
    wanted_params, wanted_ret = wanted
    given_params, given_ret = given
    for (slot, w), (_, g) in zip(wanted_params, given_params):
        if w is None or g is None:
            continue
        m = literal_mismatch(w, g)
        if m is not None:
            return messages.protocol_member_mismatch(
                function, param, cls, protocol, member, slot, w, g, m.axis)
    if wanted_ret is not None and given_ret is not None:
        m = literal_mismatch(wanted_ret, given_ret)
        if m is not None:
            return messages.protocol_member_mismatch(
                function, param, cls, protocol, member, None, wanted_ret, given_ret, m.axis)
    return None
