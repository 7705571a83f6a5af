"""A pre-norm Transformer MLP block whose down projection does not return to the model width."""
import typedflux as tf
from typedflux import Chain, Dense, Dropout, LayerNorm, MultiHeadAttention, SkipConnection, gelu

D_MODEL = 32

block = Chain(
    SkipConnection(Chain(LayerNorm(32), MultiHeadAttention(32, 4)), tf.add),
    SkipConnection(
        Chain(LayerNorm(32), Dense(32, 128, gelu), Dense(128, 32), Dropout(0.1)),
        tf.add,
    ),
)
print(block(tf.randn(2, 5, 32)).shape)
