"""The training loop ``train`` and the model switches ``trainmode``/``testmode``/``freeze``/``thaw``.

>>> import typedflux as tf
>>> from typedflux import losses
>>> model = tf.Dense(1, 1)
>>> data = [(tf.tensor([[1.0], [2.0]]), tf.tensor([[2.0], [4.0]]))] * 50
>>> state = tf.setup(tf.Adam(0.1), model)
>>> history = tf.train(lambda m, x, y: losses.mse(m(x), y), model, data, state, progress=False)
>>> history[-1] < history[0]
True
"""

from __future__ import annotations

import importlib
import inspect
import math
import sys
import time
import warnings
from collections import OrderedDict
from inspect import CO_VARARGS, CO_VARKEYWORDS
from types import FunctionType
from typing import Any, Callable, Iterable, List, Optional, Set, TextIO, Tuple

import numpy as np

from typedflux.compiler.hooks import opaque
from typedflux.engine.grad import withgradient
from typedflux.engine.plan import plan_of
from typedflux.engine.tree import children, named_params
from typedflux.optimise.finite import NonFiniteError, Skipped, nonfinite_params, refusal
from typedflux.optimise.progress import _progress
from typedflux.optimise.state import OptState, _check_nonfinite, apply_step
from typedflux.tensor import Tensor

__all__ = ["train", "trainmode", "testmode", "freeze", "thaw"]


def train(
    loss: Callable[..., Any],
    model: Any,
    data: Iterable[Any],
    state: OptState,
    epochs: int = 1,
    *,
    callback: Optional[Callable[[int, List[float]], Optional[bool]]] = None,
    desc: Optional[str] = None,
    progress: bool = True,
    nonfinite: str = "raise",
    compile: bool = False,
) -> List[float]:
    """``train(loss, model, data, state, epochs=1)``: for each batch ``d`` of ``data``, take
    ``withgradient`` of ``loss(model, *d)`` (a tuple batch is splatted, anything else passed
    as one argument) and ``update(state, model, grads)``; like Flux's ``train!``.

    Returns the loss of every batch, in order (``len(data) * epochs`` floats). Training is
    finite by default: a non-finite loss or gradient stops it with
    :class:`~typedflux.optimise.finite.NonFiniteError` (naming the parameter, the epoch and
    the batch) before the update that would spread it; parameters are checked before the
    first update, after the last, and whenever the loss is not finite. With
    ``nonfinite="skip"`` such batches are skipped instead (no update), listed in
    ``state.skipped`` and reported in one warning at the end; a parameter that is itself
    not finite still stops training. ``compile=True`` runs each step (``withgradient`` and
    the update) through :func:`typedflux.compile`: the same numbers and the same checks, bit
    for bit, faster on small and medium models (see ``docs/performance.md``).
    After each epoch ``callback(epoch, losses)`` runs with the epoch's number (from 1) and
    its batch losses; returning ``True`` stops training (``None``/``False`` go on), e.g.
    :class:`~typedflux.optimise.callbacks.EarlyStopping`, or your own function that
    evaluates, prints, saves or adjusts the learning rate (``tf.adjust``). ``progress`` shows
    a bar per epoch with the running mean loss (tqdm when installed, else a plain text line
    on stderr), labelled ``desc`` (``"desc: epoch 2/10"``).

    >>> import typedflux as tf
    >>> m = {"w": tf.tensor([0.0])}
    >>> st = tf.setup(tf.Descent(0.25), m)
    >>> tf.train(lambda m, y: ((m["w"] - y) ** 2).sum(), m, [tf.tensor([2.0])] * 3, st, progress=False)
    [4.0, 1.0, 0.25]
    """
    if not isinstance(state, OptState):
        raise TypeError(
            "train(loss, model, data, state): state must come from tf.setup(rule, model), got "
            f"{type(state).__name__}"
        )
    if (isinstance(epochs, (bool, np.bool_)) or not isinstance(epochs, (int, np.integer))
            or epochs < 0):
        raise ValueError(f"train: epochs must be a non-negative int, got {epochs!r:.60}")
    epochs = int(epochs)  # (numpy's ints too: a count read from an array or a config)
    _check_nonfinite("train", nonfinite)
    if callback is not None and not _takes_two(callback):
        raise TypeError(f"train: callback must be a function (epoch, losses), got {callback!r}")
    if desc is not None and not isinstance(desc, str):
        raise TypeError(f"train: desc must be a string, got {desc!r}")
    for flag, given in (("progress", progress), ("compile", compile)):
        if not isinstance(given, (bool, np.bool_)):
            raise TypeError(f"train: {flag} must be True or False, got {given!r:.60}")
    if not callable(loss):
        raise TypeError(f"train: loss must be a function (model, *batch), got {loss!r:.60}")
    try:
        iter(data)
    except TypeError:
        raise TypeError("train: data must be an iterable of batches (a list, a DataLoader), "
                        f"got {type(data).__name__}") from None
    if epochs > 1 and iter(data) is data:  # a generator: epoch 2 would train on nothing
        raise ValueError(f"train: data is a one-shot iterator ({type(data).__name__}), which "
                         f"epochs 2..{epochs} would find empty; pass a list or a DataLoader")
    skip = nonfinite == "skip"
    try:
        per_epoch: Optional[int] = len(data)  # type: ignore[arg-type]
    except TypeError:
        per_epoch = None
    history: List[float] = []
    skipped_before = len(state.skipped)
    step = _compiled_step(loss, nonfinite) if compile else None
    _check_params(model, "before the first update", state.step + 1)
    _epochs(loss, model, data, state, epochs, callback, desc, progress, nonfinite, step,
            history, per_epoch, skipped_before)
    _check_params(model, f"after the last update (update {state.step})", state.step)
    new = state.skipped[skipped_before:]
    if new:
        shown = "; ".join(map(str, new[:5])) + ("; ..." if len(new) > 5 else "")
        warnings.warn(
            f"train skipped {len(new)} of {len(history)} batches whose loss or gradient was "
            f"not finite: {shown}", RuntimeWarning, stacklevel=2,
        )
    return history


def _epochs(loss: Callable[..., Any], model: Any, data: Iterable[Any], state: OptState,
            epochs: int, callback: Any, desc: Optional[str], progress: bool, nonfinite: str,
            step: Any, history: List[float], per_epoch: Optional[int],
            skipped_before: int) -> None:
    # train's loop over epochs and batches (its arguments checked).
    skip = nonfinite == "skip"
    for epoch in range(1, epochs + 1):
        # One epoch per call is the common loop (``for e in ...: tf.train(...)``): no
        # "epoch 1/1" there.
        label = f"epoch {epoch}/{epochs}" if epochs > 1 else "train"
        if desc:
            label = f"{desc}: {label}" if epochs > 1 else desc
        bar = _progress(per_epoch, label) if progress else None
        first = len(history)
        total, count = 0.0, 0
        try:
            for batch, d in enumerate(data, 1):
                args = d if isinstance(d, tuple) else (d,)
                if batch == 1 and epoch == 1:
                    _check_arity(loss, model, args)
                if step is not None:
                    val, applied = _compiled(step, model, state, args, epoch, batch)
                else:
                    # (A wide layer's weight gradient may come unmade, for update to fold its
                    # Descent step: optimise/folds.py.)
                    value, grads = withgradient(lambda m: loss(m, *args), model)
                    val = float(value.item())
                    applied = math.isfinite(val) and apply_step(
                        state, model, grads[0], nonfinite, "train", epoch, batch, True)
                history.append(val)
                if not math.isfinite(val):
                    if skip and not _bad_params(model):
                        state.skipped.append(
                            Skipped(state.step + 1, "loss", None, repr(val), epoch, batch))
                    else:
                        _loss_error(val, model, state, epoch, batch)
                if applied:
                    total, count = total + val, count + 1
                if bar is not None:
                    skipped = len(state.skipped) - skipped_before
                    bar.set_postfix_str(
                        f"loss={total / max(count, 1):.4g}"
                        + (f" skipped={skipped}" if skipped else ""), refresh=False)
                    bar.update(1)
        finally:
            if bar is not None:
                bar.close()
        if callback is not None:
            verdict: Any = callback(epoch, history[first:])  # (numpy's bools too)
            if verdict is True or verdict is np.True_:
                break
            if verdict is not None and verdict is not False and verdict is not np.False_:
                raise TypeError(
                    f"train: the callback returns True to stop, or None/False to go on; it "
                    f"returned {verdict!r} after epoch {epoch}"
                )


# The compiled steps of recent loss functions (one per training loop), so that calling train
# once per epoch replays instead of recording again.
_STEPS: "OrderedDict[Any, Any]" = OrderedDict()


def _check_arity(loss: Callable[..., Any], model: Any, args: Tuple[Any, ...]) -> None:
    """Refuse, in train's words, a first batch ``loss(model, *batch)`` cannot take (a list
    ``[x, y]`` is one argument: only a tuple batch is splatted, as in Flux's ``train!``)."""
    code = getattr(loss, "__code__", None)
    if (type(loss) is FunctionType and code is not None and not code.co_kwonlyargcount
            and not code.co_flags & (CO_VARARGS | CO_VARKEYWORDS)
            and code.co_argcount == len(args) + 1):
        return  # a plain function taking exactly these: what inspect would find, at 1/20 the cost
    try:
        inspect.signature(loss).bind(model, *args)
    except TypeError as err:
        raise TypeError(
            f"train: loss(model, *batch) cannot take batch 1 of data ({len(args)} "
            f"{'value' if len(args) == 1 else 'values'}, {type(args[0]).__name__ if args else '()'} "
            f"first): {err}; a batch that is not a tuple is passed as one argument"
        ) from None
    except ValueError:  # no signature to read (some builtins): let the call decide
        pass


def _takes_two(callback: Any) -> bool:
    """Whether ``callback`` can be called as ``callback(epoch, losses)`` (a layer, or a
    function of one argument, would fail with Python's own words after the first epoch)."""
    if not callable(callback):
        return False
    try:
        inspect.signature(callback).bind(1, [])
    except TypeError:
        return False
    except ValueError:  # no signature to read (some builtins): let the call decide
        return True
    return True


def _compiled_step(loss: Callable[..., Any], nonfinite: str) -> Any:
    key = (loss, nonfinite)
    step = _STEPS.get(key)
    if step is None:
        from typedflux.compiler.api import compile as compile_step

        def train_step(model: Any, state: OptState, *args: Any) -> Any:
            value, grads = withgradient(lambda m: loss(m, *args), model)
            if _finite_loss(value.data):
                # (No epoch or batch here: they would be recorded as constants.
                # _compiled puts them into what a refused or skipped update reports.)
                apply_step(state, model, grads[0], nonfinite, "train")
            return value

        step = _STEPS[key] = compile_step(train_step)
        while len(_STEPS) > 8:
            _STEPS.popitem(last=False)
    else:
        _STEPS.move_to_end(key)
    return step


@opaque(exits=True, writes=())
def _finite_loss(value: Any) -> bool:
    # Reads the loss: a compiled step replays this check as one call, and a non-finite loss
    # ends it before the update (train then acts on the loss as in the eager loop).
    return math.isfinite(float(value))


def _compiled(step: Any, model: Any, state: OptState, args: Tuple[Any, ...], epoch: int,
              batch: int) -> Tuple[float, bool]:
    """One compiled step: the loss, and whether the update was applied."""
    count, skipped = state.step, len(state.skipped)
    try:
        value = step(model, state, *args)
    except NonFiniteError as e:
        raise NonFiniteError(
            refusal("train", e.what, e.name, e.detail, e.step, epoch, batch, e.applied),
            what=e.what, name=e.name, step=e.step, detail=e.detail, epoch=epoch, batch=batch,
            applied=e.applied,
        ) from None
    # A skipped update was recorded without its epoch and batch.
    state.skipped[skipped:] = [s._replace(epoch=epoch, batch=batch)
                               for s in state.skipped[skipped:]]
    return float(value.item()), state.step > count


def _check_params(model: Any, when: str, step: int) -> None:
    # Once per call at each end (the per-step check reads the gradients only).
    bad = _bad_params(model)
    if bad:
        name, detail = bad[0]
        raise NonFiniteError(
            f"train: parameter {name} is not finite ({detail}) {when}",
            what="parameter", name=name, step=step, detail=detail,
        )


def _bad_params(model: Any) -> List[Any]:
    plan = plan_of(model)  # (the model's cached walk: what named_params lists)
    named = ([(n, p.data) for n, p, _ in plan.params] if plan is not None
             else [(n, p.data) for n, p in named_params(model)])
    return nonfinite_params(named)


def _loss_error(val: float, model: Any, state: OptState, epoch: int, batch: int) -> None:
    bad = _bad_params(model)
    if bad:
        name, detail = bad[0]
        raise NonFiniteError(
            f"train: the loss is {val} at epoch {epoch}, batch {batch}, and parameter {name} "
            f"is not finite ({detail}); stopped before update {state.step + 1}",
            what="parameter", name=name, step=state.step + 1, detail=detail, epoch=epoch,
            batch=batch,
        )
    raise NonFiniteError(
        f"train: the loss is {val} at epoch {epoch}, batch {batch}; stopped before updating "
        "the model (try a smaller learning rate, or logitcrossentropy on logits instead of "
        'crossentropy; nonfinite="skip" skips such batches)',
        what="loss", name=None, step=state.step + 1, detail=repr(val), epoch=epoch, batch=batch,
    )


def _objects(model: Any) -> Iterable[Any]:
    """Every object reachable from ``model`` (itself included), each once."""
    seen: Set[int] = set()
    stack = [model]
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, Tensor):
            continue
        seen.add(id(obj))
        kids = children(obj)
        if kids is None:
            continue
        yield obj
        stack.extend(v for _, v, _ in reversed(kids))


def _set_training(model: Any, value: Optional[bool]) -> int:
    n = 0
    for obj in _objects(model):
        # Only a plain mode flag (True/False/None) is a train/test switch; a method or
        # property that happens to be called ``training`` is left alone.
        if not isinstance(obj, (list, tuple, dict)) and isinstance(
            getattr(obj, "training", 0), (bool, type(None))
        ):
            obj.training = value
            n += 1
    return n


def _check_mode(who: str, mode: Any) -> None:
    # By identity: `in` would compare a Tensor elementwise.
    if not (mode is None or isinstance(mode, (bool, np.bool_))):
        raise ValueError(f"{who}: mode must be True, False or None (auto), got {mode!r}")


def trainmode(model: Any, mode: Optional[bool] = True) -> Any:
    """Put every layer with a ``training`` attribute (Dropout, BatchNorm) in training mode,
    recursively; ``mode=None`` restores "auto" (active only while a gradient is taken).
    Returns ``model``.

    >>> import typedflux as tf
    >>> m = tf.Chain(tf.Dense(2, 2), tf.Dropout(0.5))
    >>> tf.trainmode(m)[1].training
    True
    """
    _check_mode("trainmode", mode)
    _set_training(model, mode)
    return model


def testmode(model: Any, mode: Optional[bool] = True) -> Any:
    """Put every layer with a ``training`` attribute in test mode (Dropout off, BatchNorm on
    running statistics), recursively; ``testmode(m, False)`` is ``trainmode(m)`` and
    ``mode=None`` restores "auto". Returns ``model``.

    >>> import typedflux as tf
    >>> m = tf.Chain(tf.Dense(2, 2), tf.Dropout(0.5))
    >>> tf.testmode(m)[1].training
    False
    """
    _check_mode("testmode", mode)
    _set_training(model, None if mode is None else not mode)
    return model


def _settable(obj: Any, what: str) -> None:
    if isinstance(obj, Tensor):
        raise TypeError(
            f"{what} takes a layer (or model), not a Tensor; to {what} one parameter, "
            f'name it: tf.{what}(layer, "weight")'
        )
    if children(obj) is None:
        raise TypeError(f"{what}: {type(obj).__name__} holds no parameters")


def _check_names(who: str, names: Any) -> None:
    for n in names:
        if not isinstance(n, str):
            raise TypeError(f"{who}: attribute names must be strings, got {type(n).__name__}")


def freeze(model: Any, *names: str) -> Any:
    """Exclude parameters from training (Optimisers.jl's ``freeze!``, on the model):
    ``tf.freeze(layer)`` freezes everything in ``layer``; ``tf.freeze(layer, "bias")`` only
    the named attributes. Frozen parameters get no gradient and ``update`` skips them.
    Undo with :func:`thaw`. Returns ``model``.

    >>> import typedflux as tf
    >>> m = tf.Chain(tf.Dense(2, 3), tf.Dense(3, 1))
    >>> _ = tf.freeze(m[0])
    >>> [n for n, _ in tf.named_params(m)]
    ['layers.1.weight', 'layers.1.bias']
    """
    _settable(model, "freeze")
    _check_names("freeze", names)
    if isinstance(model, (list, tuple, dict)):
        if names:
            raise TypeError("freeze: names apply to a layer's attributes, not to a container")
        for key, v, _ in children(model) or []:
            if isinstance(v, Tensor):
                raise TypeError(
                    f"freeze: entry {key} of this {type(model).__name__} is a bare Tensor, "
                    "which cannot be marked; keep parameters in a layer object"
                )
            if children(v) is not None:
                freeze(v)
        return model
    current = getattr(model, "_frozen", None)
    if not names:
        new: Any = True
    elif current is True:
        return model
    else:
        attrs = {n for n, _, _ in children(model) or []}
        unknown = sorted(set(names) - attrs)
        if unknown:
            raise AttributeError(
                f"freeze: {type(model).__name__} has no attribute {', '.join(unknown)} "
                f"(it has {', '.join(sorted(attrs))})"
            )
        new = set(current or ()) | set(names)
    try:
        model._frozen = new
    except AttributeError:
        raise TypeError(
            f"freeze: cannot mark a {type(model).__name__}: it has __slots__ without '_frozen'"
        ) from None
    return model


def thaw(model: Any, *names: str) -> Any:
    """Undo :func:`freeze`: ``tf.thaw(model)`` makes everything in ``model`` trainable again
    (recursively); ``tf.thaw(layer, "bias")`` only the named attributes. Returns ``model``.

    >>> import typedflux as tf
    >>> d = tf.freeze(tf.Dense(2, 3))
    >>> len(tf.params(tf.thaw(d, "bias"))), len(tf.params(tf.thaw(d)))
    (1, 2)
    """
    _settable(model, "thaw")
    _check_names("thaw", names)
    if names:
        if isinstance(model, (list, tuple, dict)):
            raise TypeError("thaw: names apply to a layer's attributes, not to a container")
        current = getattr(model, "_frozen", None)
        if current is True:
            current = {n for n, _, _ in children(model) or []}
        left = set(current or ()) - set(names)
        model._frozen = left or None
        return model
    for obj in _objects(model):
        if getattr(obj, "_frozen", None):
            obj._frozen = None
    return model
