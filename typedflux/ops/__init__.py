"""The runtime ops: each module binds the forwards and VJPs of one family of primitives (and
the functions of its composites) to their specs, and defines the public functions
``typedflux`` re-exports. Importing this package (or any module in it) imports every family,
so every primitive is bound and every ``Tensor`` has all its operators.

>>> import typedflux.ops
>>> from typedflux.engine.primitive import REGISTRY
>>> all(p.bound for p in REGISTRY.values())
True
"""

# Every op family (tests/test_architecture.py checks this list against the directory).
from typedflux.ops import (  # noqa: F401
    basic_nn,
    bilinear_nn,
    conv_groups,
    creation,
    einsum,
    elementwise,
    expand,
    index,
    join,
    layers_nn,
    linalg,
    losses_nn,
    movement,
    nn,
    norms_nn,
    rearrange,
    recurrent_state,
    reduce,
)
