"""A conditional GRU decoder starts from a state projected from a context vector; the
projection was sized for the embedding width instead of the hidden width."""
import typedflux as tf
from typedflux import GRU, Dense, Embedding

V, E, H, CTX = 40, 16, 32, 10
embed = Embedding(V, E)
init = Dense(CTX, H)
gru = GRU(E, H)
ctx = tf.randn(2, CTX)
ids = tf.tensor([[1, 2, 3], [4, 5, 6]])
out = gru(embed(ids), tf.tanh(init(ctx)))
print(out.shape)
