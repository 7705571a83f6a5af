"""Layer shape rules (typedflux.shapes.layers): arithmetic, config text, reprs, chain checks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from typedflux.shapes.dims import UNKNOWN, Star, evaluate, fresh, sym
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layers import (
    AdaptivePoolConfig,
    AttentionConfig,
    BatchNormConfig,
    ConvConfig,
    ConvTransposeConfig,
    DenseConfig,
    DropoutConfig,
    EmbeddingConfig,
    FlattenConfig,
    GlobalPoolConfig,
    LayerInputError,
    LayerNormConfig,
    PoolConfig,
    RecurrentConfig,
    Window,
    chain_repr,
    chain_rule,
    check_chain,
    conv_output_size,
    conv_transpose_output_size,
    parse_window,
    pool_output_size,
    window_text,
)

B, H, W, N = sym("B"), sym("H"), sym("W"), sym("N")


def _positions(h: int, k: int, stride: int, pad: int, dilation: int) -> int:
    """Count window placements by walking them, as a naive conv loop would."""
    span = dilation * (k - 1) + 1
    return len(range(0, h + 2 * pad - span + 1, stride))


@settings(max_examples=200, deadline=None)
@given(
    h=st.integers(1, 40), k=st.integers(1, 6), stride=st.integers(1, 4),
    pad=st.integers(0, 3), dilation=st.integers(1, 3),
)
def test_conv_output_size_counts_window_positions(
    h: int, k: int, stride: int, pad: int, dilation: int
) -> None:
    span = dilation * (k - 1) + 1
    if h + 2 * pad < span:
        assert conv_output_size(h, k, stride, pad, dilation) < 1  # type: ignore[operator]
    else:
        assert conv_output_size(h, k, stride, pad, dilation) == _positions(
            h, k, stride, pad, dilation
        )


@settings(max_examples=100, deadline=None)
@given(
    h=st.integers(1, 40), k=st.integers(1, 6), stride=st.integers(1, 4),
    pad=st.integers(0, 3), dilation=st.integers(1, 3),
)
def test_symbolic_sizes_agree_with_int_sizes(
    h: int, k: int, stride: int, pad: int, dilation: int
) -> None:
    for fn in (conv_output_size, conv_transpose_output_size):
        sym_out = fn(H, k, stride, pad, dilation)
        assert evaluate(sym_out, {"H": h}) == fn(h, k, stride, pad, dilation)


@settings(max_examples=100, deadline=None)
@given(h=st.integers(1, 30), k=st.integers(1, 5), stride=st.integers(1, 4), pad=st.integers(0, 2))
def test_conv_transpose_inverts_conv_size(h: int, k: int, stride: int, pad: int) -> None:
    # Transposed conv maps a conv's output size back to a size the conv maps to the same output.
    if h + 2 * pad < k:
        return
    out = conv_output_size(h, k, stride, pad)
    back = conv_transpose_output_size(out, k, stride, pad)
    assert conv_output_size(back, k, stride, pad) == out
    assert 0 <= h - back < stride  # type: ignore[operator]


def test_pool_stride_defaults_to_window() -> None:
    assert pool_output_size(26, 2) == 13
    assert pool_output_size(27, 2) == 13
    assert pool_output_size(5, 3, 1, 1) == 5
    assert str(pool_output_size(H, 2)) == "H//2"


@settings(max_examples=100, deadline=None)
@given(
    k=st.tuples(st.integers(1, 9), st.integers(1, 9)),
    s=st.tuples(st.integers(1, 9), st.integers(1, 9)),
    p=st.tuples(st.integers(0, 9), st.integers(0, 9)),
    d=st.tuples(st.integers(1, 9), st.integers(1, 9)),
)
def test_window_text_round_trips(
    k: tuple[int, int], s: tuple[int, int], p: tuple[int, int], d: tuple[int, int]
) -> None:
    w = Window.of(k, s, p, d)
    assert parse_window(w.text()) == w
    assert window_text(k, s, p, d) == w.text()


def test_window_text_errors() -> None:
    with pytest.raises(ValueError, match="Cannot read window config 'kernel=3'"):
        parse_window("kernel=3")
    with pytest.raises(ValueError, match="must be >= 1"):
        Window.of(3, stride=0)
    with pytest.raises(TypeError, match="kernel must be an int or a pair"):
        Window.of((3, 3, 3))


REPRS = [
    (DenseConfig(784, 32, "relu"), "Dense(784 => 32, relu)"),
    (DenseConfig(32, 10), "Dense(32 => 10)"),
    (DenseConfig(32, 10, "tanh", bias=False), "Dense(32 => 10, tanh, bias=False)"),
    (ConvConfig(1, 8, Window.of(3), "relu"), "Conv((3, 3), 1 => 8, relu)"),
    (ConvConfig(1, 8, Window.of(3, 2, 1)), "Conv((3, 3), 1 => 8, stride=2, pad=1)"),
    (ConvConfig(1, 8, Window.of((3, 1), (2, 1), 0, 2)),
     "Conv((3, 1), 1 => 8, stride=(2, 1), dilation=2)"),
    (ConvTransposeConfig(8, 1, Window.of(3), "relu"), "ConvTranspose((3, 3), 8 => 1, relu)"),
    (PoolConfig("MaxPool", Window.of(2, 2)), "MaxPool((2, 2))"),
    (PoolConfig("MaxPool", Window.of(3, 2, 1)), "MaxPool((3, 3), stride=2, pad=1)"),
    (PoolConfig("MeanPool", Window.of(2, 1)), "MeanPool((2, 2), stride=1)"),
    (GlobalPoolConfig("GlobalMaxPool"), "GlobalMaxPool()"),
    (AdaptivePoolConfig(5, 5), "AdaptiveMeanPool((5, 5))"),
    (FlattenConfig(), "Flatten()"),
    (DropoutConfig(0.5), "Dropout(0.5)"),
    (BatchNormConfig(8), "BatchNorm(8)"),
    (LayerNormConfig(32), "LayerNorm(32)"),
    (EmbeddingConfig(1000, 64), "Embedding(1000 => 64)"),
    (RecurrentConfig("GRU", 3, 5), "GRU(3 => 5)"),
    (AttentionConfig(64, 8), "MultiHeadAttention(64, nheads=8)"),
]


@pytest.mark.parametrize("cfg,text", REPRS, ids=[t for _, t in REPRS])
def test_reprs(cfg: object, text: str) -> None:
    assert cfg.repr() == text  # type: ignore[attr-defined]


RULES = [
    (DenseConfig(784, 32), (16, 784), (16, 32)),
    (DenseConfig(784, 32), (784,), (32,)),
    (DenseConfig(784, 32), (2, 3, 784), (2, 3, 32)),
    (DenseConfig(784, 32), (B, 784), (B, 32)),
    (DenseConfig(784, 32), (Star("Bs"), 784), (Star("Bs"), 32)),
    (DenseConfig(784, 32), (B, UNKNOWN), (B, 32)),
    (ConvConfig(1, 8, Window.of(3)), (B, 1, 28, 28), (B, 8, 26, 26)),
    (ConvConfig(3, 4, Window.of((5, 3), (2, 1), (2, 1))), (2, 3, 9, 7), (2, 4, 5, 7)),
    (ConvConfig(1, 8, Window.of(3, 1, 1)), (B, 1, H, W), (B, 8, H, W)),
    (ConvTransposeConfig(8, 1, Window.of(3, 2)), (B, 8, 13, 13), (B, 1, 27, 27)),
    (PoolConfig("MaxPool", Window.of(2, 2)), (B, 8, 26, 26), (B, 8, 13, 13)),
    (GlobalPoolConfig("GlobalMeanPool"), (B, 8, H, W), (B, 8, 1, 1)),
    (AdaptivePoolConfig(2, 3), (B, 8, 9, 9), (B, 8, 2, 3)),
    (FlattenConfig(), (B, 8, 13, 13), (B, 1352)),
    (FlattenConfig(), (B, 8, UNKNOWN), (B, UNKNOWN)),
    (FlattenConfig(), (B, Star("Rest")), (B, UNKNOWN)),
    (BatchNormConfig(8), (B, 8, H, W), (B, 8, H, W)),
    (BatchNormConfig(8), (B, 8), (B, 8)),
    (LayerNormConfig(32), (B, N, 32), (B, N, 32)),
    (EmbeddingConfig(100, 16), (B, N), (B, N, 16)),
    (RecurrentConfig("RNN", 3, 5), (B, N, 3), (B, N, 5)),
    (AttentionConfig(64, 8), (B, N, 64), (B, N, 64)),
]


@pytest.mark.parametrize("cfg,x,out", RULES, ids=[f"{c.repr()}-{x}" for c, x, _ in RULES])
def test_rules(cfg: object, x: tuple[object, ...], out: tuple[object, ...]) -> None:
    assert cfg.rule(x) == out  # type: ignore[attr-defined]


def _message(cfg: object, x: tuple[object, ...]) -> str:
    with pytest.raises(ShapeError) as info:
        cfg.rule(x)  # type: ignore[attr-defined]
    return str(info.value)


def test_dense_input_mismatch_message() -> None:
    assert _message(DenseConfig(784, 32, "relu"), (16, 100)) == (
        "Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; "
        "need size 784 at axis -1 (got 100)"
    )
    assert _message(DenseConfig(784, 32), (B, N)) == (
        "Dense(784 => 32) expects input Tensor[..., 784], got Tensor[B, N]; "
        "need size 784 at axis -1 (got N)"
    )


def test_conv_messages() -> None:
    assert _message(ConvConfig(3, 8, Window.of(3), "relu"), (16, 1, 28, 28)) == (
        "Conv((3, 3), 3 => 8, relu) expects input Tensor[B, 3, H, W], got Tensor[16, 1, 28, 28]; "
        "need size 3 at axis 1 (got 1)"
    )
    assert _message(ConvConfig(1, 8, Window.of(3)), (16, 28, 28)) == (
        "Conv((3, 3), 1 => 8) expects input Tensor[B, 1, H, W], got Tensor[16, 28, 28]; "
        "need rank 4 (got 3)"
    )
    assert _message(ConvConfig(1, 8, Window.of(5)), (16, 1, 3, 28)) == (
        'Input too small for "Conv((5, 5), 1 => 8)": x has Tensor[16, 1, 3, 28]; '
        "need an output size >= 1 on every spatial axis (got -1x24)"
    )


def test_symbolic_mismatches_are_proven_or_silent() -> None:
    # Rigid symbols: N is not 784; unknown dims never fail.
    with pytest.raises(LayerInputError):
        DenseConfig(784, 32).rule((B, N))
    assert DenseConfig(784, 32).rule((B, UNKNOWN)) == (B, 32)
    assert ConvConfig(1, 8, Window.of(3)).rule((B, UNKNOWN, H, W))[1] == 8
    assert DenseConfig(N, 32).rule((B, N)) == (B, 32)
    assert DenseConfig(2 * N, 32).rule((B, N + N)) == (B, 32)


def test_mha_checks() -> None:
    cfg = AttentionConfig(8, 2)
    assert cfg.rule3((B, 5, 8), (B, N, 8), (B, N, 8)) == (B, 5, 8)
    with pytest.raises(ShapeError, match=r"Sequence lengths differ .* \(7 vs 6\)"):
        cfg.rule3((2, 5, 8), (2, 7, 8), (2, 6, 8))
    with pytest.raises(ShapeError, match=r"Batch sizes differ .* \(2 vs 3\)"):
        cfg.rule3((2, 5, 8), (3, 7, 8), (3, 7, 8))


BAD_CHAIN_MESSAGE = (
    "Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 "
    "Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)"
)


def test_check_chain_reports_design_example() -> None:
    with pytest.raises(LayerInputError) as info:
        check_chain([DenseConfig(784, 32, "relu"), DenseConfig(64, 10)])
    assert str(info.value) == BAD_CHAIN_MESSAGE


def test_check_chain_accepts_design_model() -> None:
    items = [
        ConvConfig(1, 8, Window.of(3), "relu"),
        PoolConfig("MaxPool", Window.of(2, 2)),
        FlattenConfig(),
        DenseConfig(1352, 10),
    ]
    # Spatial sizes are unknown at construction, so Dense(1352, 10) cannot be refuted.
    assert check_chain(items) == (sym("B"), 10)
    assert chain_rule(items, (B, 1, 28, 28)) == (B, 10)
    with pytest.raises(LayerInputError) as info:
        chain_rule(items, (B, 1, 32, 32))
    assert str(info.value) == (
        "Chain layer 4 Dense(1352 => 10) expects input Tensor[..., 1352], but layer 3 Flatten() "
        "produces Tensor[B, 1800]; change Dense(1352 => 10) to Dense(1800 => 10)"
    )


def test_check_chain_channels_and_unknown_layers() -> None:
    with pytest.raises(LayerInputError, match="Chain layer 3 Conv"):
        check_chain([
            ConvConfig(1, 8, Window.of(3)), PoolConfig("MaxPool", Window.of(2, 2)),
            ConvConfig(16, 8, Window.of(3)),
        ])
    # An unknown layer in between: nothing is claimed about what follows it.
    assert check_chain([DenseConfig(784, 32), None, DenseConfig(64, 10)]) == (sym("B"), 10)
    # A rank the template merely assumed is not a proven mismatch.
    assert check_chain([DenseConfig(3, 4), RecurrentConfig("RNN", 4, 5)]) is None


def test_chain_rule_first_layer_and_unknown() -> None:
    with pytest.raises(LayerInputError) as info:
        chain_rule([DenseConfig(784, 32, "relu"), DenseConfig(32, 10)], (16, 100))
    assert str(info.value) == (
        "Chain layer 1 Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; "
        "need size 784 at axis -1 (got 100)"
    )
    with pytest.raises(CannotTell):
        chain_rule([DenseConfig(784, 32), None], (16, 784))


def test_chain_repr() -> None:
    assert chain_repr(["Dense(784 => 32, relu)", "Dense(32 => 10)"]) == (
        "Chain(Dense(784 => 32, relu), Dense(32 => 10))"
    )


def test_check_chain_sequences_and_no_false_alarms() -> None:
    with pytest.raises(LayerInputError) as info:
        check_chain([EmbeddingConfig(100, 16), RecurrentConfig("LSTM", 8, 32)])
    assert str(info.value) == (
        "Chain layer 2 LSTM(8 => 32) expects input Tensor[B, T, 8], but layer 1 "
        "Embedding(100 => 16) produces Tensor[B, T, 16]; change LSTM(8 => 32) to LSTM(16 => 32)"
    )
    ok = [EmbeddingConfig(100, 16), RecurrentConfig("GRU", 16, 32), AttentionConfig(32, 4),
          LayerNormConfig(32), DenseConfig(32, 5)]
    assert check_chain(ok) == (sym("B"), sym("T"), 5)
    # Spatial sizes (fresh: any size, H' - 2 may be 28) and unknown-rank runs never produce
    # an error.
    assert check_chain([ConvConfig(1, 8, Window.of(3)), DenseConfig(28, 10)]) == (
        sym("B"), 8, fresh("H") - 2, 10)
    assert check_chain([LayerNormConfig(8), ConvConfig(3, 4, Window.of(3))]) is not None
    assert check_chain([BatchNormConfig(8), DenseConfig(5, 2)]) == (sym("B"), Star(None), 2)
    assert DenseConfig(5, 2).rule((Star("Bs"),)) == (Star(None), 2)
