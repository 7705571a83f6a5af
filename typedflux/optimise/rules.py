"""Optimisation rules (Optimisers.jl names and update formulas) acting on numpy arrays: the
base class, plain and momentum descent, RMSProp/AdaGrad/AdaDelta. The Adam family is in
``adam.py``; the gradient transforms (clipping, decay, accumulation, chains) in
``composable.py``.

A rule turns a gradient ``dx`` into a step; the parameter moves by ``x -= step``. Each rule
has ``init(x)`` (its per-parameter state, arrays shaped like ``x``) and ``apply(state, x, dx)
-> (state, step)``, which updates array state in place (a step of ``None`` leaves ``x``
alone). ``tf.setup``/``tf.update`` (``typedflux/optimise/state.py``) drive them over a
model's parameters. Hyperparameters are dataclass fields declared with their meaning and
allowed values (``hyper.py``), checked whenever a rule is built.

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
from typing_extensions import Annotated

from typedflux.optimise.hyper import DECAY, EPSILON, ETA, FLAG, RHO, Hyper, validate

__all__ = [
    "Rule",
    "Descent",
    "Momentum",
    "Nesterov",
    "RMSProp",
    "AdaGrad",
    "AdaDelta",
]

Array = npt.NDArray[Any]


class Rule:
    """Base class of the optimisation rules: ``init`` builds a parameter's state, ``apply``
    returns ``(new_state, step)`` with the parameter then updated as ``x -= step``.

    The default state is ``None`` (a stateless rule). A subclass is a frozen dataclass whose
    fields are hyperparameters declared with a :class:`~typedflux.optimise.hyper.Hyper`;
    every value is checked when the rule is built (or adjusted).

    >>> Rule().init(np.zeros(2)) is None
    True
    """

    def __post_init__(self) -> None:
        validate(self)

    def init(self, x: Array) -> Any:
        """The state this rule keeps for a parameter ``x`` (``None`` for stateless rules).

        >>> Momentum().init(np.ones(3))
        array([0., 0., 0.])
        """
        return None

    def apply(self, state: Any, x: Array, dx: Array) -> Tuple[Any, Any]:
        """Return ``(new_state, step)`` for gradient ``dx`` of parameter ``x`` (a ``None``
        step: no change yet).

        >>> Descent(0.5).apply(None, np.zeros(1), np.ones(1))[1]
        array([0.5])
        """
        raise NotImplementedError

    def step_bound(self, state: Any, top: float) -> float:
        """Called by ``tf.update`` right after each :meth:`apply` whose gradient entries are
        all at most ``top`` in magnitude: a bound on every entry of the step ``apply``
        returned, or ``inf`` when the rule cannot tell without reading it (the default).
        A step below half the spacing of the parameter dtype's numbers at its largest value
        keeps a finite parameter finite, so ``update`` need not read the parameter it wrote
        (``optimise/finite.py``); otherwise it reads it once.

        >>> Rule().step_bound(None, 1.0)
        inf
        """
        return math.inf


@dataclass(frozen=True)
class Descent(Rule):
    """Plain gradient descent: ``x -= eta * dx``.

    >>> Descent()
    Descent(eta=0.1)
    >>> Descent(0.5).apply(None, np.zeros(2), np.array([1.0, 2.0]))[1]
    array([0.5, 1. ])
    """

    eta: Annotated[float, ETA] = 0.1

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

    eta: Annotated[float, ETA] = 0.01
    rho: Annotated[float, RHO] = 0.9

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

    eta: Annotated[float, ETA] = 0.001
    rho: Annotated[float, RHO] = 0.9

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

    eta: Annotated[float, ETA] = 0.001
    rho: Annotated[float, DECAY] = 0.9
    epsilon: Annotated[float, EPSILON] = 1e-8
    centred: Annotated[bool, FLAG] = False

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

    eta: Annotated[float, ETA] = 0.1
    epsilon: Annotated[float, EPSILON] = 1e-8

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


class _AdaDeltaState:
    __slots__ = ("acc", "delta")

    def __init__(self, x: Array) -> None:
        self.acc = np.zeros_like(x)
        self.delta = np.zeros_like(x)

    def __repr__(self) -> str:
        return "AdaDeltaState(...)"


@dataclass(frozen=True)
class AdaDelta(Rule):
    """AdaDelta (Zeiler 2012; Optimisers.jl ``AdaDelta``): no learning rate; with
    ``a = rho*a + (1-rho)*dx^2``, ``step = dx * sqrt(d + epsilon) / sqrt(a + epsilon)`` and
    then ``d = rho*d + (1-rho)*step^2``.

    PyTorch's ``Adadelta(lr=1.0, rho=0.9, eps=1e-6)`` is the same rule times ``lr``, with a
    larger default epsilon.

    >>> r = AdaDelta(rho=0.5, epsilon=1e-2)
    >>> r.apply(r.init(np.zeros(1)), np.zeros(1), np.array([2.0]))[1].round(6)   # 2*sqrt(0.01/2.01)
    array([0.141069])
    """

    rho: Annotated[float, DECAY] = 0.9
    epsilon: Annotated[float, EPSILON] = 1e-8

    def init(self, x: Array) -> _AdaDeltaState:
        """Running averages of the squared gradients and of the squared steps.

        >>> AdaDelta().init(np.zeros(2)).delta
        array([0., 0.])
        """
        return _AdaDeltaState(x)

    def apply(self, state: _AdaDeltaState, x: Array, dx: Array) -> Tuple[_AdaDeltaState, Array]:
        """One AdaDelta step; both averages are updated in place.

        >>> AdaDelta(0.0, 1.0).apply(AdaDelta(0.0, 1.0).init(np.zeros(1)), np.zeros(1), np.full(1, 3.0))[1]
        array([0.9486833])
        """
        rho, eps = self.rho, self.epsilon
        state.acc *= rho
        state.acc += (1 - rho) * (dx * dx)
        # epsilon inside both roots, as in the paper: it also starts the step size from 0.
        step: Array = dx * np.sqrt(state.delta + eps) / np.sqrt(state.acc + eps)
        state.delta *= rho
        state.delta += (1 - rho) * (step * step)
        return state, step
