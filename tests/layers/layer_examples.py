"""Examples of every layer, keyed by spec name: the one list a new layer adds a row to.

Each example is the constructor as source text (evaluated with ``tf`` in scope, and the same
text is type-checked with the plugin), an input shape and the pinned Flux-style repr. The
tests derived from it (``test_layer_registry.py``, ``test_layers.py``,
``tests/test_layer_static_agreement.py``) check, for every layer: the repr, ``outputsize``
against the real forward, a float64 gradient check, the static type against the forward,
the constructor's argument validation, and that the spec matches the class.

A meta-test fails, naming the layer, when a spec in ``LAYERS`` has no example here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple


@dataclass(frozen=True)
class Example:
    """``source`` builds the layer; ``shape`` is an input; ``text`` the expected repr;
    ``ints``: the input holds token ids (int64), not floats."""

    source: str
    shape: Tuple[int, ...]
    text: str
    ints: bool = False


EXAMPLES: Dict[str, List[Example]] = {
    "Dense": [
        Example("tf.Dense(4, 3, tf.tanh)", (2, 4), "Dense(4 => 3, tanh)"),
        Example("tf.Dense(4, 3, bias=False)", (2, 4), "Dense(4 => 3, bias=False)"),
        Example("tf.Dense(4, 3, tf.gelu)", (2, 5, 4), "Dense(4 => 3, gelu)"),
        Example("tf.Dense(4, 3, tf.sigmoid)", (4,), "Dense(4 => 3, sigmoid)"),
        Example("tf.Dense(16 * 5 * 5, 12)", (3, 400), "Dense(400 => 12)"),
    ],
    "Flatten": [Example("tf.Flatten()", (2, 3, 2, 2), "Flatten()")],
    "Dropout": [Example("tf.Dropout(0.5)", (3, 4), "Dropout(0.5)")],
    "Embedding": [Example("tf.Embedding(10, 4)", (2, 3), "Embedding(10 => 4)", ints=True)],
    "Conv": [
        Example("tf.Conv((3, 3), 2, 3, tf.relu)", (2, 2, 6, 6), "Conv((3, 3), 2 => 3, relu)"),
        Example("tf.Conv((3, 2), 2, 3, stride=2, pad=1, dilation=(1, 2))", (2, 2, 7, 6),
                "Conv((3, 2), 2 => 3, stride=2, pad=1, dilation=(1, 2))"),
        Example("tf.Conv(3, 2, 3, tf.tanh, bias=False)", (1, 2, 5, 5),
                "Conv((3, 3), 2 => 3, tanh, bias=False)"),
        Example("tf.Conv((3, 3), 4, 6, tf.relu, pad=1, groups=2)", (2, 4, 5, 5),
                "Conv((3, 3), 4 => 6, relu, pad=1, groups=2)"),
        Example("tf.Conv((2, 2), 3, 3, stride=2, pad=\"same\", groups=3)", (2, 3, 5, 6),
                "Conv((2, 2), 3 => 3, stride=2, pad=(1, 0, 1, 0), groups=3)"),
        Example("tf.Conv((2, 3), 2, 4, pad=\"same\")", (1, 2, 4, 5),
                "Conv((2, 3), 2 => 4, pad=(1, 0, 1, 1))"),
        Example("tf.Conv((3, 3), 2, 3, tf.tanh, pad=(2, 0, 1, 0), dilation=(1, 2))", (2, 2, 5, 7),
                "Conv((3, 3), 2 => 3, tanh, pad=(2, 0, 1, 0), dilation=(1, 2))"),
    ],
    "ConvTranspose": [
        Example("tf.ConvTranspose((3, 3), 2, 3, stride=2, pad=1)", (2, 2, 4, 3),
                "ConvTranspose((3, 3), 2 => 3, stride=2, pad=1)"),
        Example("tf.ConvTranspose((4, 4), 3, 2, stride=2, pad=1)", (2, 3, 7, 7),
                "ConvTranspose((4, 4), 3 => 2, stride=2, pad=1)"),
        Example("tf.ConvTranspose((3, 3), 4, 6, tf.relu, stride=2, pad=1, groups=2, outpad=1)",
                (2, 4, 3, 4),
                "ConvTranspose((3, 3), 4 => 6, relu, stride=2, pad=1, groups=2, outpad=1)"),
        Example("tf.ConvTranspose((3, 2), 2, 2, stride=2, pad=\"same\")", (1, 2, 3, 3),
                "ConvTranspose((3, 2), 2 => 2, stride=2, pad=(1, 0, 0, 0))"),
    ],
    "MaxPool": [
        Example("tf.MaxPool((2, 2))", (2, 3, 6, 5), "MaxPool((2, 2))"),
        Example("tf.MaxPool((3, 3), stride=2, pad=1)", (2, 2, 7, 7),
                "MaxPool((3, 3), stride=2, pad=1)"),
    ],
    "MeanPool": [Example("tf.MeanPool((2, 2), stride=1)", (2, 2, 4, 5), "MeanPool((2, 2), stride=1)")],
    "GlobalMaxPool": [Example("tf.GlobalMaxPool()", (2, 3, 4, 5), "GlobalMaxPool()")],
    "GlobalMeanPool": [Example("tf.GlobalMeanPool()", (2, 3, 4, 5), "GlobalMeanPool()")],
    "AdaptiveMeanPool": [
        Example("tf.AdaptiveMeanPool((2, 3))", (2, 2, 5, 7), "AdaptiveMeanPool((2, 3))"),
    ],
    "BatchNorm": [
        Example("tf.BatchNorm(3)", (4, 3, 2, 2), "BatchNorm(3)"),
        Example("tf.BatchNorm(3, tf.tanh)", (5, 3), "BatchNorm(3, tanh)"),
    ],
    "LayerNorm": [Example("tf.LayerNorm(4)", (2, 3, 4), "LayerNorm(4)")],
    "GroupNorm": [
        Example("tf.GroupNorm(6, 3)", (2, 6, 3, 2), "GroupNorm(6, 3)"),
        Example("tf.GroupNorm(4, 2, tf.relu, affine=False)", (3, 4, 5),
                "GroupNorm(4, 2, relu, affine=False)"),
        Example("tf.GroupNorm(4, 4)", (3, 4), "GroupNorm(4, 4)"),
    ],
    "InstanceNorm": [
        Example("tf.InstanceNorm(3)", (2, 3, 4, 4), "InstanceNorm(3)"),
        Example("tf.InstanceNorm(2, tf.tanh, affine=True, track_stats=True)", (3, 2, 5),
                "InstanceNorm(2, tanh, affine=True, track_stats=True)"),
    ],
    "Upsample": [
        Example("tf.Upsample(2)", (2, 3, 3, 4), "Upsample(scale=2)"),
        Example("tf.Upsample((1, 3), mode=\"bilinear\")", (1, 2, 3, 2),
                "Upsample(\"bilinear\", scale=(1, 3))"),
        Example("tf.Upsample(size=(6, 4))", (2, 2, 3, 2), "Upsample(size=(6, 4))"),
        Example("tf.Upsample(mode=\"bilinear\", size=(5, 3), align_corners=False)",
                (1, 2, 3, 4), "Upsample(\"bilinear\", size=(5, 3), align_corners=False)"),
    ],
    "PixelShuffle": [Example("tf.PixelShuffle(2)", (2, 8, 3, 2), "PixelShuffle(2)")],
    "Bilinear": [
        Example("tf.Bilinear(4, 4, 2)", (5, 4), "Bilinear(4 => 2)"),
        Example("tf.Bilinear(3, 3, 2, tf.tanh, bias=False)", (2, 4, 3),
                "Bilinear(3 => 2, tanh, bias=False)"),
    ],
    "RNN": [Example("tf.RNN(3, 4)", (2, 5, 3), "RNN(3 => 4)")],
    "LSTM": [Example("tf.LSTM(3, 4)", (2, 5, 3), "LSTM(3 => 4)")],
    "GRU": [Example("tf.GRU(3, 4)", (2, 5, 3), "GRU(3 => 4)")],
    "MultiHeadAttention": [
        Example("tf.MultiHeadAttention(8, 2)", (2, 3, 8), "MultiHeadAttention(8, nheads=2)"),
    ],
}

CONTAINERS: List[Example] = [
    Example("tf.Chain(tf.Dense(4, 5, tf.relu), tf.Dense(5, 3))", (2, 4),
            "Chain(Dense(4 => 5, relu), Dense(5 => 3))"),
    Example("tf.Chain(enc=tf.Dense(4, 2), dec=tf.Dense(2, 4))", (3, 4),
            "Chain(enc=Dense(4 => 2), dec=Dense(2 => 4))"),
    Example("tf.Chain(tf.Dense(4, 4), tf.tanh, tf.softmax)", (2, 4),
            "Chain(Dense(4 => 4), tanh, softmax)"),
    Example("tf.SkipConnection(tf.Dense(4, 4, tf.tanh), tf.add)", (2, 4),
            "SkipConnection(Dense(4 => 4, tanh), add)"),
    Example("tf.Parallel(tf.cat, tf.Dense(4, 2), tf.Dense(4, 3))", (2, 4),
            "Parallel(cat, Dense(4 => 2), Dense(4 => 3))"),
    Example("tf.Chain(tf.Conv((3, 3), 1, 4, tf.relu), tf.MaxPool((2, 2)), tf.Flatten(), "
            "tf.Dense(16, 3))", (2, 1, 6, 6),
            "Chain(Conv((3, 3), 1 => 4, relu), MaxPool((2, 2)), Flatten(), Dense(16 => 3))"),
]


def all_examples() -> List[Tuple[str, Example]]:
    """Every example with its layer name (containers under their class name)."""
    rows = [(name, e) for name, es in EXAMPLES.items() for e in es]
    rows += [(e.text.split("(", 1)[0], e) for e in CONTAINERS]
    return rows
