"""``Chain(*encoder, *decoder)``: a Chain of several unpacked lists of layers.

``Chain.__init__`` takes ``*layers: Unpack[Layers]`` (a TypeVarTuple, so a Chain's type lists
its layers), and mypy refuses two unpacked arguments for one such parameter: `Passing multiple
variadic unpacks in a call is not supported  [call-arg]`, on a call Python runs. For such a
call the signature hook gives ``Chain.__init__`` a plain ``*layers: Any`` and the result
``Chain[*tuple[Any, ...]]``: a Chain of layers not known, so nothing is reported about it
(the run time checks it where it is built).

>>> from mypy.nodes import ArgKind, CallExpr, NameExpr
>>> stars(CallExpr(NameExpr("Chain"), [NameExpr("a"), NameExpr("b")],
...                [ArgKind.ARG_STAR, ArgKind.ARG_STAR], [None, None]))
2
"""

from __future__ import annotations

from typing import Any

from mypy.nodes import ArgKind, CallExpr
from mypy.types import AnyType, CallableType, FunctionLike, Instance, TypeOfAny, UnpackType
from mypy.types import get_proper_type

__all__ = ["stars", "star_layers"]


def stars(call: object) -> int:
    """How many ``*xs`` arguments ``call`` (a call expression) passes."""
    if not isinstance(call, CallExpr):
        return 0
    return sum(k == ArgKind.ARG_STAR for k in call.arg_kinds)


def star_layers(sig: FunctionLike, api: Any) -> FunctionLike:
    """``sig`` (``Chain.__init__``'s) with ``*layers: Any`` and an unknown Chain as result."""
    ret = get_proper_type(sig.ret_type) if isinstance(sig, CallableType) else None
    if not isinstance(sig, CallableType) or not isinstance(ret, Instance):
        return sig
    any_type = AnyType(TypeOfAny.special_form)
    unknown = Instance(ret.type, [UnpackType(api.named_generic_type("builtins.tuple", [any_type]))])
    arg_types = [any_type if isinstance(t, UnpackType) else t for t in sig.arg_types]
    return sig.copy_modified(arg_types=arg_types, ret_type=unknown, variables=[])
