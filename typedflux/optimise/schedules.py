"""Hyperparameter schedules (``tf.schedules``, after ParameterSchedulers.jl): a schedule is a
function of the step ``t = 1, 2, ...`` to a value, built from small pieces that compose.

- ``Constant(value)``, ``Step(start, decay, step_sizes)``, ``Exp(start, decay)``,
  ``CosAnneal(l0, l1, period, restart=True)``, ``Linear(l0, l1, steps)`` (a warm-up ramp);
- ``Sequence((schedule, steps), ...)`` runs schedules one after another (warm-up, then decay).

Use one per update with the rule wrapper :class:`Scheduler` (``t`` counts the updates), or per
epoch from ``tf.train``'s callback with ``tf.adjust(state, eta=schedule(epoch + 1))``.

>>> from typedflux.optimise.schedules import CosAnneal, Linear, Sequence
>>> warm = Sequence((Linear(0.0, 1e-3, 2), 2), (CosAnneal(1e-3, 1e-4, 4), 4))
>>> [round(warm(t), 6) for t in range(1, 7)]
[0.0, 0.0005, 0.001, 0.000868, 0.00055, 0.000232]
"""

from __future__ import annotations

import dataclasses
import inspect
import itertools
import math
import numbers
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterator, Optional, Tuple, Union

from typing_extensions import Annotated

from typedflux.optimise.hyper import COUNT, FLAG, Hyper, hyperparameters, validate
from typedflux.optimise.rules import Rule

__all__ = ["Schedule", "Constant", "Step", "Exp", "CosAnneal", "Linear", "Sequence", "Scheduler"]

_VALUE = Hyper("value")
_START = Hyper("start value")
_DECAY = Hyper("decay factor", low=0, open_low=True)
_STEPS = Hyper("step sizes", kind="ints")


class Schedule:
    """Base class of the schedules: ``s(t)`` is the value at step ``t`` (an int >= 1);
    iterating gives ``s(1), s(2), ...`` forever (``zip(s, range(epochs))``).

    >>> from typedflux.optimise.schedules import Exp
    >>> s = Exp(1.0, 0.5)
    >>> s(3), [v for v, _ in zip(s, range(3))]
    (0.25, [1.0, 0.5, 0.25])
    """

    def __post_init__(self) -> None:
        validate(self)

    def __call__(self, t: int) -> float:
        if isinstance(t, bool) or not isinstance(t, numbers.Integral) or t < 1:
            raise ValueError(f"{type(self).__name__}: the step t must be an int >= 1, got {t!r}")
        return self.at(int(t))

    def at(self, t: int) -> float:
        """The value at step ``t`` (already checked to be an int >= 1).

        >>> Constant(0.1).at(7)
        0.1
        """
        raise NotImplementedError

    def __iter__(self) -> Iterator[float]:
        return (self.at(t) for t in itertools.count(1))


@dataclass(frozen=True)
class Constant(Schedule):
    """The same value at every step.

    >>> Constant(0.1)(100)
    0.1
    """

    value: Annotated[float, _VALUE]

    def at(self, t: int) -> float:
        """``value``.

        >>> Constant(2.0).at(1)
        2.0
        """
        return self.value


@dataclass(frozen=True)
class Step(Schedule):
    """Step decay (ParameterSchedulers.jl ``Step``; PyTorch's ``StepLR``/``MultiStepLR``):
    ``start * decay^i`` in the ``i``-th block of steps (from 0). ``step_sizes`` is one block
    length, or the lengths of successive blocks (after the last, the value stays).

    >>> [Step(1.0, 0.5, 2)(t) for t in range(1, 7)]
    [1.0, 1.0, 0.5, 0.5, 0.25, 0.25]
    >>> [Step(1.0, 0.1, (1, 3))(t) for t in range(1, 7)]
    [1.0, 0.1, 0.1, 0.1, 0.01..., 0.01...]
    """

    start: Annotated[float, _START]
    decay: Annotated[float, _DECAY]
    step_sizes: Annotated[Union[int, Tuple[int, ...]], _STEPS]

    def at(self, t: int) -> float:
        """The value in the block holding step ``t``.

        >>> Step(8.0, 0.5, 3).at(4)
        4.0
        """
        sizes = self.step_sizes
        if isinstance(sizes, int):
            i = (t - 1) // sizes
        else:
            done = list(itertools.accumulate(sizes))
            i = sum(1 for end in done if t > end)
        return self.start * _power(self.decay, i)


@dataclass(frozen=True)
class Exp(Schedule):
    """Exponential decay (ParameterSchedulers.jl ``Exp``; PyTorch's ``ExponentialLR``):
    ``start * decay^(t-1)``.

    >>> [Exp(1.0, 0.9)(t) for t in (1, 2, 3)]
    [1.0, 0.9, 0.81]
    """

    start: Annotated[float, _START]
    decay: Annotated[float, _DECAY]

    def at(self, t: int) -> float:
        """``start * decay^(t-1)``.

        >>> Exp(2.0, 0.5).at(2)
        1.0
        """
        return self.start * _power(self.decay, t - 1)


def _power(decay: float, n: int) -> float:
    """``decay ** n``, ``inf`` beyond the floats (a growth factor far along; Python's float
    power raises OverflowError instead, as IEEE arithmetic would not).

    >>> _power(0.5, 2), _power(1e300, 2)
    (0.25, inf)
    """
    try:
        return float(decay) ** n
    except OverflowError:
        return math.inf


@dataclass(frozen=True)
class CosAnneal(Schedule):
    """Cosine annealing (ParameterSchedulers.jl ``CosAnneal``; PyTorch's
    ``CosineAnnealingWarmRestarts``, or ``CosineAnnealingLR`` with ``restart=False``): from the
    larger of ``l0``, ``l1`` down to the smaller over ``period`` steps,
    ``lo + (hi - lo) * (1 + cos(pi * s / period)) / 2`` with ``s = (t-1) mod period`` (warm
    restarts), or ``s = t - 1`` with ``restart=False`` (then it rises again after ``period``).

    >>> [round(CosAnneal(1.0, 0.0, 4)(t), 4) for t in range(1, 7)]
    [1.0, 0.8536, 0.5, 0.1464, 1.0, 0.8536]
    """

    l0: Annotated[float, Hyper("one end of the range")]
    l1: Annotated[float, Hyper("the other end of the range")]
    period: Annotated[int, COUNT]
    restart: Annotated[bool, FLAG] = True

    def at(self, t: int) -> float:
        """The annealed value at step ``t``.

        >>> CosAnneal(0.0, 2.0, 2).at(2)
        1.0
        """
        lo, hi = min(self.l0, self.l1), max(self.l0, self.l1)
        s = (t - 1) % self.period if self.restart else t - 1
        return lo + (hi - lo) * (1 + math.cos(math.pi * s / self.period)) / 2


@dataclass(frozen=True)
class Linear(Schedule):
    """A linear ramp from ``l0`` at step 1 to ``l1`` at step ``steps + 1``, then ``l1``
    (a learning-rate warm-up; PyTorch's ``LinearLR``).

    >>> [Linear(0.0, 1.0, 4)(t) for t in range(1, 7)]
    [0.0, 0.25, 0.5, 0.75, 1.0, 1.0]
    """

    l0: Annotated[float, Hyper("start value")]
    l1: Annotated[float, Hyper("end value")]
    steps: Annotated[int, COUNT]

    def at(self, t: int) -> float:
        """The ramp's value at step ``t``.

        >>> Linear(1.0, 3.0, 2).at(2)
        2.0
        """
        return self.l0 + (self.l1 - self.l0) * min(t - 1, self.steps) / self.steps


Stage = Tuple[Union[Schedule, float], int]


class Sequence(Schedule):
    """Schedules one after another (ParameterSchedulers.jl ``Sequence``; PyTorch's
    ``SequentialLR``): ``Sequence((s1, n1), (s2, n2), ...)`` runs ``s1`` for ``n1`` steps,
    then ``s2`` from its own step 1, and so on; the last one continues after its steps. A
    number stands for a :class:`Constant`.

    >>> s = Sequence((Linear(0.0, 1.0, 2), 2), (Exp(1.0, 0.5), 3))
    >>> [s(t) for t in range(1, 7)]
    [0.0, 0.5, 1.0, 0.5, 0.25, 0.125]
    """

    __slots__ = ("stages",)

    def __init__(self, *stages: Stage) -> None:
        if not stages:
            raise TypeError("Sequence takes (schedule, steps) pairs, got none")
        checked = []
        for i, stage in enumerate(stages, 1):
            if not isinstance(stage, tuple) or len(stage) != 2:
                raise TypeError(f"Sequence: stage {i} must be a (schedule, steps) pair, got {stage!r}")
            s, n = stage
            if isinstance(s, numbers.Real) and not isinstance(s, bool):
                s = Constant(float(s))
            if not isinstance(s, Schedule):
                raise TypeError(f"Sequence: stage {i} needs a schedule or a number, got {s!r}")
            checked.append((s, COUNT.check("Sequence", f"steps of stage {i}", n)))
        self.stages: Tuple[Tuple[Schedule, int], ...] = tuple(checked)

    def __repr__(self) -> str:
        return f"Sequence({', '.join(f'({s!r}, {n})' for s, n in self.stages)})"

    def at(self, t: int) -> float:
        """The value of the stage holding step ``t``, at the step within it.

        >>> Sequence((1.0, 1), (2.0, 1)).at(5)
        2.0
        """
        start = 0
        for s, n in self.stages[:-1]:
            if t <= start + n:
                return s.at(t - start)
            start += n
        return self.stages[-1][0].at(t - start)


class _ScheduledState:
    __slots__ = ("t", "inner")

    def __init__(self, t: int, inner: Any) -> None:
        self.t, self.inner = t, inner

    def __repr__(self) -> str:
        return f"ScheduledState(t={self.t})"


def _takes_a_step(s: Callable[..., Any]) -> bool:
    """Whether ``s`` can be called as ``s(t)`` (``lambda: 0.1`` failed with Python's words at
    the first update)."""
    try:
        inspect.signature(s).bind(1)
    except TypeError:
        return False
    except ValueError:  # no signature to read (some builtins): the first call decides
        return True
    return True


class Scheduler(Rule):
    """A rule whose hyperparameters follow schedules, one step per update (ParameterSchedulers.jl's
    ``Scheduler``): ``Scheduler(Adam(), eta=CosAnneal(1e-3, 1e-5, 1000))`` is Adam with
    ``eta = schedule(t)`` at its ``t``-th update. Any hyperparameter of the rule can be
    scheduled (``rho=...``); the others keep the given rule's values. Works wherever a rule
    does: ``tf.setup``, inside an ``OptimiserChain``, with ``tf.train``.

    >>> import numpy as np
    >>> from typedflux.optimise import Descent
    >>> r = Scheduler(Descent(), eta=Exp(1.0, 0.5))
    >>> s = r.init(np.zeros(1))
    >>> [float(r.apply(s, np.zeros(1), np.ones(1))[1][0]) for _ in range(3)]
    [1.0, 0.5, 0.25]
    """

    __slots__ = ("rule", "schedules", "_cache")
    rule: Rule
    schedules: Dict[str, Callable[[int], float]]
    _cache: Optional[Tuple[int, Rule]]

    def __init__(self, rule: Rule, **schedules: Union[Schedule, Callable[[int], float], float]) -> None:
        if not isinstance(rule, Rule) or not dataclasses.is_dataclass(rule):
            raise TypeError(f"Scheduler takes a rule such as tf.Adam() first, got {rule!r}")
        names = [n for n, _, _ in hyperparameters(type(rule))]
        if not schedules:
            raise TypeError(f"Scheduler: name the hyperparameter to schedule, e.g. eta=... (of {', '.join(names)})")
        checked: Dict[str, Callable[[int], float]] = {}
        for name, s in schedules.items():
            if name not in names:
                raise TypeError(f"Scheduler: {type(rule).__name__} has no hyperparameter {name} (it has {', '.join(names)})")
            if isinstance(s, numbers.Real) and not isinstance(s, bool):
                s = Constant(float(s))
            if not callable(s) or not _takes_a_step(s):
                raise TypeError(f"Scheduler: {name} needs a schedule (a function of the step), got {s!r}")
            checked[name] = s
        self.rule = rule
        self.schedules = checked
        self._cache = None
        self.rule_at(1)  # the first values are valid for the rule, or an error now

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.schedules.items())
        return f"Scheduler({self.rule!r}, {shown})"

    def rule_at(self, t: int) -> Rule:
        """The rule with every scheduled hyperparameter at its value for step ``t``.

        >>> from typedflux.optimise import Momentum
        >>> Scheduler(Momentum(), rho=Linear(0.5, 0.9, 4)).rule_at(3)
        Momentum(eta=0.01, rho=0.7)
        """
        cached = self._cache
        if cached is not None and cached[0] == t:
            return cached[1]
        base: Any = self.rule  # a dataclass (checked in __init__)
        rule: Rule = dataclasses.replace(base, **{k: s(t) for k, s in self.schedules.items()})
        self._cache = (t, rule)  # every parameter takes step t in turn: one rule per step
        return rule

    def init(self, x: Any) -> _ScheduledState:
        """The step count and the scheduled rule's state.

        >>> import numpy as np
        >>> from typedflux.optimise import Descent
        >>> Scheduler(Descent(), eta=Exp(1.0, 0.5)).init(np.zeros(1))
        ScheduledState(t=1)
        """
        return _ScheduledState(1, self.rule_at(1).init(x))

    def apply(self, state: _ScheduledState, x: Any, dx: Any) -> Tuple[Any, Any]:
        """One step of the rule as scheduled for this parameter's ``t``-th update.

        >>> import numpy as np
        >>> from typedflux.optimise import Descent
        >>> r = Scheduler(Descent(), eta=0.5)
        >>> r.apply(r.init(np.zeros(1)), np.zeros(1), np.ones(1))[1]
        array([0.5])
        """
        state.inner, step = self.rule_at(state.t).apply(state.inner, x, dx)
        state.t += 1
        return state, step
