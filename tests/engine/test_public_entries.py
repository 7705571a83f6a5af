"""The unary public functions that are their primitives' entry points themselves
(``Primitive.public``): the same name, docstring, signature, results, errors and gradients as
the definitions they replace, and foreign operands handed to ``engine.invoke.FOREIGN``."""

from __future__ import annotations

import inspect
from typing import Any, Tuple

import numpy as np
import pytest

import typedflux as tf
from typedflux.engine.invoke import FOREIGN
from typedflux.engine.primitive import REGISTRY

NAMES = ["exp", "log", "sqrt", "abs", "sin", "cos", "tanh", "sigmoid", "relu", "gelu", "swish",
         "softplus"]


@pytest.mark.parametrize("name", NAMES)
def test_the_public_function_is_the_entry_point_with_the_definitions_face(name: str) -> None:
    f = getattr(tf, name)
    d = f.__wrapped__
    assert f is REGISTRY[name].invoke and inspect.isfunction(d) and d is not f
    assert (f.__name__, f.__qualname__, f.__module__, f.__doc__) == (
        d.__name__, d.__qualname__, d.__module__, d.__doc__)
    assert f.__doc__ and ">>>" in f.__doc__
    assert str(inspect.signature(f)) == str(inspect.signature(d))


@pytest.mark.parametrize("name", NAMES)
def test_the_entry_point_gives_the_definitions_values_and_gradients(name: str) -> None:
    f = getattr(tf, name)
    d = f.__wrapped__
    x = tf.tensor([0.5, 1.5, 2.0])
    for arg in (x, tf.tensor([1, 2, 3]), 2.0, np.float32(0.5), tf.tensor(np.array([0.25, 3.0]))):
        a, b = f(arg), d(arg)
        assert type(a) is type(b) is tf.Tensor and a.dtype == b.dtype
        assert np.array_equal(a.numpy(), b.numpy())
    ga = tf.gradient(lambda t: f(t * 1.0).sum(), x)[0]
    gb = tf.gradient(lambda t: d(t * 1.0).sum(), x)[0]
    assert np.array_equal(ga.numpy(), gb.numpy())
    for bad in ("text", [0.5, 1.5]):
        with pytest.raises(TypeError) as e1:
            f(bad)
        with pytest.raises(TypeError) as e2:
            d(bad)
        assert str(e1.value) == str(e2.value) and name in str(e1.value)


def test_a_foreign_operand_goes_to_the_handler_and_a_tensor_never_does() -> None:
    seen = []

    def handler(name: str, args: Tuple[Any, ...]) -> Any:
        seen.append((name, args))
        return "handled" if args[0] == "mine" else NotImplemented

    assert FOREIGN[0] is None
    FOREIGN[0] = handler
    try:
        assert tf.exp("mine") == "handled"  # type: ignore[arg-type]
        y = tf.tanh(1.0)  # declined: the lane goes on as without a handler
        z = tf.relu(tf.tensor([-1.0, 2.0]))
    finally:
        FOREIGN[0] = None
    assert seen == [("exp", ("mine",)), ("tanh", (1.0,))]
    assert y.item() == pytest.approx(np.tanh(1.0))
    assert z.numpy().tolist() == [0.0, 2.0]
