"""Early stopping for ``tf.train``'s per-epoch callback (Flux's ``early_stopping``/``patience``).

``tf.train(..., callback=cb)`` calls ``cb(epoch, losses)`` after each epoch with that epoch's
batch losses; returning ``True`` stops training. :class:`EarlyStopping` is such a callback,
and also a plain counter to call with any metric from your own callback.

>>> stop = EarlyStopping(patience=2)
>>> [stop(v) for v in (3.0, 2.0, 2.5, 2.2, 1.0)]
[False, False, False, True, False]
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Callable, List, Optional

from typedflux.optimise.hyper import COUNT, Hyper

__all__ = ["EarlyStopping"]

_MIN_DELTA = Hyper("smallest change that counts as an improvement", low=0)


class EarlyStopping:
    """``EarlyStopping(patience=5, *, min_delta=0.0, mode="min", metric=None)``: says stop
    (``True``) once ``patience`` values in a row brought no improvement over the best one seen
    (lower by more than ``min_delta`` with ``mode="min"``, higher with ``mode="max"``).

    Called with one value (``stop(val_loss)``) it counts that value: use it inside your own
    callback. Called as a ``tf.train`` callback (``callback=stop``, so ``stop(epoch,
    losses)``), it counts ``metric()`` when given (a validation loss, say), else the mean
    training loss of the epoch. ``best``, ``best_epoch`` and ``wait`` (values since the best)
    tell where it stands; a NaN is never an improvement. Flux's
    ``early_stopping(f, patience; min_dist)`` counts the same way.

    >>> import typedflux as tf
    >>> m = {"w": tf.tensor([3.0])}
    >>> st = tf.setup(tf.Descent(0.5), m)
    >>> stop = tf.EarlyStopping(patience=2, min_delta=1e-3)
    >>> h = tf.train(lambda m, y: ((m["w"] - y) ** 2).sum(), m, [tf.tensor([1.0])], st,
    ...              epochs=100, callback=stop, progress=False)
    >>> len(h), stop.best_epoch   # converged at epoch 2, then 2 epochs without improvement
    (4, 2)
    """

    def __init__(
        self, patience: int = 5, *, min_delta: float = 0.0, mode: str = "min",
        metric: Optional[Callable[[], Any]] = None,
    ) -> None:
        self.patience: int = COUNT.check("EarlyStopping", "patience", patience)
        self.min_delta: float = _MIN_DELTA.check("EarlyStopping", "min_delta", min_delta)
        if mode not in ("min", "max"):
            raise ValueError(f'EarlyStopping: mode must be "min" or "max", got {mode!r}')
        if metric is not None and not callable(metric):
            raise TypeError(f"EarlyStopping: metric must be a function of no arguments, got {metric!r}")
        self.mode = mode
        self.metric = metric
        self.best: Optional[float] = None
        self.best_epoch = 0
        self.wait = 0
        self._count = 0

    def __repr__(self) -> str:
        return (f"EarlyStopping(patience={self.patience}, min_delta={self.min_delta}, "
                f"mode={self.mode!r}; best={self.best}, wait={self.wait})")

    def __call__(self, *args: Any) -> bool:
        if len(args) == 1:
            value = args[0]
        elif len(args) == 2:
            _, losses = args
            if not isinstance(losses, (list, tuple)) or not all(
                    isinstance(v, numbers.Real) for v in losses):
                raise TypeError("EarlyStopping as a tf.train callback takes (epoch, losses), "
                                f"losses a list of numbers; got {type(losses).__name__}")
            value = self.metric() if self.metric is not None else _mean(list(losses))
        else:
            raise TypeError(
                "EarlyStopping is called with one metric value, or as a tf.train callback "
                f"(epoch, losses); got {len(args)} arguments"
            )
        return self.step(value)

    def step(self, value: Any) -> bool:
        """Count one value; ``True`` once ``patience`` values in a row did not improve.

        >>> s = EarlyStopping(1, mode="max")
        >>> s.step(0.5), s.step(0.7), s.step(0.6)
        (False, False, True)
        """
        v = _number(value)
        self._count += 1
        best = self.best
        if best is None and not math.isnan(v):
            improved = True
        elif best is None or math.isnan(v):
            improved = False
        elif self.mode == "min":
            improved = v < best - self.min_delta
        else:
            improved = v > best + self.min_delta
        if improved:
            self.best, self.best_epoch, self.wait = v, self._count, 0
        else:
            self.wait += 1
        return self.wait >= self.patience


def _number(value: Any) -> float:
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, numbers.Real):
        if math.prod(getattr(value, "shape", ())) != 1:
            raise TypeError(f"EarlyStopping: the metric must be one number, got {value!r:.80}")
        value = item()  # a scalar Tensor or numpy value
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"EarlyStopping: the metric must be a real number, got {value!r}")
    return float(value)


def _mean(losses: List[float]) -> float:
    finite = [v for v in losses if math.isfinite(v)]
    return sum(finite) / len(finite) if finite else math.nan
