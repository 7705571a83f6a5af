"""The public functions that have no shape rule in ``SPECS``, and what the checker does instead.

Every function exported by ``typedflux`` and ``typedflux.losses`` either has a spec (its
shape rule, run by the plugin and the runtime) or is listed here: typed by a hook of its own,
typed by its signature, or a deliberate ``Any`` (it returns no tensor, or tensors whose shapes
only the run can know). A test fails naming any exported function in neither place, and
docs/reference.md lists the ``Any`` ones with these reasons.

>>> WITHOUT_RULE["identity"].kind
'signature'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict

__all__ = ["Unshaped", "WITHOUT_RULE"]


@dataclass(frozen=True)
class Unshaped:
    """``kind``: ``"hook"`` (the plugin types it by a hook of its own), ``"signature"`` (its
    annotations carry the shapes) or ``"any"`` (no static shape, on purpose); ``why`` says how.

    >>> Unshaped("any", "returns None").kind
    'any'
    """

    kind: str
    why: str


WITHOUT_RULE: Dict[str, Unshaped] = {
    "tensor": Unshaped("hook", "the shape of its literal data: tf.tensor([[1.0, 2.0]]) is Tensor[1, 2]"),
    "identity": Unshaped("signature", "identity(x: T) -> T: the result has its argument's type"),
    "initialstates": Unshaped(
        "signature", "initialstates(layer: RNN[In, H]) -> Tensor[H] (LSTM: a pair of them)"),
    "shapecheck": Unshaped("signature", "returns the function it decorates, signature unchanged"),
    "compile": Unshaped("signature", "returns a Compiled whose calls have the signature of the "
                        "function it compiles (a ParamSpec)"),
    "seed": Unshaped("any", "returns None"),
    "rng": Unshaped("any", "returns the process-wide numpy.random.Generator"),
    "is_recording": Unshaped("any", "returns a bool"),
    "gradient": Unshaped(
        "any",
        "one gradient per argument: a structure mirroring a model, a tensor of an argument's "
        "shape, or None for an argument that is not differentiable (known at run time only)",
    ),
    "withgradient": Unshaped("any", "the loss and gradient(f, *args)'s tuple, as for gradient"),
    "params": Unshaped("any", "a model's trainable tensors in walk order: many shapes in one list"),
    "named_params": Unshaped("any", "(name, tensor) pairs of every shape in one list"),
    "named_tensors": Unshaped("any", "(name, tensor) pairs of every shape in one list"),
    "outputsize": Unshaped("any", "returns a tuple of ints, computed at run time"),
    "summary": Unshaped("any", "returns a printable Summary table"),
    "setup": Unshaped("any", "returns the optimiser state (a structure mirroring the model)"),
    "update": Unshaped("any", "returns the new state and the model"),
    "adjust": Unshaped("any", "returns the optimiser state"),
    "train": Unshaped("any", "returns the loss history, a list of floats"),
    "trainmode": Unshaped("any", "returns the model it switched"),
    "testmode": Unshaped("any", "returns the model it switched"),
    "freeze": Unshaped("any", "returns the model it froze"),
    "thaw": Unshaped("any", "returns the model it thawed"),
    "save": Unshaped("any", "returns None"),
    "load": Unshaped("any", "returns the model it loaded into"),
}
"""Exported functions without a spec, by public name."""
