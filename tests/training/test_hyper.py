"""Every rule's hyperparameters are declared once (hyper.py) and checked on construction and
on adjust: a bad value is a TypeError/ValueError naming the class and the argument."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, List

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf
from typedflux import optimise
from typedflux.optimise.hyper import REQUIRED, Hyper, hyperparameters, table

RULES: List[type] = sorted(
    (c for c in vars(optimise).values()
     if isinstance(c, type) and issubclass(c, optimise.Rule) and dataclasses.is_dataclass(c)),
    key=lambda c: optimise.__all__.index(c.__name__),
)
REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "reference.md"


def _make(cls: type, **kw: Any) -> Any:
    required = {n: 2 for n, _, d in hyperparameters(cls) if d is REQUIRED and n not in kw}
    return cls(**required, **kw)


def test_every_exported_rule_is_declared() -> None:
    assert len(RULES) >= 19
    for cls in RULES:
        assert hyperparameters(cls), cls  # (raises if a field lacks a Hyper)
        _make(cls)  # defaults are valid


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda: tf.Descent("a"), TypeError, "Descent: eta (learning rate) must be a real number >= 0, got 'a'"),
        (lambda: tf.Adam(epsilon=-1), ValueError, "Adam: epsilon (added against division by 0) must be a real number >= 0, got -1"),
        (lambda: tf.Momentum(rho=2), ValueError, "Momentum: rho (momentum) must be a real number in [0, 1), got 2"),
        (lambda: tf.ClipNorm(-1), ValueError, "ClipNorm: omega (largest norm allowed) must be a real number >= 0, got -1"),
        (lambda: tf.Adam(beta=0.9), TypeError, "Adam: beta (decays of the first and second moments) must be a pair of real numbers in [0, 1), got 0.9"),
        (lambda: tf.Adam(beta=(0.9, 1.0)), ValueError, "Adam: beta (decays of the first and second moments) must be a pair of real numbers in [0, 1), got (0.9, 1.0)"),
        (lambda: tf.RMSProp(centred="yes"), TypeError, "RMSProp: centred (switch) must be True or False, got 'yes'"),
        (lambda: tf.AccumGrad(0), ValueError, "AccumGrad: n (number of steps) must be an int >= 1, got 0"),
        (lambda: tf.AccumGrad(2.0), TypeError, "AccumGrad: n (number of steps) must be an int >= 1, got 2.0"),
        (lambda: tf.Descent(float("nan")), ValueError, "Descent: eta (learning rate) must be a real number >= 0, got nan"),
        (lambda: tf.Descent(True), TypeError, "Descent: eta (learning rate) must be a real number >= 0, got True"),
        (lambda: tf.ClipNorm(1.0, p=0), ValueError, "ClipNorm: p (order of the norm) must be a real number > 0 (inf allowed), got 0"),
    ],
)
def test_issue_examples(make: Any, error: type, message: str) -> None:
    with pytest.raises(error) as info:
        make()
    assert str(info.value) == message


def test_inf_norm_order_and_numpy_numbers_are_accepted() -> None:
    assert tf.ClipNorm(1.0, p=np.inf).p == float("inf")
    d = tf.Descent(np.float32(0.5))
    assert type(d.eta) is float and repr(d) == "Descent(eta=0.5)"
    assert tf.Adam(beta=[0.8, 0.9]).beta == (0.8, 0.9)  # a list becomes the tuple it prints as


def _bad_values(h: Hyper) -> List[Any]:
    if h.kind == "bool":
        return ["x", 1.5, None]
    bad: List[Any] = ["x", None, float("nan")]
    if h.low is not None:
        bad.append(h.low - 1)
    if h.high is not None:
        bad.append(h.high if h.open_high else h.high + 1)
    if h.kind == "pair":
        return [0.5, (0.5,), ("a", 0.5)] + [(0.5, b) for b in bad if b is not None]
    if h.kind == "int":
        bad.append(1.5)
    return bad


CASES = [(cls, name, h) for cls in RULES for name, h, _ in hyperparameters(cls)]


@pytest.mark.parametrize("cls, name, h", CASES, ids=[f"{c.__name__}.{n}" for c, n, _ in CASES])
def test_every_hyperparameter_refuses_bad_values_naming_class_and_argument(cls: type, name: str, h: Hyper) -> None:
    for bad in _bad_values(h):
        with pytest.raises((TypeError, ValueError)) as info:
            _make(cls, **{name: bad})
        assert str(info.value).startswith(f"{cls.__name__}: {name} ({h.doc}) must be "), info.value


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.floats(allow_nan=True), st.integers(-5, 5), st.text(max_size=3), st.none()))
def test_rho_is_in_unit_interval_or_refused(value: Any) -> None:
    try:
        m = tf.Momentum(rho=value)
    except (TypeError, ValueError) as e:
        assert str(e).startswith("Momentum: rho (momentum) must be a real number in [0, 1), got ")
    else:
        assert 0 <= m.rho < 1 and type(m.rho) is float


def test_adjust_validates_too() -> None:
    state = tf.setup(tf.OptimiserChain(tf.ClipGrad(1.0), tf.Adam()), {"w": tf.ones(2)})
    with pytest.raises(ValueError, match=r"Adam: eta \(learning rate\) must be a real number >= 0, got -0.1"):
        tf.adjust(state, eta=-0.1)
    assert state["w"].rule.rules[1].eta == 0.001  # unchanged


def test_the_reference_table_is_generated_from_the_declarations() -> None:
    text = REFERENCE.read_text()
    want = table(RULES)
    assert want in text, "docs/reference.md's hyperparameter table is stale; paste:\n" + want
    # Every rule appears in it.
    for cls in RULES:
        assert re.search(rf"^\| `{cls.__name__}` \|", want, re.M)
