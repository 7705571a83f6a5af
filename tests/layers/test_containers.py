"""Containers at run time: any callable is a layer, user layers are held to their annotations,
containers are checked where built, and deep nesting needs no recursion."""

from __future__ import annotations

import re
import sys
from typing import Any, List, TypeVar

import numpy as np
import pytest

import typedflux as tf
from typedflux import Tensor
from typedflux.layers.callables import layer_repr, signature_of
from typedflux.shapes.errors import ReturnMismatch

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@pytest.fixture
def default_recursion_limit() -> Any:
    """Python's default limit (other tests, mypy's runs, raise it): what users have."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)
    yield
    sys.setrecursionlimit(old)


def test_a_chain_nested_1000_deep_builds_prints_and_runs(default_recursion_limit: Any) -> None:
    model: Any = tf.Dense(2, 2)
    for _ in range(1000):
        model = tf.Chain(model)
    text = repr(model)
    assert text.startswith("Chain(Chain(") and text.endswith("Dense(2 => 2)" + ")" * 1000)
    assert model(tf.ones(3, 2)).shape == (3, 2)
    assert tf.outputsize(model, (3, 2)) == (3, 2)
    assert str(tf.summary(model, (3, 2))).splitlines()[-1] == "Total: 6 parameters (6 trainable)"
    with pytest.raises(tf.ShapeError) as info:
        model(tf.ones(3, 5))
    message = str(info.value)
    assert message.endswith("need size 2 at axis -1 (got 5)" + "\n  input to layer 1: Tensor[3, 5]"
                            * message.count("input to layer 1"))
    assert re.search(r"\.\.\. \d+ more Chains \.\.\.: ", message) and len(message) < 5000


def test_a_deep_chain_with_a_fault_inside_fails_where_built(default_recursion_limit: Any) -> None:
    inner: Any = tf.Chain(tf.Dense(4, 3))
    for _ in range(300):
        inner = tf.Chain(inner)
    with pytest.raises(tf.ShapeError, match=r"Chain layer 2 Chain\(Chain\("):
        tf.Chain(tf.Dense(2, 2), inner)


class Counting:
    """A user layer that records its calls (so a test can see it never ran)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, x: Tensor[B, 64]) -> Tensor[B, 64]:
        self.calls += 1
        return x


def test_a_user_layer_is_held_to_its_annotation_before_it_runs() -> None:
    layer = Counting()
    model = tf.Chain(tf.Dense(4, 64), layer, tf.Dense(64, 2))
    assert model(tf.ones(3, 4)).shape == (3, 2) and layer.calls == 1
    late = tf.Chain(tf.Conv((3, 3), 1, 1), tf.Flatten(), layer)
    with pytest.raises(tf.ShapeError) as info:
        late(tf.ones(2, 1, 5, 5))
    assert layer.calls == 1
    assert str(info.value) == (
        'Chain layer 3 Counting(): Argument "x" of "Counting.__call__" has shape Tensor[2, 9], '
        "which does not match the annotation Tensor[B, 64]: axis 1 is 9, expected 64\n  B=2\n"
        "  input to layer 3: Tensor[2, 9]"
    )


def test_a_user_layer_that_breaks_its_own_annotation_is_named() -> None:
    class Liar:
        def __call__(self, x: Tensor[B, 4]) -> Tensor[B, 4]:
            return x[:, :2]

    model = tf.Chain(Liar(), tf.Dense(4, 1))
    with pytest.raises(ReturnMismatch) as info:
        model(tf.ones(3, 4))
    # Its result is held to its return annotation (as mypy holds the body's return, in these
    # words, with no Chain prefix), before the next layer sees it.
    assert str(info.value) == ("Return shape Tensor[3, 2] does not match the annotation "
                               "Tensor[B, 4]: axis 1 is 2, expected 4\n  B=3")
    assert info.value.function is Liar.__call__


def test_an_error_inside_a_layer_keeps_its_line_and_a_composition_error_does_not() -> None:
    import traceback

    class RMSNorm:
        def __call__(self, x: Tensor[B, 3, 4]) -> Tensor[B, 3, 4]:
            return x / (x * x).mean(axis=-1)  # (keepdims lost: fails for every size)

    def lines(err: BaseException) -> List[int]:
        return [f.lineno or 0 for f in traceback.extract_tb(err.__traceback__)
                if f.filename == __file__]

    body_line = RMSNorm.__call__.__code__.co_firstlineno + 1
    # An annotated __call__'s body: mypy reports it on that line in the op's own words (the
    # body is checked on its own), and so does the run time, at any depth of Chains.
    for model in (tf.Chain(RMSNorm(), tf.Dense(4, 2)),
                  tf.Chain(tf.Dense(4, 4), tf.Chain(RMSNorm(), tf.Dense(4, 2)))):
        with pytest.raises(tf.ShapeError) as info:
            model(tf.ones(2, 3, 4))
        assert str(info.value).startswith('Cannot broadcast for "div": x has Tensor[2, 3, 4]')
        assert lines(info.value)[-1] == body_line

    # A lambda's body: mypy runs it where the Chain is called and names its position; the
    # run time's traceback still ends on the lambda's line.
    halve = tf.Chain(tf.Dense(4, 6), lambda h: h / h.mean(axis=-1))
    lambda_line = halve.layers[1].__code__.co_firstlineno
    with pytest.raises(tf.ShapeError) as info:
        halve(tf.ones(3, 4))
    assert str(info.value).startswith('Chain layer 2 <lambda>: Cannot broadcast for "div"')
    assert lines(info.value)[-1] == lambda_line and info.value.__suppress_context__

    with pytest.raises(tf.ShapeError) as info:
        tf.Chain(tf.Dense(4, 3), tf.Dense(3, 2))(tf.ones(2, 5))
    assert str(info.value).startswith("Chain layer 1 Dense(4 => 3) expects input")
    # (the Chain's own error: raised at its call, with no frame of the layers' internals)
    assert traceback.extract_tb(info.value.__traceback__)[-1].name == "__call__"


def test_user_connections_are_checked_before_they_run() -> None:
    calls: List[int] = []

    def mix(a: Tensor[B, N], b: Tensor[B, N]) -> Tensor[B, N]:
        calls.append(1)
        return a + b

    par = tf.Parallel(mix, tf.Dense(4, 3), tf.identity)
    with pytest.raises(tf.ShapeError, match=r'Dim "N" differs for ".*mix"'):
        par(tf.ones(2, 4))
    assert calls == []
    assert tf.Parallel(mix, tf.Dense(4, 4), tf.identity)(tf.ones(2, 4)).shape == (2, 4)


def test_template_names_prove_nothing() -> None:
    # Embedding's template (B, T): Flatten gives 16*T, which T = 4 makes 64. Built fine;
    # the call with T = 3 is the error.
    model = tf.Chain(tf.Embedding(100, 16), tf.Flatten(), tf.Dense(64, 10))
    assert model(tf.zeros(2, 4, dtype=tf.int64)).shape == (2, 10)
    with pytest.raises(tf.ShapeError, match=r"Dense\(64 => 10\) expects input .* produces Tensor\[2, 48\]"):
        model(tf.zeros(2, 3, dtype=tf.int64))


def test_containers_fail_where_built() -> None:
    with pytest.raises(tf.ShapeError, match=r"^SkipConnection\(Dense\(4 => 3\), add\) cannot join"):
        tf.SkipConnection(tf.Dense(4, 3), tf.add)
    with pytest.raises(tf.ShapeError, match=r"^Parallel\(add, Dense\(4 => 3\), Dense\(4 => 2\)\)"):
        tf.Parallel(tf.add, tf.Dense(4, 3), tf.Dense(4, 2))
    # Parallel branches with inputs of their own are fine when called with one input each.
    both = tf.Parallel(tf.cat, tf.Dense(4, 3), tf.Dense(5, 3))
    assert both(tf.ones(2, 4), tf.ones(2, 5)).shape == (2, 6)


def test_callables_are_named_as_the_plugin_names_them() -> None:
    assert layer_repr(Counting()) == "Counting()"
    assert layer_repr(lambda x: x) == "<lambda>"
    assert layer_repr(tf.relu) == "relu"
    assert repr(tf.Chain(tf.Dense(2, 64), Counting())) == "Chain(Dense(2 => 64), Counting())"

    class Named:
        def __repr__(self) -> str:
            return "Named!"

        def __call__(self, x: Any) -> Any:
            return x

    assert layer_repr(Named()) == "Named!"


def test_signatures_are_read_like_shapecheck() -> None:
    def head(x: Tensor[B, 8]) -> Tensor[B, 2]:
        return x[:, :2]

    sig = signature_of(head)
    assert sig is not None and sig.name.endswith("head")
    assert sig.rule()([(3, 8)]) == (3, 2)
    assert signature_of(tf.identity) is not None and signature_of(tf.identity).passthrough  # type: ignore[union-attr]
    assert signature_of(lambda x: x) is None
    assert signature_of(np.sum) is None


def test_parallel_is_called_through_a_chain_with_one_input() -> None:
    model = tf.Chain(tf.Dense(3, 4), tf.Parallel(tf.add, tf.identity, tf.Dense(4, 4)))
    assert model(tf.ones(2, 3)).shape == (2, 4)
    with pytest.raises(tf.ShapeError, match=r"^Chain layer 2 Parallel\(add, identity, Dense"):
        tf.Chain(tf.Dense(3, 4), tf.Parallel(tf.add, tf.identity, tf.Dense(4, 2)))
