"""Pure-Python shapes: the dim algebra, every op's shape rule, and the shared messages.

Importing this package registers every rule, so ``SPECS`` is complete afterwards.

What the rules assume and decide (one set of semantics for both checkers):

- symbols are rigid and stand for sizes ``>= 1``; only a literal ``1`` broadcasts or squeezes;
- an unknown dim (``?``) never fails a check; a ``*Bs`` run aligns with an identical run,
  and where alignment is undecidable the result holds ``...`` (a run of unknown length) or
  the rule raises ``CannotTell`` (the plugin then falls back to an unknown shape);
- on int shapes the rules agree with numpy, except where numpy is lax: an axis into a 0-d
  tensor and reshape sizes below ``-1`` are errors here.

>>> from typedflux.shapes import SPECS, sym, fmt_shape
>>> fmt_shape(SPECS["matmul"].rule(x=(sym("B"), 784), w=(784, 10)))
'Tensor[B, 10]'
"""

from typedflux.shapes import messages
from typedflux.shapes.catalog import SPECS, Arg, Kind, OpSpec, spec
from typedflux.shapes.dims import (
    UNKNOWN,
    Dim,
    Expr,
    Star,
    Unknown,
    dim_str,
    equal,
    evaluate,
    is_known,
    is_one,
    sym,
    symbols,
)
from typedflux.shapes.errors import CannotTell, ShapeError, require
from typedflux.shapes.messages import fmt_shape
from typedflux.shapes.parse import DimSyntaxError, parse_dim
from typedflux.shapes.shape import SDim, Shape, broadcast_pair

# Each rules module registers its specs in SPECS when imported.
from typedflux.shapes import rules_bilinear  # noqa: F401  (newlayers: Bilinear)
from typedflux.shapes import rules_conv_groups  # noqa: F401  (newlayers: grouped convs)
from typedflux.shapes import rules_creation  # noqa: F401  (registers specs)
from typedflux.shapes import rules_data  # noqa: F401
from typedflux.shapes import rules_einsum  # noqa: F401  (the ops engineer's pattern ops)
from typedflux.shapes import rules_elementwise  # noqa: F401
from typedflux.shapes import rules_expand  # noqa: F401  (the ops engineer's tile/repeat/pad)
from typedflux.shapes import rules_index  # noqa: F401
from typedflux.shapes import rules_join  # noqa: F401
from typedflux.shapes import rules_linalg  # noqa: F401
from typedflux.shapes import rules_losses  # noqa: F401  (the training engineer's loss rules)
from typedflux.shapes import rules_norms  # noqa: F401  (newlayers: groupnorm)
from typedflux.shapes import rules_layers  # noqa: F401  (layers engineer: fused layer ops)
from typedflux.shapes import layers  # noqa: F401  (registers every layer spec in LAYERS)
from typedflux.shapes import rules_movement  # noqa: F401
from typedflux.shapes import rules_nn  # noqa: F401
from typedflux.shapes import rules_rearrange  # noqa: F401  (the ops engineer's pattern ops)
from typedflux.shapes import rules_reduce  # noqa: F401
from typedflux.shapes import rules_recurrent_state  # noqa: F401  (newlayers: initial states)

__all__ = [
    "SPECS",
    "Arg",
    "Kind",
    "OpSpec",
    "spec",
    "UNKNOWN",
    "Dim",
    "Expr",
    "Star",
    "Unknown",
    "dim_str",
    "equal",
    "evaluate",
    "is_known",
    "is_one",
    "sym",
    "symbols",
    "CannotTell",
    "ShapeError",
    "require",
    "fmt_shape",
    "messages",
    "DimSyntaxError",
    "parse_dim",
    "SDim",
    "Shape",
    "broadcast_pair",
]
