"""GPT's training loss: logits (B, T, V) flattened to (B*T, V) against one-hot targets of
the flattened (B*T,) token ids. The targets were one-hot encoded unflattened."""
import typedflux as tf
from typedflux import Dense, Embedding

V, D = 40, 16
wte = Embedding(V, D)
head = Dense(D, V)
idx = tf.tensor([[1, 2, 3, 4], [5, 6, 7, 8]])
targets = tf.tensor([[2, 3, 4, 5], [6, 7, 8, 9]])
logits = head(wte(idx))
loss = tf.losses.logitcrossentropy(logits.reshape(-1, V), tf.onehot(targets.reshape(-1), V))
print(loss.item())
