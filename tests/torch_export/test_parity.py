"""to_torch reproduces typedflux: outputs, every parameter and input gradient, and state after
the call (BatchNorm running statistics), for every built-in layer and container, float32
(1e-5) and float64 (1e-10), in train and test mode, with Dropout drawing typedflux's mask."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Tuple

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import typedflux as tf  # noqa: E402
from typedflux import layers as L  # noqa: E402
from typedflux.layers.core import Layer  # noqa: E402
from typedflux.torch.layers import EXPORTS  # noqa: E402

from torch_helpers import compare  # noqa: E402

Gen = np.random.Generator


def normal(*shape: int) -> Callable[[Gen], List[Any]]:
    return lambda g: [g.standard_normal(shape)]


def leaky(x: Any) -> Any:
    return tf.leakyrelu(x, 0.2)


# (id, model factory, inputs, keyword arguments)
CASES: List[Tuple[str, Callable[[], Any], Callable[[Gen], List[Any]], Dict[str, Any]]] = [
    ("dense-relu", lambda: tf.Dense(5, 4, tf.relu), normal(3, 5), {}),
    ("dense-gelu-nobias", lambda: tf.Dense(5, 4, tf.gelu, bias=False), normal(2, 3, 5), {}),
    ("dense-sigmoid", lambda: tf.Dense(5, 4, tf.sigmoid), normal(3, 5), {}),
    ("conv", lambda: tf.Conv((3, 2), 2, 3, tf.tanh, stride=(2, 1), pad=1, dilation=(1, 2)),
     normal(2, 2, 7, 6), {}),
    ("conv-swish", lambda: tf.Conv(3, 2, 4, tf.swish, bias=False), normal(2, 2, 5, 5), {}),
    ("conv-transpose", lambda: tf.ConvTranspose((3, 3), 3, 2, tf.relu, stride=2, pad=1),
     normal(2, 3, 4, 5), {}),
    ("maxpool", lambda: tf.MaxPool((3, 3), stride=2, pad=1), normal(2, 3, 7, 6), {}),
    ("meanpool", lambda: tf.MeanPool((2, 3), stride=(1, 2), pad=(1, 1)), normal(2, 3, 6, 7), {}),
    ("global-maxpool", lambda: tf.GlobalMaxPool(), normal(2, 3, 4, 5), {}),
    ("global-meanpool", lambda: tf.GlobalMeanPool(), normal(2, 3, 4, 5), {}),
    ("adaptive-meanpool", lambda: tf.AdaptiveMeanPool((3, 2)), normal(2, 3, 8, 7), {}),
    ("flatten", lambda: tf.Chain(tf.Flatten(), tf.Dense(12, 2)), normal(2, 3, 2, 2), {}),
    ("batchnorm-4d", lambda: tf.BatchNorm(3, tf.relu), normal(4, 3, 3, 2), {}),
    ("batchnorm-2d", lambda: tf.Chain(tf.Dense(4, 3), tf.BatchNorm(3, momentum=0.3)),
     normal(6, 4), {}),
    ("layernorm", lambda: tf.LayerNorm(5), normal(2, 3, 5), {}),
    ("dropout", lambda: tf.Chain(tf.Dense(6, 8, tf.relu), tf.Dropout(0.4), tf.Dense(8, 3),
                                 tf.Dropout(0.25)), normal(5, 6), {}),
    ("embedding", lambda: tf.Chain(tf.Embedding(7, 4), tf.Dense(4, 2)),
     lambda g: [g.integers(0, 7, size=(3, 5))], {}),
    ("rnn", lambda: tf.RNN(3, 4), normal(2, 5, 3), {}),
    ("lstm", lambda: tf.LSTM(3, 4), normal(2, 5, 3), {}),
    ("gru", lambda: tf.GRU(3, 4), normal(2, 5, 3), {}),
    ("attention-self", lambda: tf.MultiHeadAttention(8, 2), normal(2, 5, 8), {}),
    ("attention-cross-masked", lambda: tf.MultiHeadAttention(8, 4),
     lambda g: [g.standard_normal((2, 3, 8)), g.standard_normal((2, 5, 8)),
                g.standard_normal((2, 5, 8))],
     {"mask": tf.tensor(np.tril(np.ones((3, 5), dtype=bool)))}),
    ("chain-nested-named", lambda: tf.Chain(enc=tf.Chain(tf.Dense(4, 6, tf.elu), tf.softmax),
                                            dec=tf.Chain(tf.Dense(6, 3), tf.logsoftmax)),
     normal(3, 4), {}),
    ("skip-add", lambda: tf.SkipConnection(tf.Chain(tf.Dense(4, 4, tf.softplus), tf.tanh),
                                           tf.add), normal(3, 4), {}),
    ("skip-cat", lambda: tf.SkipConnection(tf.Dense(4, 2), tf.cat), normal(3, 4), {}),
    ("parallel", lambda: tf.Parallel(tf.mul, tf.Dense(4, 3), tf.Dense(4, 3, tf.sigmoid)),
     normal(3, 4), {}),
    ("parallel-two-inputs", lambda: tf.Parallel(tf.cat, tf.Dense(4, 3), tf.Dense(2, 5)),
     lambda g: [g.standard_normal((3, 4)), g.standard_normal((3, 2))], {}),
    ("functions", lambda: tf.Chain(tf.Dense(4, 5), leaky, tf.swish, tf.Dense(5, 3),
                                   lambda x: tf.exp(x) * 0.5, tf.sigmoid), normal(3, 4), {}),
    ("chain-without-parameters", lambda: tf.Chain(tf.relu, tf.Flatten(), tf.softmax),
     normal(2, 3, 2), {}),
    ("conv-grouped-same", lambda: tf.Conv((2, 2), 4, 6, tf.relu, pad="same", groups=2),
     normal(2, 4, 5, 6), {}),
    ("conv-depthwise", lambda: tf.Conv((3, 3), 3, 3, tf.tanh, stride=2, pad=1, groups=3),
     normal(2, 3, 7, 7), {}),
    ("conv-transpose-grouped", lambda: tf.ConvTranspose((3, 3), 4, 2, tf.relu, stride=2, pad=1,
                                                        groups=2, outpad=1),
     normal(2, 4, 3, 4), {}),
    ("conv-transpose-same", lambda: tf.ConvTranspose((4, 3), 2, 3, stride=(2, 3), pad="same"),
     normal(2, 2, 3, 3), {}),
    ("groupnorm", lambda: tf.GroupNorm(6, 3, tf.relu), normal(3, 6, 2, 3), {}),
    ("instancenorm-tracked", lambda: tf.InstanceNorm(3, affine=True, track_stats=True,
                                                    momentum=0.3), normal(4, 3, 5), {}),
    ("upsample-nearest", lambda: tf.Upsample((2, 3)), normal(2, 3, 3, 4), {}),
    ("upsample-bilinear", lambda: tf.Upsample(mode="bilinear", size=(5, 7),
                                              align_corners=False), normal(2, 3, 3, 4), {}),
    ("pixel-shuffle", lambda: tf.Chain(tf.Conv((3, 3), 2, 8, pad=1), tf.PixelShuffle(2)),
     normal(2, 2, 3, 3), {}),
    ("bilinear", lambda: tf.Bilinear(4, 3, 2, tf.tanh),
     lambda g: [g.standard_normal((5, 4)), g.standard_normal((5, 3))], {}),
    ("maxout", lambda: tf.Maxout(lambda: tf.Dense(4, 3, tf.tanh), 3), normal(5, 4), {}),
    ("pairwise-fusion", lambda: tf.PairwiseFusion(tf.add, tf.Dense(3, 3, tf.tanh),
                                                  tf.Dense(3, 2)),
     lambda g: [g.standard_normal((4, 3)), g.standard_normal((4, 3))], {}),
    ("rnn-from-state", lambda: tf.RNN(3, 4, return_state=True),
     lambda g: [g.standard_normal((2, 5, 3)), g.standard_normal((2, 4))], {}),
    ("gru-state-broadcast", lambda: tf.GRU(3, 4),
     lambda g: [g.standard_normal((2, 5, 3)), g.standard_normal(4)], {}),
    ("lstm-return-state", lambda: tf.LSTM(3, 4, return_state=True), normal(2, 5, 3), {}),
    ("cnn", lambda: tf.Chain(tf.Conv((3, 3), 1, 4, tf.relu, pad=1), tf.BatchNorm(4),
                             tf.MaxPool((2, 2)), tf.Dropout(0.2), tf.Conv((3, 3), 4, 4),
                             tf.GlobalMeanPool(), tf.Flatten(), tf.Dense(4, 3)),
     normal(3, 1, 8, 8), {}),
]


@pytest.mark.parametrize("train", [True, False], ids=["train", "test"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_export_matches_typedflux(case: Any, dtype: Any, train: bool, monkeypatch: Any) -> None:
    _, make, inputs, kwargs = case
    compare(make, inputs, dtype, train, monkeypatch, kwargs)


def _exported_layer_classes() -> List[type]:
    found = {getattr(L, n) for n in L.__all__}
    found |= {getattr(tf, n) for n in tf.__all__}
    containers = (tf.Chain, tf.SkipConnection, tf.Parallel)
    return sorted(
        (c for c in found if isinstance(c, type) and c is not Layer
         and (issubclass(c, Layer) or c in containers
              or c.__module__.startswith("typedflux.layers"))),
        key=lambda c: c.__name__,
    )


def test_every_exported_layer_has_a_torch_mapping() -> None:
    missing = [c.__name__ for c in _exported_layer_classes() if c not in EXPORTS]
    assert not missing, (
        f"layers without a PyTorch mapping: {', '.join(missing)}; add an entry to EXPORTS in "
        f"typedflux/torch/layers.py and a case to CASES in tests/torch_export/test_parity.py"
    )


def _classes_in(obj: Any, seen: Any) -> None:
    from typedflux.engine.tree import children

    seen.add(type(obj))
    for _, value, _ in children(obj) or []:
        if isinstance(value, (Layer, tf.Chain, tf.SkipConnection, tf.Parallel, tuple, dict)):
            _classes_in(value, seen)


def test_every_mapping_has_a_parity_case() -> None:
    seen: set = set()
    for _, make, _, _ in CASES:
        tf.seed(0)
        _classes_in(make(), seen)
    untested = [c.__name__ for c in EXPORTS if c not in seen]
    assert not untested, f"EXPORTS entries without a parity case in CASES: {untested}"


def test_exported_dropout_draws_typedflux_statistics_from_torch() -> None:
    # The parity cases replay typedflux's masks; the real export draws from torch's generator
    # with typedflux's rule: drop with probability p, scale the rest by 1/(1-p), off in eval.
    from typedflux.torch import to_torch

    module = to_torch(tf.Dropout(0.3))
    torch.manual_seed(0)
    y = module(torch.ones(200_000))
    dropped = float((y == 0).float().mean())
    assert abs(dropped - 0.3) < 0.005, dropped  # 5 standard deviations of the mean
    assert torch.allclose(y[y != 0], torch.full((), 1 / 0.7))
    assert torch.equal(module.eval()(torch.ones(10)), torch.ones(10))
    assert torch.equal(to_torch(tf.Dropout(1.0))(torch.ones(3)), torch.zeros(3))
