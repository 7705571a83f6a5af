"""Every public function (``calls.VALID``) called validly with ONE argument replaced by a pool
value (wrong types, ranks, empty and huge sizes, NaN/inf, mixed dtypes): the outcome is a
result or a clean typedflux error (``oracle.py``), and a clean error names the argument it
refuses or the function (a ``ShapeError`` names the op or layer and the shapes). The valid
call itself must succeed. Every argument meets every pool value (a few thousand calls in all:
exhaustive rather than sampled, so a KNOWN entry's strict xfail does not depend on which
examples a sampler drew).

Known escapes (strict xfail, each with its owner; delete the line when fixed) are in KNOWN.
"""

from __future__ import annotations

import inspect
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import numpy as np
import pytest

import typedflux as tf
from typedflux import ShapeError

from calls import NO_VALID_CALL, VALID, public_routines
from oracle import escape, users
from pool import POOL

ROUTINES = public_routines()

# Functions whose errors rightly name another public function.
ALIASES = {"withgradient": "gradient"}

KNOWN: Dict[str, str] = {
}


def test_every_public_function_has_a_valid_call() -> None:
    missing = sorted(n for n in ROUTINES if n not in VALID and n not in NO_VALID_CALL)
    assert not missing, f"add a valid call to tests/robustness/calls.py VALID for: {missing}"
    stale = sorted(n for n in list(VALID) + list(NO_VALID_CALL) if n not in ROUTINES)
    assert not stale, f"not public any more, drop from calls.py: {stale}"


def _slots(name: str, args: List[Any], kwargs: Dict[str, Any]) -> List[Tuple[str, Any]]:
    """(how the slot is shown, its key): a position in args or a keyword."""
    try:
        params = list(inspect.signature(ROUTINES[name]).parameters.values())
    except (TypeError, ValueError):
        params = []
    named = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    out: List[Tuple[str, Any]] = []
    for i in range(len(args)):
        out.append((named[i] if i < len(named) else f"args[{i}]", i))
    out += [(k, k) for k in kwargs]
    return out


NAMES = sorted(VALID)


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=[pytest.mark.xfail(strict=True, reason=KNOWN[n])] if n in KNOWN
                  else []) for n in NAMES],
)
def test_one_wrong_argument_gives_a_clean_error(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # save/load write files here
    fn = ROUTINES[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        args, kwargs = VALID[name]()
        fn(*args, **kwargs)  # the valid call works
    slots = _slots(name, args, kwargs)
    escapes: List[str] = []
    unnamed: List[str] = []

    def check(slot: Tuple[str, Any], bad: Tuple[str, Callable[[], Any]]) -> None:
        shown, key = slot
        label, make = bad
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a, kw = VALID[name]()
            if isinstance(key, int):
                a[key] = make()
            else:
                kw[key] = make()
            caught: List[BaseException] = []

            def call() -> Any:
                try:
                    return fn(*a, **kw)
                except BaseException as err:
                    caught.append(err)
                    raise

            found = escape(call)
        if found is not None:
            escapes.append(f"{name}({shown}={label}): {found}")
        elif (caught and isinstance(caught[0], (TypeError, ValueError))
              and not isinstance(caught[0], ShapeError)  # it names the op or layer and shapes
              and not users(caught[0])):  # the caller's own function failed
            text = str(caught[0])
            short = ALIASES.get(name, name.split(".")[-1])
            if shown not in text and short not in text:
                unnamed.append(f"{name}({shown}={label}): {text[:140]}")

    for slot in slots:
        for bad in POOL:
            check(slot, bad)
    assert not escapes, "\n".join(sorted(set(escapes))[:15])
    assert not unnamed, "errors naming neither the argument nor the function:\n" + "\n".join(
        sorted(set(unnamed))[:15])


METHODS = sorted(n for n in dir(tf.Tensor) if not n.startswith("_")
                 and callable(getattr(tf.Tensor, n)))


@pytest.mark.parametrize("method", METHODS)
def test_tensor_methods_with_wrong_arguments(method: str) -> None:
    # Each method with one or two pool values (the second after a valid axis, 0 or 1).
    escapes: List[str] = []
    for label, make in [("nothing", None)] + POOL:
        for lead in ((), (0,), (1,)):
            x = tf.tensor(np.linspace(-1, 1, 24).reshape(2, 3, 4))
            args = lead + (() if make is None else (make(),))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = escape(lambda: getattr(x, method)(*args))
            if found is not None:
                escapes.append(f"Tensor.{method}({', '.join([*map(str, lead), label])}): {found}")
    assert not escapes, "\n".join(sorted(set(escapes))[:15])


def test_warm_memo_checks_tuple_parameters() -> None:
    x = tf.ones(2, 3, 4)
    for valid, wrong in (((6, 4), (6.0, 4)), ((1, 24), (True, 24)), ((2, 0, 1), (2, 0, True))):
        op = tf.transpose if len(valid) == 3 else tf.reshape
        op(x, *valid)  # the memo now knows these inputs
        found = escape(lambda: op(x, *wrong))
        assert found is None, found
