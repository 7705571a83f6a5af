"""Arguments a careless or hostile caller might pass: wrong types, wrong ranks, empty and
huge sizes, NaN/inf, mixed dtypes. Factories, so every call gets fresh objects."""

from __future__ import annotations

from typing import Any, Callable, List, Tuple

import numpy as np

import typedflux as tf

POOL: List[Tuple[str, Callable[[], Any]]] = [
    ("None", lambda: None),
    ("str", lambda: "abc"),
    ("list", lambda: [1.0, 2.0, 3.0]),
    ("nested list", lambda: [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
    ("ragged list", lambda: [[1, 2], [3]]),
    ("dict", lambda: {"a": 1}),
    ("object", object),
    ("float", lambda: 1.5),
    ("int", lambda: 2),
    ("zero", lambda: 0),
    ("negative", lambda: -1),
    ("huge int", lambda: 2**62),
    ("bool", lambda: True),
    ("nan", lambda: float("nan")),
    ("inf", lambda: float("inf")),
    ("tuple", lambda: (1.5, 2)),
    ("int tuple", lambda: (2, 3)),
    ("empty tuple", lambda: ()),
    ("function", lambda: (lambda *a: a[0] if a else None)),
    ("slice", lambda: slice(1)),
    ("scalar tensor", lambda: tf.tensor(1.5)),
    ("empty tensor", lambda: tf.zeros(0)),
    ("empty matrix", lambda: tf.zeros(0, 3)),
    ("vector", lambda: tf.tensor([0.5, -1.0, 2.0])),
    ("matrix", lambda: tf.tensor(np.linspace(-1, 1, 6).reshape(2, 3))),
    ("rank 3", lambda: tf.tensor(np.linspace(-1, 1, 24).reshape(2, 3, 4))),
    ("rank 4", lambda: tf.tensor(np.linspace(-1, 1, 120).reshape(2, 3, 4, 5))),
    ("nan tensor", lambda: tf.tensor([[np.nan, 1.0, 0.0], [np.inf, -np.inf, 2.0]])),
    ("int tensor", lambda: tf.arange(6).reshape(2, 3)),
    ("bool tensor", lambda: tf.tensor([[True, False, True], [False, False, True]])),
    ("float64 tensor", lambda: tf.tensor(np.ones((2, 3)), dtype=np.float64)),
    ("float16 tensor", lambda: tf.tensor([1.0, 2.0, 3.0], dtype=np.float16)),
    ("ndarray", lambda: np.ones((2, 3))),
    ("object ndarray", lambda: np.array([None, 1], dtype=object)),
    ("string ndarray", lambda: np.array(["a", "b", "c"])),
    ("model", lambda: tf.Chain(tf.Dense(3, 2))),
    ("layer", lambda: tf.Dense(3, 2)),
    ("optimiser", lambda: tf.Adam()),
]
