"""Knowledge distillation: the student's softened outputs are compared with a teacher
trained on the 100-class dataset."""
import typedflux as tf
from typedflux import Chain, Dense, relu

teacher = Chain(Dense(64, 128, relu), Dense(128, 10))
student = Chain(Dense(64, 32, relu), Dense(32, 10))
x = tf.randn(16, 64)
T = 4.0
soft_t = tf.softmax(teacher(x) / T)
soft_s = tf.softmax(student(x) / T)
print(tf.losses.kldivergence(soft_s, soft_t).item())
