"""Audio frames as (B, 1, F, T) images: the conv's kernel is taller than the frequency axis."""
import typedflux as tf
from typedflux import Chain, Conv, GlobalMeanPool, Flatten, Dense, relu

model = Chain(
    Conv((9, 3), 1, 4, relu),
    GlobalMeanPool(),
    Flatten(),
    Dense(4, 2),
)
spectrogram = tf.randn(2, 1, 8, 20)
print(model(spectrogram).shape)  # BUG  # E: Chain layer 1 Conv((9, 3), 1 => 4, relu): Input too small for "Conv((9, 3), 1 => 4, relu)": x has Tensor[2, 1, 8, 20]; need an output size >= 1 on every spatial axis (got 0x18)  [shape]  # N: input to layer 1: Tensor[2, 1, 8, 20]
