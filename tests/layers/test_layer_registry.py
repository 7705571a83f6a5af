"""The layer registry holds: every exported layer has a spec, every spec an example, each class
matches its spec, and constructor arguments are validated from the spec (the message names
the class and the argument).
"""

from __future__ import annotations

import inspect
import math
import re
from typing import Any, Dict, List, Tuple

import numpy as np
import pytest

import typedflux as tf
import typedflux.layers as L
from typedflux.shapes.layers import LAYERS, ArgKind, LayerArgumentError, LayerSpec, activation_name

from layer_examples import EXAMPLES, Example

CONTAINER_NAMES = {"Chain", "SkipConnection", "Parallel", "Maxout", "PairwiseFusion"}


def _exported_layers() -> List[str]:
    return [n for n in L.__all__ if n != "Layer" and n not in CONTAINER_NAMES]


def test_every_exported_layer_has_a_spec() -> None:
    exported = set(_exported_layers())
    missing = sorted(exported - set(LAYERS))
    assert not missing, f"exported layers without a spec in typedflux/shapes: {missing}"
    orphans = sorted(set(LAYERS) - exported)
    assert not orphans, f"specs without an exported layer class: {orphans}"
    for name in exported:
        cls = getattr(tf, name)
        assert cls is getattr(L, name), f"tf.{name} is not typedflux.layers.{name}"
        assert cls.spec is LAYERS[name], f"{name}.spec is not LAYERS[{name!r}]"


def test_every_spec_has_an_example() -> None:
    missing = sorted(set(LAYERS) - set(EXAMPLES))
    assert not missing, f"add rows for {missing} to tests/layers/layer_examples.py"
    unknown = sorted(set(EXAMPLES) - set(LAYERS))
    assert not unknown, f"examples for layers without a spec: {unknown}"


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_constructor_signature_is_the_spec(name: str) -> None:
    spec = LAYERS[name]
    params = list(inspect.signature(getattr(tf, name).__init__).parameters.values())[1:]
    assert [p.name for p in params] == [q.name for q in spec.params]
    for p, q in zip(params, spec.params):
        if q.required:
            assert p.default is inspect.Parameter.empty, p.name
        elif q.kind is ArgKind.ACTIVATION:
            assert activation_name(p.default) == q.default, p.name
        else:
            assert p.default == q.default, p.name


EXAMPLE_ROWS = [(name, e) for name, es in EXAMPLES.items() for e in es]


@pytest.mark.parametrize("name,example", EXAMPLE_ROWS, ids=[e.text for _, e in EXAMPLE_ROWS])
def test_arguments_rebuild_the_layer(name: str, example: Example) -> None:
    """``_arguments`` says where each constructor argument lives: they rebuild the layer."""
    layer = eval(example.source, {"tf": tf})  # noqa: S307 - our own table
    again = type(layer)(*layer._arguments())
    assert repr(again) == repr(layer) == example.text
    assert again.config == layer.config


def _bad_values(kind: ArgKind, param: Any = None) -> List[Tuple[Any, type, str]]:
    """(bad value, exception type, what the message says is needed) per argument kind."""
    if kind is ArgKind.CHOICE:
        need = param.check(None)  # what the choice lists
        return [(3, TypeError, need), ("no such mode", ValueError, need)]
    if kind is ArgKind.SIZE:
        return [(0, LayerArgumentError, "an int >= 1"), (-1, LayerArgumentError, "an int >= 1"),
                ("3", TypeError, "an int"), (2.5, TypeError, "an int")]
    if kind in (ArgKind.WINDOW, ArgKind.OPTIONAL_WINDOW):
        return [(0, LayerArgumentError, "an int >= 1 or a pair of them"),
                ((1, 2, 3), TypeError, "an int or a pair of ints")]
    if kind is ArgKind.PADDING:
        return [(-1, LayerArgumentError, "an int >= 0 or a pair of them"),
                ("same", TypeError, "an int or a pair of ints")]
    if kind is ArgKind.CONV_PADDING:
        need = 'an int, a pair or a 4-tuple (top, bottom, left, right) of ints, or "same"'
        return [(-1, LayerArgumentError, 'an int >= 0, a pair or a 4-tuple of them, or "same"'),
                ((0, 1, -1, 0), LayerArgumentError,
                 'an int >= 0, a pair or a 4-tuple of them, or "same"'),
                ("valid", TypeError, need), ((1, 2, 3), TypeError, need),
                (1.5, TypeError, need)]
    if kind is ArgKind.ACTIVATION:
        return [("relu", TypeError, "a callable such as tf.relu")]
    if kind is ArgKind.FLAG:
        return [("yes", TypeError, "True or False")]
    if kind is ArgKind.MODE:
        return [("auto", TypeError, "None, True or False")]
    if kind is ArgKind.GENERATOR:
        need = "a numpy.random.Generator (np.random.default_rng(seed)) or None"
        return [(0, TypeError, need), (np.random.RandomState(0), TypeError, need),
                (np.random.Generator, TypeError, need)]
    return [("x", TypeError, "a real number"), (math.nan, ValueError, "a finite number")]


BAD = [
    (name, i, bad, exc, need)
    for name, spec in sorted(LAYERS.items())
    for i, p in enumerate(spec.params)
    for bad, exc, need in _bad_values(p.kind, p)
]


def _shown(value: Any) -> str:
    """A test id's repr of ``value`` without a memory address: the suite's worker processes
    (pytest-xdist) must collect the same ids."""
    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))


@pytest.mark.parametrize("name,index,bad,exc,need", BAD,
                         ids=[f"{n}-{LAYERS[n].params[i].name}={_shown(b)}"
                              for n, i, b, _, _ in BAD])
def test_bad_argument_names_class_and_argument(
    name: str, index: int, bad: Any, exc: type, need: str
) -> None:
    spec: LayerSpec = LAYERS[name]
    layer = eval(EXAMPLES[name][0].source, {"tf": tf})  # noqa: S307
    args = list(layer._arguments())
    args[index] = bad
    p = spec.params[index]
    with pytest.raises(exc) as info:
        type(layer)(*args)
    text = str(info.value)
    assert f'for "{name}": {p.name} = ' in text, text
    assert text.endswith(f"need {need}"), text


# The inputs issue 12 names, with their exact messages.
NONSENSE: List[Tuple[str, type, str]] = [
    ("tf.MultiHeadAttention(16, -4)", LayerArgumentError,
     'Invalid argument for "MultiHeadAttention": nheads = -4; need an int >= 1'),
    ("tf.MultiHeadAttention(64, 6)", LayerArgumentError,
     'Invalid arguments for "MultiHeadAttention": d = 64, nheads = 6; need d divisible by '
     "nheads (64 % 6 = 4)"),
    ("tf.AdaptiveMeanPool((0, 0))", LayerArgumentError,
     'Invalid argument for "AdaptiveMeanPool": out_hw = 0; need an int >= 1 or a pair of them'),
    ("tf.MaxPool((2, 2), pad=5)", LayerArgumentError,
     'Invalid arguments for "MaxPool": window = 2, pad = 5; need pad <= window // 2 on each '
     "axis (5 vs 1)"),
    ('tf.Dense(3, 2, "relu")', TypeError,
     "Wrong argument type for \"Dense\": activation = 'relu' (a str); need a callable such "
     "as tf.relu"),
    ("tf.Dense(-1, 3)", LayerArgumentError,
     'Invalid argument for "Dense": in_features = -1; need an int >= 1'),
    ("tf.Dropout(1.5)", ValueError,
     'Invalid argument for "Dropout": p = 1.5; need a probability in [0, 1]'),
    ("tf.BatchNorm(3, momentum=2)", ValueError,
     'Invalid argument for "BatchNorm": momentum = 2; need a number in [0, 1]'),
    ("tf.Chain(3)", TypeError,
     'Wrong argument type for "Chain": layer 1 = 3 (an int); need a layer or function (any '
     "callable)"),
    ("tf.Chain(enc=tf.Dense(2, 2), dec=None)", TypeError,
     'Wrong argument type for "Chain": dec = None (a NoneType); need a layer or function '
     "(any callable)"),
    ("tf.SkipConnection(tf.Dense(2, 2), 'add')", TypeError,
     "Wrong argument type for \"SkipConnection\": connection = 'add' (a str); need a layer "
     "or function (any callable)"),
    ("tf.Parallel(tf.cat, tf.Dense(2, 2), 4)", TypeError,
     'Wrong argument type for "Parallel": layer 2 = 4 (an int); need a layer or function '
     "(any callable)"),
]


@pytest.mark.parametrize("source,exc,text", NONSENSE, ids=[s for s, _, _ in NONSENSE])
def test_nonsense_constructors_are_refused(source: str, exc: type, text: str) -> None:
    with pytest.raises(exc) as info:
        eval(source, {"tf": tf})  # noqa: S307
    assert str(info.value) == text


def test_size_errors_are_value_errors_too() -> None:
    # A size no input could fix is a ShapeError (mypy reports it as [shape]) and so, like
    # every ShapeError, a ValueError for code that catches those.
    with pytest.raises(ValueError):
        tf.Dense(0, 3)


def test_numpy_ints_are_sizes() -> None:
    d = tf.Dense(np.int64(4), np.int32(3))
    assert repr(d) == "Dense(4 => 3)" and d(tf.ones(2, 4)).shape == (2, 3)


@pytest.mark.parametrize("name,example", EXAMPLE_ROWS, ids=[e.text for _, e in EXAMPLE_ROWS])
@pytest.mark.parametrize("bad", [None, [[1.0, 2.0]], "x"], ids=["None", "list", "str"])
def test_layers_called_on_non_tensors_raise_type_error(
    name: str, example: Example, bad: Any
) -> None:
    layer = eval(example.source, {"tf": tf})  # noqa: S307
    with pytest.raises(TypeError) as info:
        layer(bad)
    assert str(info.value).startswith(f'Wrong input type for "{example.text}": x = '), info.value
