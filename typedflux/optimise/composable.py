"""The composable rules (Optimisers.jl names): gradient transforms meant for an
:class:`OptimiserChain` before the rule that takes the step (clipping, weight and sign decay,
gradient accumulation), and the chain itself.

>>> import numpy as np
>>> chain = OptimiserChain(ClipGrad(1.0), Descent(0.1))
>>> chain.apply(chain.init(np.zeros(2)), np.zeros(2), np.array([5.0, -0.5]))[1]
array([ 0.1 , -0.05])
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional, Tuple

import numpy as np
from typing_extensions import Annotated

from typedflux.optimise.hyper import COUNT, FLAG, Hyper
from typedflux.optimise.rules import Array, Descent, Momentum, Rule  # (Descent, Momentum: examples)

__all__ = [
    "OptimiserChain",
    "ClipGrad",
    "ClipNorm",
    "WeightDecay",
    "SignDecay",
    "AccumGrad",
]


@dataclass(frozen=True)
class ClipGrad(Rule):
    """Clip every gradient entry into ``[-delta, delta]`` (meant for an
    :class:`OptimiserChain` before the rule that takes the step).

    >>> ClipGrad(1.0).apply(None, np.zeros(3), np.array([-3.0, 0.5, 2.0]))[1]
    array([-1. ,  0.5,  1. ])
    """

    delta: Annotated[float, Hyper("largest entry allowed", low=0)] = 10.0

    def apply(self, state: Any, x: Array, dx: Array) -> Tuple[Any, Array]:
        """Return the clipped gradient.

        >>> ClipGrad(0.1).apply(None, np.zeros(1), np.ones(1))[1]
        array([0.1])
        """
        return state, np.clip(dx, -self.delta, self.delta)


@dataclass(frozen=True)
class ClipNorm(Rule):
    """Rescale each parameter's gradient so its ``p``-norm is at most ``omega``
    (per parameter array, as in Optimisers.jl; PyTorch's ``clip_grad_norm_`` is global).
    A non-finite norm raises ``FloatingPointError`` unless ``throw=False``.

    >>> ClipNorm(1.0).apply(None, np.zeros(2), np.array([3.0, 4.0]))[1]
    array([0.6, 0.8])
    """

    omega: Annotated[float, Hyper("largest norm allowed", low=0)] = 10.0
    p: Annotated[float, Hyper("order of the norm", low=0, open_low=True, inf=True)] = 2.0
    throw: Annotated[bool, FLAG] = True

    def apply(self, state: Any, x: Array, dx: Array) -> Tuple[Any, Array]:
        """Return the rescaled gradient.

        >>> ClipNorm(10.0).apply(None, np.zeros(2), np.array([3.0, 4.0]))[1]
        array([3., 4.])
        """
        flat = dx.ravel()
        norm = float(np.linalg.norm(flat, ord=self.p))
        if not math.isfinite(norm) and flat.size:
            # |g|**p overflowed for a large p (or a large g): the same norm, computed on g
            # scaled by its largest entry (inf only when an entry is).
            peak = float(np.max(np.abs(flat)))
            if 0 < peak < math.inf:
                norm = peak * float(np.linalg.norm(flat / peak, ord=self.p))
        if not math.isfinite(norm):
            if self.throw:
                raise FloatingPointError(
                    f"ClipNorm: the gradient's {self.p:g}-norm is {norm}; "
                    "pass throw=False to skip this check"
                )
            return state, dx
        if norm <= self.omega:
            return state, dx
        return state, dx * (self.omega / norm)


@dataclass(frozen=True)
class WeightDecay(Rule):
    """Add ``lambd * x`` to the gradient (L2 regularisation; Optimisers.jl ``WeightDecay``).
    Chain it before the rule that takes the step:
    ``OptimiserChain(WeightDecay(5e-4), Descent(0.1))``.

    >>> WeightDecay(0.5).apply(None, np.array([2.0]), np.array([1.0]))[1]
    array([2.])
    """

    lambd: Annotated[float, Hyper("weight decay", low=0)] = 5e-4

    def apply(self, state: Any, x: Array, dx: Array) -> Tuple[Any, Array]:
        """Return ``dx + lambd * x``.

        >>> WeightDecay(1.0).apply(None, np.ones(1), np.zeros(1))[1]
        array([1.])
        """
        return state, dx + self.lambd * x


@dataclass(frozen=True)
class SignDecay(Rule):
    """Add ``lambd * sign(x)`` to the gradient (L1 regularisation, the gradient of
    ``lambd * sum(|x|)``; Optimisers.jl ``SignDecay``). Chain it before the rule that takes
    the step: ``OptimiserChain(SignDecay(1e-3), Adam())``.

    >>> SignDecay(0.5).apply(None, np.array([2.0, -3.0, 0.0]), np.ones(3))[1]
    array([1.5, 0.5, 1. ])
    """

    lambd: Annotated[float, Hyper("decay towards 0", low=0)] = 1e-3

    def apply(self, state: Any, x: Array, dx: Array) -> Tuple[Any, Array]:
        """Return ``dx + lambd * sign(x)``.

        >>> SignDecay(1.0).apply(None, -np.ones(1), np.zeros(1))[1]
        array([-1.])
        """
        return state, dx + self.lambd * np.sign(x)


class _AccumState:
    __slots__ = ("total", "count")

    def __init__(self, x: Array) -> None:
        self.total = np.zeros_like(x)
        self.count = 0

    def __repr__(self) -> str:
        return f"AccumState(count={self.count})"


@dataclass(frozen=True)
class AccumGrad(Rule):
    """Accumulate ``n`` gradients, then pass their mean on (Optimisers.jl ``AccumGrad``):
    ``OptimiserChain(AccumGrad(4), Adam())`` takes one Adam step every 4 updates, on the
    mean of their gradients, as if the batch were 4 times larger. In between the step is
    ``None``: the parameters stay where they are.

    >>> r = AccumGrad(2)
    >>> s = r.init(np.zeros(1))
    >>> r.apply(s, np.zeros(1), np.array([1.0]))[1] is None
    True
    >>> r.apply(s, np.zeros(1), np.array([3.0]))[1]
    array([2.])
    """

    n: Annotated[int, COUNT]

    def init(self, x: Array) -> _AccumState:
        """The running sum of gradients and how many it holds.

        >>> AccumGrad(3).init(np.zeros(2))
        AccumState(count=0)
        """
        return _AccumState(x)

    def apply(self, state: _AccumState, x: Array, dx: Array) -> Tuple[_AccumState, Optional[Array]]:
        """Add ``dx / n``; every ``n``-th call return the mean and start again.

        >>> AccumGrad(1).apply(AccumGrad(1).init(np.zeros(1)), np.zeros(1), np.ones(1))[1]
        array([1.])
        """
        if state.count == 0:
            np.divide(dx, self.n, out=state.total, casting="unsafe")
        else:
            state.total += dx / self.n
        state.count += 1
        if state.count < self.n:
            return state, None
        state.count = 0
        return state, state.total.copy()


class OptimiserChain(Rule):
    """Apply rules in sequence, each to the previous one's output:
    ``OptimiserChain(ClipNorm(1.0), Adam(1e-3))``.

    >>> chain = OptimiserChain(WeightDecay(1.0), Descent(0.5))
    >>> chain
    OptimiserChain(WeightDecay(lambd=1.0), Descent(eta=0.5))
    >>> chain.apply(chain.init(np.ones(1)), np.ones(1), np.ones(1))[1]
    array([1.])
    """

    __slots__ = ("rules",)

    def __init__(self, *rules: Rule) -> None:
        for r in rules:
            if not isinstance(r, Rule):
                raise TypeError(f"OptimiserChain takes rules such as Adam(), got {r!r}")
        self.rules: Tuple[Rule, ...] = rules

    def __repr__(self) -> str:
        return f"OptimiserChain({', '.join(map(repr, self.rules))})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OptimiserChain) and self.rules == other.rules

    def __hash__(self) -> int:
        return hash(self.rules)

    def init(self, x: Array) -> Tuple[Any, ...]:
        """One state per rule.

        >>> OptimiserChain(Descent(), Momentum()).init(np.zeros(1))
        (None, array([0.]))
        """
        return tuple(r.init(x) for r in self.rules)

    def apply(self, state: Tuple[Any, ...], x: Array, dx: Array) -> Tuple[Any, Optional[Array]]:
        """Thread ``dx`` through every rule.

        >>> OptimiserChain(ClipGrad(1.0), Descent(1.0)).apply((None, None), np.zeros(1), np.full(1, 5.0))[1]
        array([1.])
        """
        states = list(state)
        step: Optional[Array] = dx
        for i, r in enumerate(self.rules):
            if step is None:  # an AccumGrad still collecting: later rules wait
                break
            states[i], step = r.apply(states[i], x, step)
        return tuple(states), step
