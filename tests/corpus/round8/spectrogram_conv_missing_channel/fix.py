"""An audio classifier treats a spectrogram as a one-channel image; the channel axis was
never added."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, GlobalMeanPool, relu

model = Chain(Conv((3, 3), 1, 16, relu, pad=1), GlobalMeanPool(), Flatten(), Dense(16, 5))
spec = tf.randn(4, 40, 100)      # batch, mel bins, frames
print(model(spec.unsqueeze(1)).shape)
