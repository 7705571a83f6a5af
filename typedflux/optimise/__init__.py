"""Optimisers (Optimisers.jl names): rules, ``setup``/``update``, and the training loop.

>>> from typedflux.optimise import Adam, setup
>>> Adam()
Adam(eta=0.001, beta=(0.9, 0.999), epsilon=1e-08)
"""

from typedflux.optimise.rules import (
    AdaGrad,
    Adam,
    AdamW,
    ClipGrad,
    ClipNorm,
    Descent,
    Momentum,
    Nesterov,
    OptimiserChain,
    RMSProp,
    Rule,
    WeightDecay,
)
from typedflux.optimise.finite import NonFiniteError
from typedflux.optimise.state import Leaf, OptState, adjust, setup, update
from typedflux.optimise.train import freeze, testmode, thaw, train, trainmode

__all__ = [
    "Rule",
    "Descent",
    "Momentum",
    "Nesterov",
    "Adam",
    "AdamW",
    "RMSProp",
    "AdaGrad",
    "OptimiserChain",
    "ClipGrad",
    "ClipNorm",
    "WeightDecay",
    "Leaf",
    "OptState",
    "NonFiniteError",
    "setup",
    "update",
    "adjust",
    "train",
    "trainmode",
    "testmode",
    "freeze",
    "thaw",
]
