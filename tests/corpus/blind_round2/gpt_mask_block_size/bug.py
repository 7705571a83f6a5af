"""A GPT block builds its causal mask for the block size and uses it on a shorter prompt."""
from typing import Final

import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, gelu

BLOCK: Final = 16
D_MODEL: Final = 32

attn = MultiHeadAttention(D_MODEL, 4)
ln1, ln2 = LayerNorm(D_MODEL), LayerNorm(D_MODEL)
mlp_up, mlp_down = Dense(D_MODEL, 4 * D_MODEL, gelu), Dense(4 * D_MODEL, D_MODEL)
causal = tf.tril(tf.ones(BLOCK, BLOCK)) > 0

prompt = tf.randn(2, 10, D_MODEL)
h = prompt + attn(ln1(prompt), mask=causal)  # BUG  # E: Cannot broadcast for "MultiHeadAttention(32, nheads=4)": mask has Tensor[16, 16], scores has Tensor[2, 4, 10, 10]; need equal sizes or 1 at axis -2 (16 vs 10)  [shape]
out = h + mlp_down(mlp_up(ln2(h)))
print(out.shape)
