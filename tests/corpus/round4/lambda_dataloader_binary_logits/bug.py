"""DataLoader batches for a binary classifier: logits [B, 1] against 0/1 labels [B]."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(0)
model = Chain(Dense(6, 8, relu), Dense(8, 1))
x = tf.randn(20, 6)
labels = (tf.randn(20) > 0) * 1.0
state = tf.setup(tf.Adam(), model)
for xb, yb in tf.DataLoader((x, labels), batchsize=5):
    loss, (g,) = tf.withgradient(lambda m: tf.losses.logitbinarycrossentropy(m(xb), yb), model)  # BUG  # E: Shapes differ for "logitbinarycrossentropy": prediction has Tensor[?, 1], target has Tensor[?]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[?, 1] or squeeze the prediction  [shape]
    tf.update(state, model, g)
print(loss.item())
