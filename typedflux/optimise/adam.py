"""The Adam family of optimisation rules (Optimisers.jl names, defaults and update formulas):
``Adam``, ``AdamW``, ``RAdam``, ``NAdam``, ``AdaMax``, ``AdaBelief``, ``OAdam``, and the
sign-based ``Lion``. Each keeps moments shaped like its parameter, updated in place.

Where PyTorch has the rule, its defaults and epsilon placement can differ; each docstring
says how (``docs/reference.md`` collects them).

>>> import numpy as np
>>> r = NAdam(eta=0.1)
>>> s = r.init(np.zeros(2))
>>> r.apply(s, np.zeros(2), np.array([1.0, -1.0]))[1].round(4)
array([ 0.1474, -0.1474])
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Tuple

import numpy as np
import numpy.typing as npt
from typing_extensions import Annotated

from typedflux.optimise.hyper import BETAS, EPSILON, ETA, Hyper
from typedflux.optimise.rules import Rule

__all__ = ["Adam", "AdamW", "RAdam", "NAdam", "AdaMax", "AdaBelief", "OAdam", "Lion"]

Array = npt.NDArray[Any]


class _AdamState:
    """Adam's moments and the running powers of ``beta`` (for the bias correction); for
    :meth:`Adam.step_bound`, bounds on the entries of ``m`` and ``v`` (valid at step
    ``mstep``) and the factor of ``m`` in the last step."""

    __slots__ = ("m", "v", "beta1t", "beta2t", "t", "mbound", "vbound", "mstep", "scale1")

    def __init__(self, x: Array, beta: Tuple[float, float]) -> None:
        self.m = np.zeros_like(x)
        self.v = np.zeros_like(x)
        self.beta1t, self.beta2t = beta
        self.t = 1  # the number of the next step
        self.mbound = self.vbound = 0.0
        self.mstep = 1
        self.scale1 = 0.0

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
    # (out= keeps a 0-d parameter's square an array, which the ``out=sq`` below needs: ``dx *
    # dx`` of 0-d arrays is a numpy scalar; CLIP's logit scale is such a parameter)
    sq = np.multiply(dx, dx, out=np.empty_like(dx))
    sq *= 1 - b2
    state.v += sq
    # Bias corrections folded into scalars, temporaries reused: this runs on every
    # parameter array at every step.
    denom = np.multiply(state.v, 1.0 / (1 - state.beta2t), out=sq)
    np.sqrt(denom, out=denom)
    denom += epsilon
    state.scale1 = scale1 = scale / (1 - state.beta1t)
    step: Array = state.m * scale1
    step /= denom
    _advance(state, beta)
    return step


def _advance(state: _AdamState, beta: Tuple[float, float]) -> None:
    state.beta1t *= beta[0]
    state.beta2t *= beta[1]
    state.t += 1


def _moments(state: _AdamState, dx: Array, beta: Tuple[float, float]) -> None:
    # m = b1*m + (1-b1)*dx and v = b2*v + (1-b2)*dx^2, in place.
    b1, b2 = beta
    state.m *= b1
    state.m += (1 - b1) * dx
    state.v *= b2
    state.v += (1 - b2) * (dx * dx)


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

    eta: Annotated[float, ETA] = 0.001
    beta: Annotated[Tuple[float, float], BETAS] = (0.9, 0.999)
    epsilon: Annotated[float, EPSILON] = 1e-8

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

    def step_bound(self, state: _AdamState, top: float) -> float:
        """A bound on every entry of the step :meth:`apply` just returned, given ``top``, a
        bound on every entry of its gradient (see :meth:`Rule.step_bound`), without reading an
        array. ``m = b1*m + (1-b1)*dx`` and ``v = b2*v + (1-b2)*dx**2`` are convex
        combinations, so their entries stay below running maxima of ``top`` and ``top**2``
        (``mbound``, ``vbound``, brought up to date here: at most four roundings a step in
        the dtype, a few more in this arithmetic, and an absolute ``4 * tiny`` for
        underflow). While both are below the dtype's largest
        number, ``m`` and ``v`` are finite (no ``inf * 0``), the denominator is at least
        ``epsilon``, and the step ``m * scale1 / (sqrt(vhat) + epsilon)`` is at most
        ``mbound * scale1 / epsilon`` (with the roundings of the product, the quotient and
        ``epsilon`` in the dtype). Once the moments moved without this call (``apply``
        called by other code), or for other dtypes than float32/float64, the bound is
        ``inf`` for good (update then reads the parameter).

        >>> a = Adam(eta=0.1, epsilon=1e-8)
        >>> s = a.init(np.zeros(2, np.float32))
        >>> s, step = a.apply(s, np.zeros(2, np.float32), np.array([3.0, -0.5], np.float32))
        >>> b = a.step_bound(s, 3.0)   # |m| <= 3, scale1 = 0.1 / (1 - 0.9), so about 3 / 1e-8
        >>> bool(np.abs(step).max() <= b), 3e8 < b < 3.1e8
        (True, True)
        """
        c = _ROUNDING.get(state.m.dtype)
        if c is None or state.mstep != state.t - 1 or not top < _INF:
            state.mstep = -1  # (never again: the bounds on m and v are lost)
            return _INF
        u, tiny, largest = c
        mb, vb = state.mbound, state.vbound
        # (Factors a little above the dtype's roundings also cover this Python arithmetic's,
        # which for float64 are of the same size.)
        state.mbound = mb = (mb if mb > top else top) * (1.0 + 8.0 * u) + 4.0 * tiny
        t2 = top * top
        state.vbound = vb = (vb if vb > t2 else t2) * (1.0 + 10.0 * u) + 4.0 * tiny
        state.mstep = state.t
        eps, scale = self.epsilon, state.scale1 * (1.0 + u)  # (scale1 in the dtype)
        if not (mb < largest and vb < largest and scale < largest
                and mb * scale * (1.0 + u) < largest and eps >= tiny):
            return _INF  # m or v may be infinite, or m * scale1 overflow, or epsilon round to 0
        return ((mb * scale + tiny) / eps) * (1.0 + 16.0 * u) + 2.0 * tiny


# (unit roundoff, smallest normal number, largest number) of the dtypes Adam.step_bound
# covers.
_ROUNDING = {np.dtype(t): (float(np.finfo(t).eps) / 2, float(np.finfo(t).tiny),
                           float(np.finfo(t).max))
             for t in (np.float32, np.float64)}
_INF = math.inf


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

    eta: Annotated[float, ETA] = 0.001
    beta: Annotated[Tuple[float, float], BETAS] = (0.9, 0.999)
    lambd: Annotated[float, Hyper("weight decay", low=0)] = 0.0
    epsilon: Annotated[float, EPSILON] = 1e-8

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


@dataclass(frozen=True)
class RAdam(Rule):
    """Rectified Adam (Liu et al. 2019; Optimisers.jl ``RAdam``): Adam's moments, with the
    adaptive step switched on only once the variance of ``v`` is tractable. With
    ``rho_inf = 2/(1-b2) - 1`` and ``rho_t = rho_inf - 2*t*b2^t/(1-b2^t)``: if
    ``rho_t > 4``, ``step = eta * r_t * mhat / (sqrt(vhat) + epsilon)`` with
    ``r_t = sqrt((rho_t-4)(rho_t-2) rho_inf / ((rho_inf-4)(rho_inf-2) rho_t))``, else
    ``step = eta * mhat`` (momentum only).

    PyTorch's ``RAdam`` switches at ``rho_t > 5`` (so step 5 differs) and adds epsilon to
    ``sqrt(v)`` before the bias correction.

    >>> r = RAdam(eta=0.1)
    >>> s = r.init(np.zeros(1))
    >>> [round(float(r.apply(s, np.zeros(1), np.ones(1))[1][0]), 4) for _ in range(6)]
    [0.1, 0.1, 0.1, 0.1, 0.0017, 0.0026]
    """

    eta: Annotated[float, ETA] = 0.001
    beta: Annotated[Tuple[float, float], BETAS] = (0.9, 0.999)
    epsilon: Annotated[float, EPSILON] = 1e-8

    def init(self, x: Array) -> _AdamState:
        """Adam's state plus the step count.

        >>> RAdam().init(np.zeros(1)).t
        1
        """
        return _AdamState(x, self.beta)

    def apply(self, state: _AdamState, x: Array, dx: Array) -> Tuple[_AdamState, Array]:
        """One RAdam step; moments are updated in place.

        >>> RAdam(1.0).apply(RAdam(1.0).init(np.zeros(1)), np.zeros(1), np.full(1, 2.0))[1].round(6)
        array([2.])
        """
        b1, b2 = self.beta
        _moments(state, dx, self.beta)
        rho_inf = 2 / (1 - b2) - 1
        rho = rho_inf - 2 * state.t * state.beta2t / (1 - state.beta2t)
        step: Array = state.m * (self.eta / (1 - state.beta1t))
        if rho > 4:
            r = math.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))
            step *= r
            step /= np.sqrt(state.v / (1 - state.beta2t)) + self.epsilon
        _advance(state, self.beta)
        return state, step


@dataclass(frozen=True)
class NAdam(Rule):
    """Adam with Nesterov momentum (Dozat 2016; Optimisers.jl ``NAdam``), at step ``t``:
    ``step = eta * (b1*m/(1 - b1^(t+1)) + (1-b1)*dx/(1 - b1^t)) /
    (sqrt(b2*v/(1 - b2^t)) + epsilon)``.

    PyTorch's ``NAdam`` also decays the momentum over time (``momentum_decay=4e-3``), so
    its steps differ from these.

    >>> NAdam(1.0).apply(NAdam(1.0).init(np.zeros(1)), np.zeros(1), np.ones(1))[1].round(4)
    array([1.4744])
    """

    eta: Annotated[float, ETA] = 0.001
    beta: Annotated[Tuple[float, float], BETAS] = (0.9, 0.999)
    epsilon: Annotated[float, EPSILON] = 1e-8

    def init(self, x: Array) -> _AdamState:
        """Same state as :class:`Adam`.

        >>> NAdam().init(np.zeros(1)).m
        array([0.])
        """
        return _AdamState(x, self.beta)

    def apply(self, state: _AdamState, x: Array, dx: Array) -> Tuple[_AdamState, Array]:
        """One NAdam step; moments are updated in place.

        >>> NAdam(0.5).apply(NAdam(0.5).init(np.zeros(1)), np.zeros(1), -np.ones(1))[1].round(4)
        array([-0.7372])
        """
        b1, b2 = self.beta
        _moments(state, dx, self.beta)
        num = state.m * (b1 / (1 - b1 * state.beta1t)) + dx * ((1 - b1) / (1 - state.beta1t))
        step: Array = self.eta * num / (np.sqrt(state.v * (b2 / (1 - state.beta2t))) + self.epsilon)
        _advance(state, self.beta)
        return state, step


@dataclass(frozen=True)
class AdaMax(Rule):
    """AdaMax, Adam with the infinity norm (Kingma & Ba; Optimisers.jl ``AdaMax``):
    ``m = b1*m + (1-b1)*dx``, ``u = max(b2*u, |dx|)``,
    ``step = eta/(1 - b1^t) * m / (u + epsilon)``.

    PyTorch's ``Adamax`` puts epsilon inside the max (``u = max(b2*u, |dx| + eps)``).

    >>> AdaMax(0.1).apply(AdaMax(0.1).init(np.zeros(1)), np.zeros(1), np.array([-4.0]))[1].round(6)
    array([-0.1])
    """

    eta: Annotated[float, ETA] = 0.001
    beta: Annotated[Tuple[float, float], BETAS] = (0.9, 0.999)
    epsilon: Annotated[float, EPSILON] = 1e-8

    def init(self, x: Array) -> _AdamState:
        """The first moment and the running max of ``|dx|`` (in ``v``).

        >>> AdaMax().init(np.zeros(1)).v
        array([0.])
        """
        return _AdamState(x, self.beta)

    def apply(self, state: _AdamState, x: Array, dx: Array) -> Tuple[_AdamState, Array]:
        """One AdaMax step; the moment and the max are updated in place.

        >>> AdaMax(1.0, epsilon=0.0).apply(AdaMax(1.0).init(np.zeros(1)), np.zeros(1), np.ones(1))[1]
        array([1.])
        """
        b1, b2 = self.beta
        state.m *= b1
        state.m += (1 - b1) * dx
        state.v *= b2
        np.maximum(state.v, np.abs(dx), out=state.v)
        step: Array = state.m * (self.eta / (1 - state.beta1t)) / (state.v + self.epsilon)
        _advance(state, self.beta)
        return state, step


@dataclass(frozen=True)
class AdaBelief(Rule):
    """AdaBelief (Zhuang et al. 2020; Optimisers.jl ``AdaBelief``): Adam with the variance
    of the gradient around its mean in place of its second moment:
    ``s = b2*s + (1-b2)*(dx - m)^2 + epsilon``,
    ``step = eta * mhat / (sqrt(s/(1 - b2^t)) + epsilon)``. Not in PyTorch.

    >>> AdaBelief(0.1).apply(AdaBelief(0.1).init(np.zeros(1)), np.zeros(1), np.ones(1))[1].round(6)
    array([0.111111])
    """

    eta: Annotated[float, ETA] = 0.001
    beta: Annotated[Tuple[float, float], BETAS] = (0.9, 0.999)
    epsilon: Annotated[float, EPSILON] = 1e-16

    def init(self, x: Array) -> _AdamState:
        """The first moment and the "belief" ``s`` (in ``v``).

        >>> AdaBelief().init(np.zeros(1)).v
        array([0.])
        """
        return _AdamState(x, self.beta)

    def apply(self, state: _AdamState, x: Array, dx: Array) -> Tuple[_AdamState, Array]:
        """One AdaBelief step; moments are updated in place.

        >>> AdaBelief(1.0).apply(AdaBelief(1.0).init(np.zeros(1)), np.zeros(1), np.zeros(1))[1]
        array([0.])
        """
        b1, b2 = self.beta
        state.m *= b1
        state.m += (1 - b1) * dx
        d = dx - state.m
        state.v *= b2
        state.v += (1 - b2) * (d * d) + self.epsilon
        step: Array = state.m * (self.eta / (1 - state.beta1t))
        step /= np.sqrt(state.v / (1 - state.beta2t)) + self.epsilon
        _advance(state, self.beta)
        return state, step


class _OAdamState(_AdamState):
    __slots__ = ("term",)

    def __init__(self, x: Array, beta: Tuple[float, float]) -> None:
        super().__init__(x, beta)
        self.term = np.zeros_like(x)


@dataclass(frozen=True)
class OAdam(Rule):
    """Optimistic Adam (Daskalakis et al. 2017; Optimisers.jl ``OAdam``), for adversarial
    training: with ``a_t = eta * mhat / (sqrt(vhat) + epsilon)`` (Adam's step),
    ``step = 2*a_t - a_(t-1)``. Default ``beta=(0.5, 0.9)``. Not in PyTorch.

    >>> r = OAdam(0.1)
    >>> s = r.init(np.zeros(1))
    >>> [float(r.apply(s, np.zeros(1), np.ones(1))[1][0].round(6)) for _ in range(2)]
    [0.2, 0.1]
    """

    eta: Annotated[float, ETA] = 0.001
    beta: Annotated[Tuple[float, float], BETAS] = (0.5, 0.9)
    epsilon: Annotated[float, EPSILON] = 1e-8

    def init(self, x: Array) -> _OAdamState:
        """Adam's state plus the previous Adam step.

        >>> OAdam().init(np.zeros(1)).term
        array([0.])
        """
        return _OAdamState(x, self.beta)

    def apply(self, state: _OAdamState, x: Array, dx: Array) -> Tuple[_OAdamState, Array]:
        """One OAdam step; moments and the kept step are updated in place.

        >>> OAdam(1.0).apply(OAdam(1.0).init(np.zeros(1)), np.zeros(1), -np.ones(1))[1].round(6)
        array([-2.])
        """
        prev = state.term
        state.term = _adam_step(state, dx, self.beta, self.epsilon, self.eta)
        step: Array = 2 * state.term - prev
        return state, step


@dataclass(frozen=True)
class Lion(Rule):
    """Lion, evolved sign momentum (Chen et al. 2023; Optimisers.jl ``Lion``):
    ``step = eta * sign(b1*m + (1-b1)*dx)``, then ``m = b2*m + (1-b2)*dx``. Every entry
    moves by exactly ``eta`` (or 0): use a learning rate 3-10x smaller than Adam's.

    The default ``beta=(0.9, 0.999)`` is Optimisers.jl's (the paper uses ``(0.9, 0.99)``).
    The momentum update is the paper's; Optimisers.jl's code weighs it the other way round
    (``m = b2*dx + (1-b2)*m``), unlike its own docstring. Not in PyTorch.

    >>> Lion(0.1).apply(Lion(0.1).init(np.zeros(3)), np.zeros(3), np.array([2.0, -0.01, 0.0]))[1]
    array([ 0.1, -0.1,  0. ])
    """

    eta: Annotated[float, ETA] = 0.001
    beta: Annotated[Tuple[float, float], BETAS] = (0.9, 0.999)

    def init(self, x: Array) -> Array:
        """The momentum, zeros like ``x``.

        >>> Lion().init(np.ones(2))
        array([0., 0.])
        """
        return np.zeros_like(x)

    def apply(self, state: Array, x: Array, dx: Array) -> Tuple[Array, Array]:
        """One Lion step; the momentum is updated in place.

        >>> Lion(1.0).apply(np.ones(1), np.zeros(1), -np.ones(1))[1]   # 0.9*1 - 0.1*1 > 0
        array([1.])
        """
        b1, b2 = self.beta
        step: Array = np.sign(b1 * state + (1 - b1) * dx)
        step *= self.eta
        state *= b2
        state += (1 - b2) * dx
        return state, step
