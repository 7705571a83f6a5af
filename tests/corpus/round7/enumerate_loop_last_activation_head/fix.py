"""An MLP built in a loop over `enumerate(zip(...))` with no activation on the last layer;
the head added after it expects the wrong width."""
import typedflux as tf
from typedflux import Chain, Dense, identity, relu

SIZES = [8, 32, 16]
layers = []
for i, (a, b) in enumerate(zip(SIZES, SIZES[1:])):
    layers.append(Dense(a, b, relu if i < len(SIZES) - 2 else identity))
model = Chain(*layers, Dense(16, 2))
print(model(tf.randn(3, 8)).shape)
