"""mypy types <-> typedflux dims: the ONLY part of the plugin that knows both worlds
(tests/test_architecture.py holds every other module to one of them).

How a dim lives inside a mypy type (docs/internals.md):

=====================  ==========================================
dim                    mypy type
=====================  ==========================================
``784``                ``LiteralType(784)`` (fallback ``int``)
``B``                  ``TypeVarType`` (a TypeVar bound to ``int``)
``2*N``                ``LiteralType("2*N")``: the normal form's text
unknown (``int``)      ``AnyType`` (gradual: never a mismatch)
``*Bs``                ``UnpackType(TypeVarTupleType)``
=====================  ==========================================

Its modules: :mod:`.common` (what they share), :mod:`.tensor_annotations` (``Tensor[...]``
in a type expression), :mod:`.reading` (types and expressions to shapes and dims),
:mod:`.writing` (shapes and dims to types); this package re-exports them all, so callers
write ``translate.shape_of(t)``.

Everything here is total: a type that cannot be read gives ``None`` (the caller then keeps
mypy's default type), never an exception and never a guess.

>>> from typedflux.shapes.dims import sym
>>> dim_text(sym("N") * 2)
'2*N'
"""

from __future__ import annotations

from mypy_plugin.translate.common import *  # noqa: F401,F403
from mypy_plugin.translate.tensor_annotations import *  # noqa: F401,F403
from mypy_plugin.translate.reading import *  # noqa: F401,F403
from mypy_plugin.translate.writing import *  # noqa: F401,F403
from mypy_plugin.translate import common as _common
from mypy_plugin.translate import tensor_annotations as _tensor_annotations
from mypy_plugin.translate import reading as _reading
from mypy_plugin.translate import writing as _writing
from typedflux.shapes.dims import UNKNOWN, Star

__all__ = [
    "UNKNOWN",
    "Star",
    *_common.__all__,
    *_tensor_annotations.__all__,
    *_reading.__all__,
    *_writing.__all__,
]
