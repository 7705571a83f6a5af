"""GPT-J's parallel block: attention and the MLP both read the same normed input and their
outputs are added to the residual stream together, x + attn(ln(x)) + mlp(ln(x)); the MLP must
project its 4*d hidden width back to d."""
import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, gelu


class ParallelBlock:
    def __init__(self, d: int, heads: int) -> None:
        self.ln = LayerNorm(d)
        self.attn = MultiHeadAttention(d, heads)
        self.fc_in = Dense(d, 4 * d, gelu)
        self.fc_out = Dense(4 * d, 4 * d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.ln(x)
        return x + self.attn(h) + self.fc_out(self.fc_in(h))


block = ParallelBlock(32, 4)
y = block(tf.randn(2, 10, 32))  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 10, 32], y has Tensor[2, 10, 128]; need equal sizes or 1 at axis -1 (32 vs 128)  [shape]
print(y.shape)
