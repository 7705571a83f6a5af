"""Optimisers (Optimisers.jl names): rules, ``setup``/``update``, and the training loop.

>>> from typedflux.optimise import Adam, setup
>>> Adam()
Adam(eta=0.001, beta=(0.9, 0.999), epsilon=1e-08)
"""

from typedflux.optimise.adam import AdaBelief, AdaMax, Adam, AdamW, Lion, NAdam, OAdam, RAdam
from typedflux.optimise.composable import (
    AccumGrad,
    ClipGrad,
    ClipNorm,
    OptimiserChain,
    SignDecay,
    WeightDecay,
)
from typedflux.optimise.rules import AdaDelta, AdaGrad, Descent, Momentum, Nesterov, RMSProp, Rule
from typedflux.optimise import schedules
from typedflux.optimise.callbacks import EarlyStopping
from typedflux.optimise.finite import NonFiniteError
from typedflux.optimise.schedules import Scheduler
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
    "AdaDelta",
    "RAdam",
    "NAdam",
    "AdaMax",
    "AdaBelief",
    "OAdam",
    "Lion",
    "OptimiserChain",
    "Scheduler",
    "schedules",
    "EarlyStopping",
    "ClipGrad",
    "ClipNorm",
    "WeightDecay",
    "SignDecay",
    "AccumGrad",
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
