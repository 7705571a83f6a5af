"""MMoE: each task's gate gives one softmax weight per expert; the experts' outputs, stacked on
axis 1, are weighted by gate[:, :, None] and summed over the experts."""
import typedflux as tf
from typedflux import Dense, relu

B, F, E, D = 8, 20, 4, 16
x = tf.randn(B, F)
experts = [Dense(F, D, relu) for _ in range(E)]
gate = Dense(F, E)
stacked = tf.stack([e(x) for e in experts], axis=1)
weights = tf.softmax(gate(x), axis=-1)
task_input = (weights[:, :, None] * stacked).sum(axis=1)
tower = Dense(D, 1)(task_input)
print(tower.shape)
