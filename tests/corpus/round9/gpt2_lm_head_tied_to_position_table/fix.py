"""GPT-2's LM head is tied to the token embedding wte; it was tied to the position table
wpe, so the logits have block-size columns and the loss against vocabulary targets fails."""
import typedflux as tf
from typedflux import Chain, Dense, Embedding, LayerNorm, gelu

VOCAB, BLOCK, D = 50, 16, 32
wte = Embedding(VOCAB, D)
wpe = Embedding(BLOCK, D)
mlp = Chain(LayerNorm(D), Dense(D, 4 * D, gelu), Dense(4 * D, D))
ln_f = LayerNorm(D)

ids = tf.tensor([[(7 * i + j) % VOCAB for i in range(BLOCK)] for j in range(2)])
h = wte(ids) + wpe(tf.arange(BLOCK))
h = h + mlp(h)
logits = ln_f(h) @ wte.weight.T
targets = tf.onehot([i % VOCAB for i in range(2 * BLOCK)], VOCAB).reshape(2, BLOCK, VOCAB)
loss = tf.losses.logitcrossentropy(logits, targets)
print(loss.item())
