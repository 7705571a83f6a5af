"""The language-model loss flattens logits to [B*T, V] but one-hots targets at width T."""
import typedflux as tf
from typedflux import Dense, Embedding

V, C = 40, 16
B, T = 4, 8
model_in = Embedding(V, C)
lm_head = Dense(C, V)
idx = tf.tensor([[i % V for i in range(T)] for _ in range(B)])
logits = lm_head(model_in(idx)).reshape(B * T, V)
targets = tf.onehot([i % T for i in range(B * T)], T)
targets = tf.onehot([i % T for i in range(B * T)], V)
loss = tf.losses.logitcrossentropy(logits, targets)
print(loss.item())
