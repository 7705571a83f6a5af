"""The engine: the tape (``tape``), primitives and how they run (``primitive``, ``invoke``,
``lanes``, ``operands``), ``gradient``/``withgradient`` (``grad``) and the structure walks
shared by gradients, optimisers and save/load (``tree``; ``plan`` caches them). This package re-exports
the tape only: ``typedflux.tensor`` builds on the primitives, and ``grad`` and ``tree`` build
on ``Tensor``, so importing them here would make a cycle."""

from typedflux.engine.alloc import tune_allocator

# Large buffers freed by one training step are reused by the next instead of being handed
# back to the OS (see typedflux/engine/alloc.py; TYPEDFLUX_NO_MALLOC_TUNING=1 opts out).
tune_allocator()

from typedflux.engine.tape import Tape, TapeError, is_recording  # noqa: E402

__all__ = ["Tape", "TapeError", "is_recording"]
