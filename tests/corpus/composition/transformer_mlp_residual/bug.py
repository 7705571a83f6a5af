"""A pre-norm Transformer MLP block whose down projection does not return to the model width."""
import typedflux as tf
from typedflux import Chain, Dense, Dropout, LayerNorm, MultiHeadAttention, SkipConnection, gelu

D_MODEL = 32

block = Chain(
    SkipConnection(Chain(LayerNorm(32), MultiHeadAttention(32, 4)), tf.add),
    SkipConnection(
        Chain(LayerNorm(32), Dense(32, 128, gelu), Dense(128, 128), Dropout(0.1)),  # BUG  # E: SkipConnection(Chain(LayerNorm(32), Dense(32 => 128, gelu), Dense(128 => 128), Dropout(0.1)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[..., 128], xs[1] has Tensor[..., 32]; need equal sizes or 1 at axis -1 (128 vs 32); change Dense(128 => 128) to Dense(128 => 32)  [shape]
        tf.add,
    ),
)
print(block(tf.randn(2, 5, 32)).shape)
