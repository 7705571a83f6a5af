"""The options added with issue 14, fed wrong values: every keyword of every exported layer
(groups, pad="same", outpad, mode, size, affine, return_state, ...), recurrent initial states,
every hyperparameter of every optimiser rule (found as the ``Rule`` subclasses in
``typedflux.__all__``) followed by two updates, and every schedule's arguments and steps. The
outcome is a result or a clean error (``oracle.py``); after an accepted rule's two updates the
parameters are finite unless the error said why.
"""

from __future__ import annotations

import inspect
import warnings
from typing import Any, Callable, Dict, List, Tuple

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf
from oracle import escape
from pool import POOL
from typedflux.optimise.rules import Rule
from typedflux.optimise.schedules import Schedule
from zoo import input_for, layer_names

# Extra values for options: strings a mode or pad might be, pairs and quads, a bad pair.
EXTRA: List[Tuple[str, Callable[[], Any]]] = [
    ("same", lambda: "same"), ("SAME", lambda: "SAME"), ("bilinear", lambda: "bilinear"),
    ("quad", lambda: (1, 0, 1, 0)), ("triple", lambda: (1, 1, 1)), ("neg pair", lambda: (-1, 2)),
    ("pair of pairs", lambda: ((1, 1), (1, 1))), ("huge pair", lambda: (2**40, 2**40)),
    ("negative float", lambda: -0.5), ("big float", lambda: 1e300),
]
VALUES = POOL + EXTRA

# layer -> reason: a keyword whose wrong values still escape (strict xfail; delete when fixed).
KNOWN_KEYWORDS: Dict[str, str] = {}


def _keywords(name: str) -> List[str]:
    params = inspect.signature(getattr(tf, name)).parameters.values()
    return [p.name for p in params if p.default is not p.empty
            and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]


# name -> (positional args, every keyword's valid value, input shape): the layer the
# keywords are tried on (a valid value for each, so one wrong value at a time is the cause).
OPTIONS: Dict[str, Tuple[Tuple[Any, ...], Dict[str, Any], Tuple[int, ...]]] = {
    "Dense": ((3, 2), dict(activation=tf.relu, bias=True), (4, 3)),
    "Dropout": ((0.5,), dict(training=True), (4, 3)),
    "Conv": (((3, 3), 4, 4), dict(activation=tf.relu, stride=1, pad="same", dilation=1,
                                  bias=True, groups=2), (2, 4, 6, 6)),
    "ConvTranspose": (((3, 3), 4, 4), dict(activation=tf.relu, stride=2, pad=1, dilation=1,
                                           bias=True, groups=2, outpad=1), (2, 4, 5, 5)),
    "MaxPool": (((2, 2),), dict(stride=2, pad=1), (2, 2, 6, 6)),
    "MeanPool": (((2, 2),), dict(stride=1, pad=1), (2, 2, 6, 6)),
    "BatchNorm": ((3,), dict(activation=tf.relu, eps=1e-5, momentum=0.1, training=True),
                  (4, 3, 2, 2)),
    "LayerNorm": ((5,), dict(eps=1e-5), (2, 3, 5)),
    "GroupNorm": ((4, 2), dict(activation=tf.relu, affine=True, eps=1e-5), (2, 4, 3, 3)),
    "InstanceNorm": ((3,), dict(activation=tf.relu, affine=True, track_stats=True, eps=1e-5,
                                momentum=0.1, training=True), (2, 3, 4, 4)),
    "Upsample": ((), dict(scale=2, mode="bilinear", size=None, align_corners=True),
                 (2, 3, 3, 4)),
    "Bilinear": ((4, 4, 2), dict(activation=tf.tanh, bias=True), (3, 4)),
    "RNN": ((3, 4), dict(return_state=True), (2, 5, 3)),
    "LSTM": ((3, 4), dict(return_state=True), (2, 5, 3)),
    "GRU": ((3, 4), dict(return_state=True), (2, 5, 3)),
    "MultiHeadAttention": ((4,), dict(nheads=2), (2, 5, 4)),
}


def test_every_layer_with_keywords_has_options_here() -> None:
    assert sorted(n for n in layer_names() if _keywords(n)) == sorted(OPTIONS)


KEYWORD_LAYERS = sorted(OPTIONS)


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_KEYWORDS[n])]
                  if n in KNOWN_KEYWORDS else []) for n in KEYWORD_LAYERS],
)
def test_layer_keywords_with_wrong_values(name: str) -> None:
    args, valid, shape = OPTIONS[name]
    cls = getattr(tf, name)
    x = input_for(shape, np.float32)
    assert cls(*args, **valid)(x) is not None  # the valid layer works
    escapes: List[str] = []
    for key in _keywords(name):
        for label, make in VALUES:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = escape(lambda: cls(*args, **{**valid, key: make()})(x))
            if found is not None:
                escapes.append(f"{name}({key}={label}): {found}")
    assert not escapes, "\n".join(escapes[:15])


# Sizes where a small output can hide a huge padded intermediate (pad="same" with a huge
# dilation, a huge pad with a huge stride): one keyword at a time never builds these.
_SIZES = st.sampled_from([1, 2, 3, 2**20, 2**31, 2**40, 2**62])


@settings(max_examples=60, derandomize=True, deadline=None, database=None)
@given(transpose=st.booleans(), k=st.integers(1, 3), stride=_SIZES, dilation=_SIZES,
       pad=st.one_of(st.just("same"), _SIZES, st.just(0)))
def test_conv_huge_keyword_combinations(transpose: bool, k: int, stride: int, dilation: int,
                                        pad: Any) -> None:
    cls = tf.ConvTranspose if transpose else tf.Conv
    x = tf.randn(2, 4, 6, 6)
    call = lambda: cls((k, k), 4, 4, stride=stride, pad=pad, dilation=dilation)(x)  # noqa: E731
    assert escape(call) is None
    try:
        call()
    except MemoryError as err:  # numpy's own MemoryError ("Unable to allocate") aside
        assert str(err).startswith(cls.__name__) or "Unable to allocate" in str(err), err
    except (TypeError, ValueError):
        pass


def test_conv_padded_intermediate_too_large_names_the_layer() -> None:
    x = tf.randn(2, 4, 6, 6)
    with pytest.raises(MemoryError, match=r"^Conv\(\(3, 3\), 4 => 4, pad=4611686018427387904, "
                       r"dilation=4611686018427387904\) would make a padded intermediate"):
        tf.Conv((3, 3), 4, 4, pad="same", dilation=2**62)(x)
    with pytest.raises(MemoryError, match=r"^ConvTranspose.* would make a padded intermediate"):
        tf.ConvTranspose((2, 2), 4, 4, pad="same", dilation=2**31)(x)
    assert tf.Conv((1, 1), 4, 4, pad=100, stride=100)(x).shape == (2, 4, 3, 3)


RECURRENT = [n for n in layer_names() if hasattr(getattr(tf, n), "initialstates")]


@pytest.mark.parametrize("name", RECURRENT)
@pytest.mark.parametrize("return_state", [False, True])
def test_recurrent_initial_states(name: str, return_state: bool) -> None:
    layer = getattr(tf, name)(3, 4, return_state=return_state)
    x = tf.randn(2, 5, 3)
    states: List[Tuple[str, Any]] = [(label, make()) for label, make in POOL] + [
        ("(B, hidden)", tf.zeros(2, 4)), ("(hidden)", tf.zeros(4)), ("wrong batch", tf.zeros(3, 4)),
        ("wrong width", tf.zeros(5)), ("rank 3", tf.zeros(2, 2, 4)), ("float64", tf.zeros(4, dtype=np.float64)),
        ("int", tf.tensor(np.zeros(4, np.int64))), ("pair", (tf.zeros(4), tf.zeros(4))),
        ("one of a pair", (tf.zeros(4),)), ("pair with None", (tf.zeros(4), None)),
        ("pair of widths", (tf.zeros(4), tf.zeros(5))), ("list pair", [tf.zeros(4), tf.zeros(4)]),
        ("empty batch", tf.zeros(0, 4)), ("initialstates", layer.initialstates()),
    ]
    escapes: List[str] = []
    for label, state in states:
        for seq in (x, tf.zeros(2, 0, 3)):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = escape(lambda: layer(seq, state))
            if found is not None:
                escapes.append(f"{name}(return_state={return_state})(x, {label}): {found}")
    for label, make in POOL:
        found = escape(lambda: tf.initialstates(make()))
        if found is not None:
            escapes.append(f"initialstates({label}): {found}")
    assert not escapes, "\n".join(escapes[:15])


RULES = [n for n in tf.__all__ if inspect.isclass(getattr(tf, n)) and issubclass(getattr(tf, n), Rule)]
# Rules that wrap others: given a valid inner rule, their own arguments are the ones tried.
WRAPPED: Dict[str, Callable[[Any], Any]] = {
    "OptimiserChain": lambda bad: tf.OptimiserChain(tf.ClipNorm(1.0), bad),
    "Scheduler": lambda bad: tf.Scheduler(tf.Adam(), eta=bad),
}


def _two_steps(rule: Any) -> None:
    model = tf.Chain(tf.Dense(3, 4, tf.tanh), tf.Dense(4, 2))
    state = tf.setup(rule, model)

    def step() -> Any:
        (g,) = tf.gradient(lambda m: (m(tf.ones(5, 3)) ** 2).sum(), model)
        return tf.update(state, model, g)[0]

    state = step()
    state = step()
    if not all(np.isfinite(p.numpy()).all() for p in tf.params(model)):
        # A step that overflowed (eta=1e300) is refused by the next update, naming the
        # parameter (NonFiniteError): training cannot go on with it silently.
        step()
        raise AssertionError(f"{rule!r}: an update went on from non-finite parameters")


@pytest.mark.parametrize("name", RULES)
def test_rule_hyperparameters_with_wrong_values(name: str) -> None:
    cls = getattr(tf, name)
    escapes: List[str] = []
    values = VALUES + [("beta of 1", lambda: (1.0, 0.9)), ("beta above 1", lambda: (0.9, 1.5)),
                       ("beta of nan", lambda: (float("nan"), 0.9)), ("beta strs", lambda: ("a", "b"))]
    if name in WRAPPED:
        calls = [(f"{label}", (lambda make=make: WRAPPED[name](make()))) for label, make in values]
    else:
        base = {"n": 2} if name == "AccumGrad" else {}
        calls = [(f"{key}={label}", (lambda key=key, make=make: cls(**{**base, key: make()})))
                 for key in inspect.signature(cls).parameters for label, make in values]
    for shown, build in calls:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = escape(lambda: _two_steps(build()))
        if found is not None:
            escapes.append(f"{name}({shown}): {found}")
    assert not escapes, "\n".join(escapes[:15])


SCHEDULES = {n: getattr(tf.schedules, n) for n in tf.schedules.__all__
             if inspect.isclass(getattr(tf.schedules, n))
             and issubclass(getattr(tf.schedules, n), Schedule) and n != "Schedule"}
SCHEDULE_ARGS: Dict[str, Tuple[Any, ...]] = {
    "Constant": (0.1,), "Step": (1.0, 0.5, 2), "Exp": (1.0, 0.5), "CosAnneal": (1.0, 0.1, 4),
    "Linear": (0.0, 1.0, 4), "Sequence": ((tf.schedules.Constant(1.0), 2),
                                          (tf.schedules.Exp(1.0, 0.5), 3)),
}


def test_every_schedule_has_arguments_here() -> None:
    assert sorted(SCHEDULES) == sorted(SCHEDULE_ARGS)


@pytest.mark.parametrize("name", sorted(SCHEDULES))
def test_schedule_arguments_and_steps(name: str) -> None:
    cls = SCHEDULES[name]
    args = SCHEDULE_ARGS[name]
    escapes: List[str] = []
    values = VALUES + [("stage of 0 steps", lambda: (tf.schedules.Constant(1.0), 0)),
                       ("stage of a number", lambda: (1.0, 2)), ("growth", lambda: 1e300)]
    for i in range(len(args)):
        for label, make in values:
            a = list(args)
            a[i] = make()
            found = escape(lambda: [cls(*a)(t) for t in (1, 2, 3, 1000)])
            if found is not None:
                escapes.append(f"{name}(args[{i}]={label}): {found}")
    for label, make in POOL:
        found = escape(lambda: cls(*args)(make()))
        if found is not None:
            escapes.append(f"{name}(...)(t={label}): {found}")
    assert not escapes, "\n".join(escapes[:15])


def test_growing_schedules_reach_inf_not_an_overflow_error() -> None:
    assert tf.schedules.Exp(1.0, 1e300)(5) == float("inf")
    assert tf.schedules.Step(1.0, 1e300, 1)(5) == float("inf")
