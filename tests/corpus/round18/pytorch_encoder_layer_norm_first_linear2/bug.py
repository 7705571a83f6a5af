"""PyTorch's TransformerEncoderLayer written out: self-attention block and feed-forward block
(linear1 -> activation -> dropout -> linear2), pre-norm or post-norm by a norm_first flag,
stacked by an encoder holding a list of layers and a final norm; linear2 maps dim_feedforward
back to d_model."""
from __future__ import annotations

import typedflux as tf
from typedflux import Dense, Dropout, LayerNorm, MultiHeadAttention, Tensor, relu


class TransformerEncoderLayer:
    def __init__(self, d_model: int, nhead: int, dim_feedforward: int = 32, norm_first: bool = False) -> None:
        self.self_attn = MultiHeadAttention(d_model, nheads=nhead)
        self.linear1 = Dense(d_model, dim_feedforward)
        self.dropout = Dropout(0.1)
        self.linear2 = Dense(dim_feedforward, dim_feedforward)
        self.norm1 = LayerNorm(d_model)
        self.norm2 = LayerNorm(d_model)
        self.norm_first = norm_first

    def _sa_block(self, x: Tensor) -> Tensor:
        return self.dropout(self.self_attn(x, x, x))

    def _ff_block(self, x: Tensor) -> Tensor:
        return self.dropout(self.linear2(self.dropout(relu(self.linear1(x)))))

    def __call__(self, src: Tensor) -> Tensor:
        x = src
        if self.norm_first:
            x = x + self._sa_block(self.norm1(x))
            x = x + self._ff_block(self.norm2(x))
        else:
            x = self.norm1(x + self._sa_block(x))
            x = self.norm2(x + self._ff_block(x))
        return x


class TransformerEncoder:
    def __init__(self, d_model: int, nhead: int, num_layers: int) -> None:
        self.layers = [TransformerEncoderLayer(d_model, nhead, norm_first=True) for _ in range(num_layers)]
        self.norm = LayerNorm(d_model)

    def __call__(self, src: Tensor) -> Tensor:
        out = src
        for mod in self.layers:
            out = mod(out)
        return self.norm(out)


encoder = TransformerEncoder(16, 4, 2)
out = encoder(tf.randn(2, 6, 16))  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 6, 16], y has Tensor[2, 6, 32]; need equal sizes or 1 at axis -1 (16 vs 32)  [shape]
print(out.shape)
