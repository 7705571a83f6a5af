"""Evaluating a language model on whole windows: the logits at positions 0..T-2 predict tokens
1..T-1; the targets were shifted but the logits were not."""
import typedflux as tf
from typedflux import Chain, Dense, Embedding, LayerNorm, gelu

VOCAB, T, D = 20, 10, 16
model = Chain(Embedding(VOCAB, D), LayerNorm(D), Dense(D, 4 * D, gelu), Dense(4 * D, VOCAB))
window = [[(3 * i + j) % VOCAB for i in range(T)] for j in range(4)]
ids = tf.tensor(window).reshape(4, T)
targets = tf.onehot([row[i] for row in window for i in range(1, T)], VOCAB).reshape(4, T - 1, VOCAB)
logits = model(ids)
loss = tf.losses.logitcrossentropy(logits[:, :-1], targets)
print(loss.item())
