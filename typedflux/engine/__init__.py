"""The tape engine: recording (``tape``), ``gradient``/``withgradient`` (``grad``) and the
structure walks shared by gradients, optimisers and save/load (``tree``)."""

from typedflux.engine.grad import gradient, withgradient
from typedflux.engine.tape import Tape, TapeError, is_recording
from typedflux.engine.tree import Grads, mirror, named_params, named_tensors, params

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
