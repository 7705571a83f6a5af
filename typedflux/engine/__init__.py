"""The tape engine: recording (``tape``), ``gradient``/``withgradient`` (``grad``) and the
structure walks shared by gradients, optimisers and save/load (``tree``)."""

from typedflux.engine.alloc import tune_allocator

# Large buffers freed by one training step are reused by the next instead of being handed
# back to the OS (see typedflux/engine/alloc.py; TYPEDFLUX_NO_MALLOC_TUNING=1 opts out).
tune_allocator()

from typedflux.engine.grad import gradient, withgradient  # noqa: E402
from typedflux.engine.tape import Tape, TapeError, is_recording  # noqa: E402
from typedflux.engine.tree import Grads, mirror, named_params, named_tensors, params  # noqa: E402

__all__ = [
    "gradient",
    "withgradient",
    "Tape",
    "TapeError",
    "is_recording",
    "Grads",
    "mirror",
    "named_params",
    "named_tensors",
    "params",
]
