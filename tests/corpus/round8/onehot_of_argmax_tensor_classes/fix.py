"""Pseudo-labels for self-training: the teacher's argmax one-hot encoded with the wrong
class count."""
import typedflux as tf
from typedflux import Dense

teacher, student = Dense(12, 6), Dense(12, 6)
x = tf.randn(10, 12)
pseudo = tf.onehot(tf.argmax(teacher(x), axis=1), 6)
print(tf.losses.logitcrossentropy(student(x), pseudo).item())
