"""Class probabilities are computed over the batch axis and transposed before the loss."""
import typedflux as tf
from typedflux import Dense

head = Dense(6, 4)
x = tf.randn(7, 6)
probs = tf.softmax(head(x), axis=-1).T
y = tf.onehot([0, 1, 2, 3, 0, 1, 2], 4)
print(tf.losses.crossentropy(probs, y).item())  # BUG  # E: Shapes differ for "crossentropy": prediction has Tensor[4, 7], target has Tensor[7, 4]; need identical shapes (no broadcasting in losses) (7 vs 4 at axis -1)  [shape]
