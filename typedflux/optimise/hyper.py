"""Hyperparameters of the optimisation rules, declared once: meaning, allowed values, default.

A rule is a frozen dataclass whose fields are annotated with a :class:`Hyper`:

    eta: Annotated[float, ETA] = 0.001

From that one line come the constructor (the dataclass), the check of every value the rule
is built or ``tf.adjust``-ed with (a ``TypeError``/``ValueError`` naming the class and the
argument), the repr (``Adam(eta=0.001, ...)``) and the table of hyperparameters in
``docs/reference.md`` (:func:`table`, which a test compares with the page).

>>> from typedflux.optimise import Momentum
>>> Momentum(rho=2)
Traceback (most recent call last):
...
ValueError: Momentum: rho (momentum) must be a real number in [0, 1), got 2
"""

from __future__ import annotations

import math
import numbers
import typing
from dataclasses import MISSING, dataclass, fields
from typing import Any, Dict, List, Optional, Tuple

__all__ = [
    "Hyper", "hyperparameters", "validate", "table",
    "ETA", "RHO", "BETAS", "EPSILON", "DECAY", "BOUND", "FLAG", "COUNT",
]


@dataclass(frozen=True)
class Hyper:
    """What a hyperparameter means and which values it takes: ``kind`` is ``"real"``,
    ``"pair"`` (two reals, e.g. Adam's ``beta``), ``"bool"``, ``"int"`` or ``"ints"`` (an
    int >= 1 or a sequence of them, a schedule's step sizes); reals lie in
    ``[low, high]``, with ``open_high`` excluding ``high``; ``inf`` allows ``float("inf")``.

    >>> Hyper("learning rate", low=0).describe()
    'a real number >= 0'
    >>> BETAS.describe()
    'a pair of real numbers in [0, 1)'
    """

    doc: str
    kind: str = "real"
    low: Optional[float] = None
    high: Optional[float] = None
    open_high: bool = False
    open_low: bool = False
    inf: bool = False

    def describe(self) -> str:
        """The allowed values, in words (used in errors and in the docs table).

        >>> FLAG.describe(), COUNT.describe()
        ('True or False', 'an int >= 1')
        """
        if self.kind == "bool":
            return "True or False"
        if self.kind == "ints":
            return "an int >= 1 or a non-empty sequence of them"
        noun = {"real": "a real number", "pair": "a pair of real numbers", "int": "an int"}[self.kind]
        if self.low is not None and self.high is not None:
            lo = "(" if self.open_low else "["
            hi = ")" if self.open_high else "]"
            return f"{noun} in {lo}{_num(self.low)}, {_num(self.high)}{hi}"
        if self.low is not None:
            return f"{noun} {'>' if self.open_low else '>='} {_num(self.low)}" + (
                " (inf allowed)" if self.inf else "")
        return noun

    def check(self, owner: str, name: str, value: Any) -> Any:
        """``value`` normalised (Python floats and ints, a tuple for a pair), or a
        ``TypeError``/``ValueError`` naming ``owner`` and ``name``.

        >>> ETA.check("Descent", "eta", 1)
        1.0
        >>> ETA.check("Descent", "eta", "a")
        Traceback (most recent call last):
        ...
        TypeError: Descent: eta (learning rate) must be a real number >= 0, got 'a'
        """
        if self.kind == "bool":
            if not isinstance(value, (bool, _np_bool())):
                raise TypeError(self._message(owner, name, value))
            return bool(value)
        if self.kind == "pair":
            if not isinstance(value, (tuple, list)) or len(value) != 2:
                raise TypeError(self._message(owner, name, value))
            return tuple(self._real(owner, name, v, value) for v in value)
        if self.kind == "ints":
            items = value if isinstance(value, (tuple, list)) else (value,)
            if not items or any(isinstance(v, bool) or not isinstance(v, numbers.Integral)
                                for v in items):
                raise TypeError(self._message(owner, name, value))
            if any(int(v) < 1 for v in items):
                raise ValueError(self._message(owner, name, value))
            return tuple(int(v) for v in items) if isinstance(value, (tuple, list)) else int(value)
        if self.kind == "int":
            if isinstance(value, bool) or not isinstance(value, numbers.Integral):
                raise TypeError(self._message(owner, name, value))
            self._range(owner, name, int(value), value)
            return int(value)
        return self._real(owner, name, value, value)

    def _real(self, owner: str, name: str, v: Any, whole: Any) -> float:
        if isinstance(v, bool) or not isinstance(v, numbers.Real):
            raise TypeError(self._message(owner, name, whole))
        x = float(v)
        if math.isnan(x) or (math.isinf(x) and not (self.inf and x > 0)):
            raise ValueError(self._message(owner, name, whole))
        self._range(owner, name, x, whole)
        return x

    def _range(self, owner: str, name: str, x: float, whole: Any) -> None:
        lo, hi = self.low, self.high
        if (lo is not None and (x < lo or (self.open_low and x == lo))) or (
            hi is not None and (x > hi or (self.open_high and x == hi))
        ):
            raise ValueError(self._message(owner, name, whole))

    def _message(self, owner: str, name: str, value: Any) -> str:
        return f"{owner}: {name} ({self.doc}) must be {self.describe()}, got {value!r}"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(x)


def _np_bool() -> type:
    import numpy as np

    return np.bool_


ETA = Hyper("learning rate", low=0)
RHO = Hyper("momentum", low=0, high=1, open_high=True)
DECAY = Hyper("decay of the running average", low=0, high=1, open_high=True)
BETAS = Hyper("decays of the first and second moments", kind="pair", low=0, high=1,
              open_high=True)
EPSILON = Hyper("added against division by 0", low=0)
BOUND = Hyper("bound", low=0)
FLAG = Hyper("switch", kind="bool")
COUNT = Hyper("number of steps", kind="int", low=1)

class _Required:
    def __repr__(self) -> str:
        return "required"


#: The "default" of a hyperparameter that has none (``AccumGrad(n)``).
REQUIRED: Any = _Required()

_CACHE: Dict[type, Tuple[Tuple[str, Hyper, Any], ...]] = {}


def hyperparameters(cls: type) -> Tuple[Tuple[str, Hyper, Any], ...]:
    """``(name, Hyper, default)`` of every field of a rule class, in constructor order.

    >>> from typedflux.optimise import Adam
    >>> [(n, h.doc, d) for n, h, d in hyperparameters(Adam)][:2]
    [('eta', 'learning rate', 0.001), ('beta', 'decays of the first and second moments', (0.9, 0.999))]
    """
    found = _CACHE.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls, include_extras=True)
        out = []
        for f in fields(cls):
            meta = [m for m in getattr(hints[f.name], "__metadata__", ()) if isinstance(m, Hyper)]
            if not meta:
                raise TypeError(f"{cls.__name__}.{f.name} is not declared with a Hyper")
            out.append((f.name, meta[0], REQUIRED if f.default is MISSING else f.default))
        found = _CACHE[cls] = tuple(out)
    return found


def validate(rule: Any) -> None:
    """Check (and normalise, in place) every hyperparameter of a rule instance; called by
    ``Rule.__post_init__``, so by every constructor and ``dataclasses.replace``.

    >>> from typedflux.optimise import ClipNorm
    >>> ClipNorm(-1)
    Traceback (most recent call last):
    ...
    ValueError: ClipNorm: omega (largest norm allowed) must be a real number >= 0, got -1
    """
    owner = type(rule).__name__
    for name, hyper, _ in hyperparameters(type(rule)):
        object.__setattr__(rule, name, hyper.check(owner, name, getattr(rule, name)))


def table(classes: List[type]) -> str:
    """The Markdown table of the rules' hyperparameters in ``docs/reference.md``.

    >>> from typedflux.optimise import Descent
    >>> print(table([Descent]))
    | rule | hyperparameter | default | meaning | values |
    |---|---|---|---|---|
    | `Descent` | `eta` | `0.1` | learning rate | a real number >= 0 |
    """
    rows = ["| rule | hyperparameter | default | meaning | values |", "|---|---|---|---|---|"]
    for cls in classes:
        for i, (name, hyper, default) in enumerate(hyperparameters(cls)):
            rule = f"`{cls.__name__}`" if i == 0 else ""
            shown = "required" if default is REQUIRED else f"`{default!r}`"
            rows.append(f"| {rule} | `{name}` | {shown} | {hyper.doc} | {hyper.describe()} |")
    return "\n".join(rows)
