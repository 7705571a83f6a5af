"""Audio frames as (B, 1, F, T) images: the conv's kernel is taller than the frequency axis."""
import typedflux as tf
from typedflux import Chain, Conv, GlobalMeanPool, Flatten, Dense, relu

model = Chain(
    Conv((3, 3), 1, 4, relu),
    GlobalMeanPool(),
    Flatten(),
    Dense(4, 2),
)
spectrogram = tf.randn(2, 1, 8, 20)
print(model(spectrogram).shape)
