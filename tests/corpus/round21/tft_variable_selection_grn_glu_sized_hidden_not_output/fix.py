"""The Temporal Fusion Transformer's Gated Residual Network (pytorch-forecasting's
GatedResidualNetwork): a skip projection when input_size != output_size, fc1 with elu, fc2, a
gated linear unit (a Dense to 2 * output_size, halves a * sigmoid(b)), added to the skip and
layer-normed; a variable selection network weighs the per-variable GRN outputs."""
from __future__ import annotations

from typing import List, Optional

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, elu


class GatedLinearUnit:
    def __init__(self, input_size: int, hidden_size: int) -> None:
        self.fc = Dense(input_size, hidden_size * 2)

    def __call__(self, x: Tensor) -> Tensor:
        a, b = tf.chunk(self.fc(x), 2, axis=-1)
        return a * tf.sigmoid(b)


class GatedResidualNetwork:
    def __init__(self, input_size: int, hidden_size: int, output_size: int) -> None:
        self.skip: Optional[Dense] = None
        if input_size != output_size:
            self.skip = Dense(input_size, output_size)
        self.fc1 = Dense(input_size, hidden_size, elu)
        self.fc2 = Dense(hidden_size, hidden_size)
        self.glu = GatedLinearUnit(hidden_size, output_size)
        self.norm = LayerNorm(output_size)

    def __call__(self, x: Tensor) -> Tensor:
        residual = self.skip(x) if self.skip is not None else x
        h = self.fc2(self.fc1(x))
        return self.norm(self.glu(h) + residual)


class VariableSelectionNetwork:
    def __init__(self, num_inputs: int, input_size: int, hidden_size: int) -> None:
        self.flattened_grn = GatedResidualNetwork(num_inputs * input_size, hidden_size, num_inputs)
        self.single_variable_grns = [GatedResidualNetwork(input_size, hidden_size, hidden_size)
                                     for _ in range(num_inputs)]

    def __call__(self, x: Tensor) -> Tensor:
        b, t, n, d = x.shape
        weights = tf.softmax(self.flattened_grn(x.reshape(b, t, n * d)), axis=-1)
        outs: List[Tensor] = [grn(x[:, :, i]) for i, grn in enumerate(self.single_variable_grns)]
        return (tf.stack(outs, axis=-1) * weights[:, :, None, :]).sum(axis=-1)


grn = GatedResidualNetwork(8, 16, 16)
vsn = VariableSelectionNetwork(num_inputs=3, input_size=8, hidden_size=16)
static = grn(tf.randn(4, 8))
selected = vsn(tf.randn(4, 5, 3, 8))
print(static.shape, selected.shape)
