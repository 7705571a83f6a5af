"""Optimisation rules (Optimisers.jl names and update formulas) acting on numpy arrays.

A rule turns a gradient ``dx`` into a step; the parameter moves by ``x -= step``. Each rule
has ``init(x)`` (its per-parameter state, arrays shaped like ``x``) and ``apply(state, x, dx)
-> (state, step)``, which updates array state in place. ``tf.setup``/``tf.update``
(``typedflux/optimise/state.py``) drive them over a model's parameters.

>>> import numpy as np
>>> rule = Descent(0.1)
>>> x = np.array([1.0, 2.0])
>>> _, step = rule.apply(rule.init(x), x, np.array([1.0, -1.0]))
>>> x - step
array([0.9, 2.1])
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Tuple

import numpy as np
import numpy.typing as npt

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
]

Array = npt.NDArray[Any]


class Rule:
    """Base class of the optimisation rules: ``init`` builds a parameter's state, ``apply``
    returns ``(new_state, step)`` with the parameter then updated as ``x -= step``.

    The default state is ``None`` (a stateless rule).

    >>> Rule().init(np.zeros(2)) is None
    True
    """

    def init(self, x: Array) -> Any:
        """The state this rule keeps for a parameter ``x`` (``None`` for stateless rules).

        >>> Momentum().init(np.ones(3))
        array([0., 0., 0.])
        """
        return None

    def apply(self, state: Any, x: Array, dx: Array) -> Tuple[Any, Array]:
        """Return ``(new_state, step)`` for gradient ``dx`` of parameter ``x``.

        >>> Descent(0.5).apply(None, np.zeros(1), np.ones(1))[1]
        array([0.5])
        """
        raise NotImplementedError


@dataclass(frozen=True)
class Descent(Rule):
    """Plain gradient descent: ``x -= eta * dx``.

    >>> Descent()
    Descent(eta=0.1)
    >>> Descent(0.5).apply(None, np.zeros(2), np.array([1.0, 2.0]))[1]
    array([0.5, 1. ])
    """

    eta: float = 0.1

    def apply(self, state: Any, x: Array, dx: Array) -> Tuple[Any, Array]:
        """``step = eta * dx``; no state.

        >>> Descent(0.1).apply(None, np.zeros(1), np.ones(1))[1]
        array([0.1])
        """
        return state, self.eta * dx


@dataclass(frozen=True)
class Momentum(Rule):
    """Gradient descent with momentum (Optimisers.jl ``Momentum``):
    ``v = rho*v - eta*dx; x += v``.

    >>> m = Momentum(eta=0.1, rho=0.5)
    >>> v = m.init(np.zeros(1))
    >>> v, step = m.apply(v, np.zeros(1), np.ones(1)); step
    array([0.1])
    >>> v, step = m.apply(v, np.zeros(1), np.ones(1)); step
    array([0.15])
    """

    eta: float = 0.01
    rho: float = 0.9

    def init(self, x: Array) -> Array:
        """The velocity, zeros like ``x``.

        >>> Momentum().init(np.ones(2))
        array([0., 0.])
        """
        return np.zeros_like(x)

    def apply(self, state: Array, x: Array, dx: Array) -> Tuple[Array, Array]:
        """Update the velocity in place; the step is ``-v``.

        >>> Momentum(0.1, 0.9).apply(np.zeros(1), np.zeros(1), np.ones(1))[1]
        array([0.1])
        """
        state *= self.rho
        state -= self.eta * dx
        return state, -state


@dataclass(frozen=True)
class Nesterov(Rule):
    """Nesterov accelerated gradient (Optimisers.jl ``Nesterov``):
    ``step = -rho^2*v + (1+rho)*eta*dx`` then ``v = rho*v - eta*dx``.

    >>> n = Nesterov(eta=0.1, rho=0.5)
    >>> v = n.init(np.zeros(1))
    >>> v, step = n.apply(v, np.zeros(1), np.ones(1)); step
    array([0.15])
    """

    eta: float = 0.001
    rho: float = 0.9

    def init(self, x: Array) -> Array:
        """The velocity, zeros like ``x``.

        >>> Nesterov().init(np.ones(1))
        array([0.])
        """
        return np.zeros_like(x)

    def apply(self, state: Array, x: Array, dx: Array) -> Tuple[Array, Array]:
        """Return the look-ahead step and update the velocity in place.

        >>> Nesterov(0.1, 0.0).apply(np.zeros(1), np.zeros(1), np.ones(1))[1]
        array([0.1])
        """
        rho = self.rho
        step = (1 + rho) * self.eta * dx - (rho * rho) * state
        state *= rho
        state -= self.eta * dx
        return state, step


class _AdamState:
    """Adam's moments and the running powers of ``beta`` (for the bias correction)."""

    __slots__ = ("m", "v", "beta1t", "beta2t")

    def __init__(self, x: Array, beta: Tuple[float, float]) -> None:
        self.m = np.zeros_like(x)
        self.v = np.zeros_like(x)
        self.beta1t, self.beta2t = beta

    def __repr__(self) -> str:
        return f"AdamState(beta^t=({self.beta1t:g}, {self.beta2t:g}))"


def _adam_step(
    state: _AdamState, dx: Array, beta: Tuple[float, float], epsilon: float, scale: float
) -> Array:
    """Update the moments in place; return ``scale * mhat / (sqrt(vhat) + epsilon)``."""
    b1, b2 = beta
    state.m *= b1
    state.m += (1 - b1) * dx
    state.v *= b2
    sq = dx * dx
    sq *= 1 - b2
    state.v += sq
    # Bias corrections folded into scalars, temporaries reused: this runs on every
    # parameter array at every step.
    denom = np.multiply(state.v, 1.0 / (1 - state.beta2t), out=sq)
    np.sqrt(denom, out=denom)
    denom += epsilon
    step: Array = state.m * (scale / (1 - state.beta1t))
    step /= denom
    state.beta1t *= b1
    state.beta2t *= b2
    return step


@dataclass(frozen=True)
class Adam(Rule):
    """Adam (Kingma & Ba; Optimisers.jl ``Adam``): with ``t`` the step number,
    ``m = b1*m + (1-b1)*dx``, ``v = b2*v + (1-b2)*dx^2``,
    ``step = eta * (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + epsilon)``.

    >>> a = Adam(eta=0.1)
    >>> s = a.init(np.zeros(2))
    >>> s, step = a.apply(s, np.zeros(2), np.array([3.0, -0.5]))
    >>> np.round(step, 6)   # the first step has size eta whatever the gradient's scale
    array([ 0.1, -0.1])
    """

    eta: float = 0.001
    beta: Tuple[float, float] = (0.9, 0.999)
    epsilon: float = 1e-8

    def init(self, x: Array) -> _AdamState:
        """Zero moments and ``beta^1`` for the bias correction.

        >>> Adam().init(np.zeros(1)).m
        array([0.])
        """
        return _AdamState(x, self.beta)

    def apply(self, state: _AdamState, x: Array, dx: Array) -> Tuple[_AdamState, Array]:
        """One Adam step; moments are updated in place.

        >>> Adam(1.0).apply(Adam(1.0).init(np.zeros(1)), np.zeros(1), np.ones(1))[1].round(6)
        array([1.])
        """
        return state, _adam_step(state, dx, self.beta, self.epsilon, self.eta)


@dataclass(frozen=True)
class AdamW(Rule):
    """Adam with decoupled weight decay (Loshchilov & Hutter; PyTorch ``AdamW`` and
    Optimisers.jl ``AdamW`` with ``couple=true``):
    ``step = eta * (mhat/(sqrt(vhat) + epsilon) + lambd * x)``.

    ``lambd`` is the weight decay (``lambda`` is a Python keyword); the default ``0`` is
    Optimisers.jl's (PyTorch's is ``0.01``).

    >>> w = AdamW(eta=0.1, lambd=0.5)
    >>> x = np.array([2.0])
    >>> w.apply(w.init(x), x, np.zeros(1))[1]    # no gradient: only the decay moves x
    array([0.1])
    """

    eta: float = 0.001
    beta: Tuple[float, float] = (0.9, 0.999)
    lambd: float = 0.0
    epsilon: float = 1e-8

    def init(self, x: Array) -> _AdamState:
        """Same state as :class:`Adam`.

        >>> AdamW().init(np.zeros(1)).v
        array([0.])
        """
        return _AdamState(x, self.beta)

    def apply(self, state: _AdamState, x: Array, dx: Array) -> Tuple[_AdamState, Array]:
        """One AdamW step; moments are updated in place.

        >>> AdamW(1.0).apply(AdamW(1.0).init(np.zeros(1)), np.zeros(1), np.ones(1))[1].round(6)
        array([1.])
        """
        step = _adam_step(state, dx, self.beta, self.epsilon, self.eta)
        if self.lambd:
            step += (self.eta * self.lambd) * x
        return state, step


class _RMSState:
    __slots__ = ("quad", "lin")

    def __init__(self, x: Array, centred: bool) -> None:
        self.quad = np.zeros_like(x)
        self.lin = np.zeros_like(x) if centred else None

    def __repr__(self) -> str:
        return f"RMSPropState(centred={self.lin is not None})"


@dataclass(frozen=True)
class RMSProp(Rule):
    """RMSProp (Optimisers.jl ``RMSProp``): ``q = rho*q + (1-rho)*dx^2``,
    ``step = eta * dx / (sqrt(q) + epsilon)``; with ``centred=True`` also
    ``l = rho*l + (1-rho)*dx`` and ``q`` is replaced by ``q - l^2`` in the step.

    >>> r = RMSProp(eta=0.1, rho=0.0)
    >>> r.apply(r.init(np.zeros(1)), np.zeros(1), np.array([4.0]))[1].round(6)
    array([0.1])
    """

    eta: float = 0.001
    rho: float = 0.9
    epsilon: float = 1e-8
    centred: bool = False

    def init(self, x: Array) -> _RMSState:
        """Running mean of squared gradients (and of gradients when centred).

        >>> RMSProp().init(np.zeros(1)).quad
        array([0.])
        """
        return _RMSState(x, self.centred)

    def apply(self, state: _RMSState, x: Array, dx: Array) -> Tuple[_RMSState, Array]:
        """One RMSProp step; the running means are updated in place.

        >>> RMSProp(1.0, 0.0).apply(RMSProp(1.0, 0.0).init(np.zeros(1)), np.zeros(1), -np.ones(1))[1].round(6)
        array([-1.])
        """
        rho = self.rho
        state.quad *= rho
        state.quad += (1 - rho) * (dx * dx)
        var = state.quad
        if state.lin is not None:
            state.lin *= rho
            state.lin += (1 - rho) * dx
            var = state.quad - state.lin * state.lin
        step: Array = self.eta * dx / (np.sqrt(var) + self.epsilon)
        return state, step


@dataclass(frozen=True)
class AdaGrad(Rule):
    """AdaGrad (Optimisers.jl ``AdaGrad``): ``acc += dx^2``,
    ``step = eta * dx / (sqrt(acc) + epsilon)``; ``acc`` starts at ``epsilon``.

    >>> g = AdaGrad(eta=0.5)
    >>> g.apply(g.init(np.zeros(1)), np.zeros(1), np.array([2.0]))[1].round(6)
    array([0.5])
    """

    eta: float = 0.1
    epsilon: float = 1e-8

    def init(self, x: Array) -> Array:
        """The accumulated squared gradients, ``epsilon`` everywhere (as in Optimisers.jl).

        >>> AdaGrad(epsilon=0.25).init(np.zeros(2))
        array([0.25, 0.25])
        """
        return np.full_like(x, self.epsilon)

    def apply(self, state: Array, x: Array, dx: Array) -> Tuple[Array, Array]:
        """One AdaGrad step; the accumulator is updated in place.

        >>> AdaGrad(1.0, 0.0).apply(np.zeros(1), np.zeros(1), np.array([3.0]))[1]
        array([1.])
        """
        state += dx * dx
        step: Array = self.eta * dx / (np.sqrt(state) + self.epsilon)
        return state, step


@dataclass(frozen=True)
class ClipGrad(Rule):
    """Clip every gradient entry into ``[-delta, delta]`` (meant for an
    :class:`OptimiserChain` before the rule that takes the step).

    >>> ClipGrad(1.0).apply(None, np.zeros(3), np.array([-3.0, 0.5, 2.0]))[1]
    array([-1. ,  0.5,  1. ])
    """

    delta: float = 10.0

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

    omega: float = 10.0
    p: float = 2.0
    throw: bool = True

    def apply(self, state: Any, x: Array, dx: Array) -> Tuple[Any, Array]:
        """Return the rescaled gradient.

        >>> ClipNorm(10.0).apply(None, np.zeros(2), np.array([3.0, 4.0]))[1]
        array([3., 4.])
        """
        norm = float(np.linalg.norm(dx.ravel(), ord=self.p))
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

    lambd: float = 5e-4

    def apply(self, state: Any, x: Array, dx: Array) -> Tuple[Any, Array]:
        """Return ``dx + lambd * x``.

        >>> WeightDecay(1.0).apply(None, np.ones(1), np.zeros(1))[1]
        array([1.])
        """
        return state, dx + self.lambd * x


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

    def apply(self, state: Tuple[Any, ...], x: Array, dx: Array) -> Tuple[Any, Array]:
        """Thread ``dx`` through every rule.

        >>> OptimiserChain(ClipGrad(1.0), Descent(1.0)).apply((None, None), np.zeros(1), np.full(1, 5.0))[1]
        array([1.])
        """
        states = []
        for r, s in zip(self.rules, state):
            s, dx = r.apply(s, x, dx)
            states.append(s)
        return tuple(states), dx
