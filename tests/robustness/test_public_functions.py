"""Every public function of typedflux (``typedflux.__all__``) and every loss
(``tf.losses.__all__``), found by enumeration so new names are covered at once, called with
arguments drawn from a pool of wrong types, ranks, sizes, NaN/inf and dtypes: the outcome is
a result or a clean typedflux error (see ``oracle.py``), never an escape.

Hypothesis draws the arguments, derandomized (the same examples in every run) and with few
examples per function, so the whole file runs in seconds. A known escape not yet fixed
is listed in KNOWN with the reason (strict xfail: fixing one makes the test pass
unexpectedly, and its line must then go).
"""

from __future__ import annotations

import inspect
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import typedflux as tf
from oracle import escape
from pool import POOL


def _public_functions() -> List[Tuple[str, Callable[..., Any]]]:
    found = [
        (n, getattr(tf, n)) for n in tf.__all__
        if inspect.isroutine(getattr(tf, n))
    ]
    found += [(f"losses.{n}", getattr(tf.losses, n)) for n in tf.losses.__all__]
    return found


FUNCTIONS = _public_functions()

# name -> why: functions with an escape found by this suite and not yet fixed (a strict xfail,
# so a fix makes the test fail until its entry goes). Empty: every escape found is fixed.

KNOWN: Dict[str, str] = {}


def _params(fn: Callable[..., Any]) -> List[inspect.Parameter]:
    try:
        return list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return []


@st.composite
def calls(draw: Any, fn: Callable[..., Any]) -> Tuple[List[str], Dict[str, str]]:
    """Names of pool entries for the positional and keyword arguments of one call."""
    names = [n for n, _ in POOL]
    args: List[str] = []
    kwargs: Dict[str, str] = {}
    for p in _params(fn):
        if p.kind is p.VAR_POSITIONAL:
            args += draw(st.lists(st.sampled_from(names), max_size=3))
        elif p.kind is p.VAR_KEYWORD:
            continue
        elif p.kind is p.KEYWORD_ONLY:
            if p.default is p.empty or draw(st.booleans()):
                kwargs[p.name] = draw(st.sampled_from(names))
        elif p.default is p.empty or draw(st.booleans()):
            if len(args) == len([q for q in _params(fn)[: _params(fn).index(p)]
                                 if q.kind in (q.POSITIONAL_ONLY, q.POSITIONAL_OR_KEYWORD)]):
                args.append(draw(st.sampled_from(names)))
    return args, kwargs


MAKE = dict(POOL)


@pytest.mark.parametrize(
    "name,fn",
    [pytest.param(n, f, marks=[pytest.mark.xfail(strict=True, reason=KNOWN[n])]
                  if n in KNOWN else []) for n, f in FUNCTIONS],
    ids=[n for n, _ in FUNCTIONS],
)
def test_bad_arguments_give_clean_errors(
    name: str, fn: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # save("abc") writes a file here
    escapes: List[str] = []

    @settings(max_examples=40, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(call=calls(fn))
    def check(call: Tuple[List[str], Dict[str, str]]) -> None:
        args, kwargs = call
        values = [MAKE[a]() for a in args]
        kw = {k: MAKE[v]() for k, v in kwargs.items()}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = escape(lambda: fn(*values, **kw))
        if found is not None:
            shown = ", ".join(args + [f"{k}={v}" for k, v in kwargs.items()])
            escapes.append(f"{name}({shown}): {found}")

    check()
    assert not escapes, "\n".join(sorted(set(escapes))[:15])
