"""Pseudo-labels for self-training: the teacher's argmax one-hot encoded with the wrong
class count."""
import typedflux as tf
from typedflux import Dense

teacher, student = Dense(12, 6), Dense(12, 6)
x = tf.randn(10, 12)
pseudo = tf.onehot(tf.argmax(teacher(x), axis=1), 7)
print(tf.losses.logitcrossentropy(student(x), pseudo).item())  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[10, 6], target has Tensor[10, 7]; need identical shapes (no broadcasting in losses) (6 vs 7 at axis -1)  [shape]
