"""Layer shape rules: the index of the modules that hold them (import from here).

- :mod:`typedflux.shapes.windows`: conv/pool output-size arithmetic and the window text;
- :mod:`typedflux.shapes.layer_spec`: :class:`LayerSpec` (a layer's constructor arguments,
  config and rule, declared once) and :data:`LAYERS`;
- :mod:`typedflux.shapes.layer_args`: the constructor arguments' kinds (:class:`ArgKind`,
  :class:`Param`, checks across arguments) and their validation;
- :mod:`typedflux.shapes.layer_config`: :class:`LayerConfig` (a layer's repr and rule);
- ``layers_basic``, ``layers_conv``, ``layers_norm``, ``layers_recurrent``,
  ``layers_attention``, ``layers_resample``, ``layers_combine``: one spec per layer (importing this module registers them all);
- :mod:`typedflux.shapes.chains`: threading shapes through a Chain (construction and calls);
- :mod:`typedflux.shapes.compose`: functions used as layers or connections.

>>> sorted(LAYERS)[:3]
['AdaptiveMeanPool', 'BatchNorm', 'Bilinear']
>>> LAYERS["Dense"].configure_static({"in_features": 784, "out_features": 32}).rule((16, 784))
(16, 32)
"""

from __future__ import annotations

from typedflux.shapes.chains import (
    ChainItem,
    Rule,
    chain_repr,
    chain_rule,
    check_chain,
    layer_rule,
    parallel_repr,
    reword_in_chain,
    skip_repr,
)
from typedflux.shapes.errors import LayerArgumentError, LayerInputError
from typedflux.shapes.layer_args import ArgKind, Param
from typedflux.shapes.layer_config import LayerConfig, Shape, activation_name
from typedflux.shapes.layer_spec import LAYERS, LayerSpec
from typedflux.shapes.layers_attention import AttentionConfig
from typedflux.shapes.layers_basic import DenseConfig, DropoutConfig, EmbeddingConfig, FlattenConfig
from typedflux.shapes.layers_combine import BilinearConfig
from typedflux.shapes.layers_conv import (
    AdaptivePoolConfig,
    ConvConfig,
    ConvTransposeConfig,
    GlobalPoolConfig,
    PoolConfig,
)
from typedflux.shapes.layers_norm import BatchNormConfig, LayerNormConfig
from typedflux.shapes.layers_recurrent import RecurrentConfig
from typedflux.shapes.layers_resample import PixelShuffleConfig, UpsampleConfig
from typedflux.shapes.windows import (
    Window,
    conv_output_size,
    conv_transpose_output_size,
    pair,
    parse_window,
    pool_output_size,
    window_text,
)

__all__ = [
    "Shape",
    "LAYERS",
    "LayerSpec",
    "Param",
    "ArgKind",
    "LayerInputError",
    "LayerArgumentError",
    "LayerConfig",
    "DenseConfig",
    "ConvConfig",
    "ConvTransposeConfig",
    "PoolConfig",
    "GlobalPoolConfig",
    "AdaptivePoolConfig",
    "FlattenConfig",
    "DropoutConfig",
    "BatchNormConfig",
    "LayerNormConfig",
    "EmbeddingConfig",
    "RecurrentConfig",
    "AttentionConfig",
    "UpsampleConfig",
    "BilinearConfig",
    "PixelShuffleConfig",
    "Window",
    "conv_output_size",
    "conv_transpose_output_size",
    "pool_output_size",
    "pair",
    "window_text",
    "parse_window",
    "activation_name",
    "Rule",
    "ChainItem",
    "layer_rule",
    "chain_rule",
    "check_chain",
    "reword_in_chain",
    "chain_repr",
    "skip_repr",
    "parallel_repr",
]
