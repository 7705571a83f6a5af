"""Luong's input feeding: the decoder reads the target embedding concatenated with the last
attentional vector, so its input width is E + H; it was built for E."""
import typedflux as tf
from typedflux import GRU, Embedding

E, H, V = 16, 32, 40
embed = Embedding(V, E)
encoder = GRU(E, H, return_state=True)
decoder = GRU(E + H, H, return_state=True)

src = tf.tensor([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]])
memory, h = encoder(embed(src))
feed = tf.zeros(2, 1, H)
tgt = tf.tensor([[1], [2]])
inp = tf.cat(embed(tgt), feed, axis=-1)
out, h = decoder(inp, h)
print(out.shape)
