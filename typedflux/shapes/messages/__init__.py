"""Every shape message, built in one place so the runtime and the mypy plugin say the same
words: one builder per message, grouped by family in the modules of this package, all
importable from here (``from typedflux.shapes import messages; messages.chain_mismatch(...)``).

- :mod:`.shape_text`: shapes and dims as text (``fmt_shape``, ``fmt_dims``, ``fmt_axes``);
- :mod:`.ops`: ops on one or two tensors (broadcasting, matmul, axes, reshapes, ranks,
  windows, creation sizes, losses);
- :mod:`.joins`: joining and cutting tensors (concat, split, chunk, repeat counts, pad);
- :mod:`.indexing`: indexing keys and index tensors;
- :mod:`.patterns`: einsum subscripts and rearrange/reduce patterns;
- :mod:`.layers`: layer inputs, Chain composition, layer constructor arguments;
- :mod:`.boundaries`: annotation boundaries (return, assignment, yield, argument, overload)
  and symbolic dims bound twice;
- :mod:`.annotations`: malformed ``Tensor[...]`` annotations (a negative size, a TypeVar that
  is not a size).

Form (docs/design.md, section 6): ``<What failed> for "<op>": <arg> has <shape>, <arg> has
<shape>; need <condition> (<values>)``, then a hint when the fix is obvious. Capitalised,
names in double quotes, no trailing period. A new builder goes into its family's module and
its ``__all__`` (this package re-exports every family's ``__all__``).

>>> print(chain_mismatch(2, "Dense(64 => 10)", (Star(), 64), 1, "Dense(784 => 32)", (16, 32)))
Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32) produces Tensor[16, 32]
"""

# (No ``from __future__ import annotations`` here: its name would shadow the ``annotations``
# submodule below when this file is imported on its own, as ``pytest typedflux/shapes/messages``
# does.)
from typedflux.shapes.dims import Star
from typedflux.shapes.messages.shape_text import *  # noqa: F401,F403
from typedflux.shapes.messages.ops import *  # noqa: F401,F403
from typedflux.shapes.messages.joins import *  # noqa: F401,F403
from typedflux.shapes.messages.indexing import *  # noqa: F401,F403
from typedflux.shapes.messages.patterns import *  # noqa: F401,F403
from typedflux.shapes.messages.layers import *  # noqa: F401,F403
from typedflux.shapes.messages.boundaries import *  # noqa: F401,F403
from typedflux.shapes.messages.callables import *  # noqa: F401,F403
from typedflux.shapes.messages.annotations import *  # noqa: F401,F403
from typedflux.shapes.messages import shape_text as _shape_text
from typedflux.shapes.messages import ops as _ops
from typedflux.shapes.messages import joins as _joins
from typedflux.shapes.messages import indexing as _indexing
from typedflux.shapes.messages import patterns as _patterns
from typedflux.shapes.messages import layers as _layers
from typedflux.shapes.messages import boundaries as _boundaries
from typedflux.shapes.messages import callables as _callables
from typedflux.shapes.messages import annotations as _annotations

__all__ = [
    *_shape_text.__all__,
    *_ops.__all__,
    *_joins.__all__,
    *_indexing.__all__,
    *_patterns.__all__,
    *_layers.__all__,
    *_boundaries.__all__,
    *_callables.__all__,
    *_annotations.__all__,
]
