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
loss = tf.losses.logitcrossentropy(logits, targets)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[32, 40], target has Tensor[32, 8]; need identical shapes (no broadcasting in losses) (40 vs 8 at axis -1)  [shape]
print(loss.item())
