"""Every exported layer (the zoo) called on wrong things: every pool value, its valid input
with an axis dropped or added, an empty batch, NaN/inf values, and ``outputsize`` with huge
sizes. The outcome is a result or a clean typedflux error (``oracle.py``), never an escape;
an empty batch and NaN input give a result of the right shape."""

from __future__ import annotations

import warnings
from typing import Any, Dict, List

import numpy as np
import pytest

import typedflux as tf
from oracle import escape
from pool import POOL
from zoo import example, input_for, layer_names, shapes_of

# layer -> why: escapes found by this suite and not yet fixed (a strict xfail, as in
# test_public_functions.py). Empty: every escape found is fixed.
KNOWN: Dict[str, str] = {}


def _cases(name: str) -> List[Any]:
    layer, shape, dtype = example(name)
    cases: List[Any] = [make() for _, make in POOL]
    cases.append(input_for(shape[:-1], dtype))  # an axis fewer
    cases.append(input_for(shape + (2,), dtype))  # an axis more
    cases.append(input_for((1,), dtype))
    return cases


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=[pytest.mark.xfail(strict=True, reason=KNOWN[n])] if n in KNOWN
                  else []) for n in layer_names()],
)
def test_wrong_inputs_give_clean_errors(name: str) -> None:
    escapes: List[str] = []
    labels = [n for n, _ in POOL] + ["an axis fewer", "an axis more", "rank 1"]
    for label, x in zip(labels, _cases(name)):
        layer = example(name)[0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = escape(lambda: layer(x))
        if found is not None:
            escapes.append(f"{name}({label}): {found}")
    assert not escapes, "\n".join(escapes)


@pytest.mark.parametrize("name", layer_names())
@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # NaN in, NaN out: numpy says so
def test_empty_batch_and_nan_input_give_results(name: str) -> None:
    layer, shape, dtype = example(name)
    tf.testmode(layer)
    if dtype != np.int64:
        x = input_for(shape, dtype).numpy().copy()
        x.reshape(-1)[0] = np.nan
        x.reshape(-1)[-1] = np.inf
        y = layer(tf.tensor(x))
        assert shapes_of(y) == tf.outputsize(layer, shape)
    empty = (0,) + shape[1:]
    y = layer(input_for(empty, dtype))
    assert shapes_of(y) == tf.outputsize(layer, empty)


@pytest.mark.parametrize("name", layer_names())
def test_outputsize_with_huge_sizes(name: str) -> None:
    layer, shape, _ = example(name)
    huge = (2**40,) + shape[1:]
    found = escape(lambda: tf.outputsize(layer, huge))
    assert found is None, found
