"""Weight tying: logits from the token embedding's weight, multiplied without the transpose."""
import typedflux as tf
from typedflux import Embedding, LayerNorm

wte = Embedding(50, 16)
ln_f = LayerNorm(16)
ids = tf.tensor([[1, 2, 3, 4]])
h = ln_f(wte(ids))
logits = h @ wte.weight.T
print(logits.shape)
