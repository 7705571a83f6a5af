"""The plugin's error codes: ``shape``, ``shape-annotation`` and ``shape-internal``.

Own codes (never ``misc``) so users can write ``# type: ignore[shape]`` or
``--disable-error-code shape``.

>>> SHAPE.code, SHAPE_ANNOTATION.code, SHAPE_INTERNAL.code
('shape', 'shape-annotation', 'shape-internal')
"""

from __future__ import annotations

from mypy.errorcodes import ErrorCode

__all__ = ["SHAPE", "SHAPE_ANNOTATION", "SHAPE_INTERNAL"]

SHAPE = ErrorCode("shape", "Tensor shapes provably do not match", "typedflux")
"""A proven shape mismatch at an op, a layer or a call (``# type: ignore[shape]``).

>>> str(SHAPE)
'<ErrorCode shape>'
"""

SHAPE_ANNOTATION = ErrorCode(
    "shape-annotation", "A Tensor[...] annotation holds something that is not a dim", "typedflux"
)
"""A malformed ``Tensor[...]`` annotation (a float, a tuple, an unknown name in a string).

>>> SHAPE_ANNOTATION.code
'shape-annotation'
"""

SHAPE_INTERNAL = ErrorCode(
    "shape-internal", "The typedflux plugin failed on this line (a bug in the plugin)", "typedflux"
)
"""A note that the plugin itself failed here; mypy carries on with the unrefined type.

>>> SHAPE_INTERNAL.code
'shape-internal'
"""
