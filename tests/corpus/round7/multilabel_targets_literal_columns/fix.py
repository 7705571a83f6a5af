"""Multi-label classification: targets written out as a literal have four label columns,
the head predicts five."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(10, 16, relu), Dense(16, 5))
x = tf.randn(3, 10)
y = tf.tensor([[1.0, 0.0, 1.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0, 1.0], [1.0, 1.0, 0.0, 1.0, 0.0]])
print(tf.losses.logitbinarycrossentropy(model(x), y).item())
