"""An MLP-Mixer's token mixing as SkipConnection(Chain(transpose, MLP, transpose), tf.add)
in a Chain: the MLP's first layer was sized for the channels."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, gelu

mixer = Chain(
    SkipConnection(
        Chain(
            LayerNorm(24),
            lambda x: x.swapaxes(1, 2),
            Dense(16, 32, gelu),
            Dense(32, 16),
            lambda x: x.swapaxes(1, 2),
        ),
        tf.add,
    ),
    SkipConnection(Chain(LayerNorm(24), Dense(24, 96, gelu), Dense(96, 24)), tf.add),
)
print(mixer(tf.randn(2, 16, 24)).shape)
