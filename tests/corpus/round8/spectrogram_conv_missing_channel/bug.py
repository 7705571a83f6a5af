"""An audio classifier treats a spectrogram as a one-channel image; the channel axis was
never added."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, GlobalMeanPool, relu

model = Chain(Conv((3, 3), 1, 16, relu, pad=1), GlobalMeanPool(), Flatten(), Dense(16, 5))
spec = tf.randn(4, 40, 100)      # batch, mel bins, frames
print(model(spec).shape)  # BUG  # E: Chain layer 1 Conv((3, 3), 1 => 16, relu, pad=1) expects input Tensor[B, 1, H, W], got Tensor[4, 40, 100]; need rank 4 (got 3)  [shape]
