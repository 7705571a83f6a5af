"""Messages of layers: an input a layer cannot take, Chain layers that do not compose,
constructor arguments out of range or of the wrong type, a call on a non-tensor.

>>> print(invalid_layer_argument("Dense", [("in_features", "-1")], "an int >= 1"))
Invalid argument for "Dense": in_features = -1; need an int >= 1
"""

from __future__ import annotations

from typing import Optional, Sequence, Tuple

from typedflux.shapes.dims import UNKNOWN, Star
from typedflux.shapes.messages.shape_text import fmt_dim, fmt_shape

__all__ = [
    "layer_input_mismatch",
    "chain_mismatch",
    "invalid_layer_argument",
    "wrong_layer_argument_type",
    "wrong_input_type",
    "layer_not_multiple",
    "initial_state_mismatch",
    "maxout_mismatch",
    "fusion_mismatch",
]


def layer_input_mismatch(
    layer_repr: str,
    expected: Sequence[object],
    got: Sequence[object],
    axis: Optional[int],
    position: Optional[int] = None,
) -> str:
    """A layer called on an input it cannot take; ``position`` (1-based) when inside a Chain.

    ``axis`` is the axis whose sizes differ (``None`` when the ranks differ).

    >>> print(layer_input_mismatch("Dense(784 => 32, relu)", (Star(), 784), (16, 100), -1))
    Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; need size 784 at axis -1 (got 100)
    >>> print(layer_input_mismatch("Conv((3, 3), 1 => 8)", (UNKNOWN, 1, UNKNOWN, UNKNOWN),
    ...       (16, 28, 28), None, position=1))
    Chain layer 1 Conv((3, 3), 1 => 8) expects input Tensor[?, 1, ?, ?], got Tensor[16, 28, 28]; need rank 4 (got 3)
    """
    where = f"Chain layer {position} " if position is not None else ""
    text = f"{where}{layer_repr} expects input {fmt_shape(expected)}, got {fmt_shape(got)}"
    if axis is not None:
        text += f"; need size {fmt_dim(expected[axis])} at axis {axis} (got {fmt_dim(got[axis])})"
    elif not any(isinstance(d, Star) for d in expected):
        text += f"; need rank {len(expected)} (got {len(got)})"
    return text


def chain_mismatch(
    position: int,
    layer_repr: str,
    expected: Sequence[object],
    prev_position: int,
    prev_repr: str,
    produced: Sequence[object],
    hint: Optional[str] = None,
) -> str:
    """Adjacent layers of a Chain that do not compose (docs/design.md's example, exactly).

    ``hint`` is the fix without punctuation, e.g. ``"change Dense(64 => 10) to Dense(32 => 10)"``.

    >>> from typedflux.shapes.dims import sym
    >>> print(chain_mismatch(2, "Dense(64 => 10)", (Star(), 64), 1, "Dense(784 => 32, relu)",
    ...       (sym("B"), 32), "change Dense(64 => 10) to Dense(32 => 10)"))
    Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)
    """
    text = (
        f"Chain layer {position} {layer_repr} expects input {fmt_shape(expected)}, "
        f"but layer {prev_position} {prev_repr} produces {fmt_shape(produced)}"
    )
    if hint:
        text += f"; {hint}"
    return text


def invalid_layer_argument(layer: str, values: Sequence[Tuple[str, str]], need: str) -> str:
    """A layer constructor argument out of range, or arguments that do not fit together.

    ``values`` are ``(argument, value text)`` pairs; ``need`` says what would be valid.

    >>> print(invalid_layer_argument("Dense", [("in_features", "-1")], "an int >= 1"))
    Invalid argument for "Dense": in_features = -1; need an int >= 1
    >>> print(invalid_layer_argument("MultiHeadAttention", [("d", "64"), ("nheads", "6")],
    ...                              "d divisible by nheads (64 % 6 = 4)"))
    Invalid arguments for "MultiHeadAttention": d = 64, nheads = 6; need d divisible by nheads (64 % 6 = 4)
    """
    noun = "argument" if len(values) == 1 else "arguments"
    given = ", ".join(f"{name} = {text}" for name, text in values)
    return f'Invalid {noun} for "{layer}": {given}; need {need}'


def wrong_layer_argument_type(layer: str, name: str, value: object, need: str) -> str:
    """A layer constructor argument of the wrong type.

    >>> print(wrong_layer_argument_type("Dense", "activation", "relu", "a callable such as tf.relu"))
    Wrong argument type for "Dense": activation = 'relu' (a str); need a callable such as tf.relu
    """
    return (
        f'Wrong argument type for "{layer}": {name} = {value!r} '
        f"({_article(type(value).__name__)}); need {need}"
    )


def wrong_input_type(layer: str, value: object) -> str:
    """A layer called on something that is not a tensor (``None``, a list).

    >>> print(wrong_input_type("Dense(2 => 3)", None))
    Wrong input type for "Dense(2 => 3)": x = None (a NoneType); need a Tensor (tf.tensor(data) makes one)
    """
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return (
        f'Wrong input type for "{layer}": x = {shown} ({_article(type(value).__name__)}); '
        "need a Tensor (tf.tensor(data) makes one)"
    )


def layer_not_multiple(layer: str, shape: Sequence[object], need: str) -> str:
    """A layer whose input does not divide as it must: ``PixelShuffle``'s channels by
    ``r^2``, a nearest ``Upsample``'s output size by the input size.

    >>> print(layer_not_multiple("PixelShuffle(2)", (2, 6, 4, 4),
    ...                          "the size at axis 1 divisible by r^2 = 4 (6 % 4 = 2)"))
    Cannot fit the input of "PixelShuffle(2)": x has Tensor[2, 6, 4, 4]; need the size at axis 1 divisible by r^2 = 4 (6 % 4 = 2)
    """
    return f'Cannot fit the input of "{layer}": x has {fmt_shape(shape)}; need {need}'


def initial_state_mismatch(layer: str, name: str, state: Sequence[object],
                           x: Sequence[object], expected: Sequence[object], why: str) -> str:
    """A recurrent layer's initial state that does not fit the layer or its input:
    ``expected`` is the per-sequence form (``Tensor[B, H]``); ``Tensor[H]`` fits too.

    >>> print(initial_state_mismatch("LSTM(3 => 5)", "h0", (2, 4), (2, 7, 3), (2, 5),
    ...                              "size 5 at axis -1, got 4"))
    Initial state does not fit "LSTM(3 => 5)": h0 has Tensor[2, 4], x has Tensor[2, 7, 3]; need h0 of Tensor[2, 5] or Tensor[5] (size 5 at axis -1, got 4)
    """
    return (
        f'Initial state does not fit "{layer}": {name} has {fmt_shape(state)}, x has '
        f"{fmt_shape(x)}; need {name} of {fmt_shape(expected)} or "
        f"{fmt_shape(tuple(expected)[-1:])} ({why})"
    )


def maxout_mismatch(maxout: str, position: int, message: str) -> str:
    """A ``Maxout`` whose layers cannot give one shape: ``position`` 0 when their outputs
    cannot be compared, else the layer that cannot take the input the others take.

    >>> print(maxout_mismatch("Maxout(Dense(5 => 7), Dense(4 => 7))", 2,
    ...                       "Dense(4 => 7) expects input Tensor[..., 4], got Tensor[B, 5]"))
    Maxout(Dense(5 => 7), Dense(4 => 7)) cannot give layer 2 the input the others take: Dense(4 => 7) expects input Tensor[..., 4], got Tensor[B, 5]
    """
    if position == 0:
        return f"{maxout} cannot compare its layers' outputs: {message}"
    return f"{maxout} cannot give layer {position} the input the others take: {message}"


def fusion_mismatch(fusion: str, position: int, message: str) -> str:
    """A ``PairwiseFusion`` whose connection's result (the previous output fused with the
    next input) does not fit layer ``position``, or cannot be made.

    >>> print(fusion_mismatch("PairwiseFusion(cat, Dense(4 => 4), Dense(4 => 2))", 2,
    ...                       "Dense(4 => 2) expects input Tensor[..., 4], got Tensor[B, 8]"))
    PairwiseFusion(cat, Dense(4 => 4), Dense(4 => 2)) cannot fuse into layer 2: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[B, 8]
    """
    return f"{fusion} cannot fuse into layer {position}: {message}"


def _article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun
