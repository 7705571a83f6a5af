"""A GPT stack written as Chain(*[Block() for _ in range(N)]); the head takes 128 wide."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, gelu

D, V, N_LAYER = 64, 100, 3
blocks = Chain(*[Chain(LayerNorm(D), Dense(D, D, gelu)) for _ in range(N_LAYER)])
head = Dense(D, V)
x = tf.randn(2, 8, D)
print(head(blocks(x)).shape)  # BUG
