"""A conditional GRU decoder starts from a state projected from a context vector; the
projection was sized for the embedding width instead of the hidden width."""
import typedflux as tf
from typedflux import GRU, Dense, Embedding

V, E, H, CTX = 40, 16, 32, 10
embed = Embedding(V, E)
init = Dense(CTX, E)
gru = GRU(E, H)
ctx = tf.randn(2, CTX)
ids = tf.tensor([[1, 2, 3], [4, 5, 6]])
out = gru(embed(ids), tf.tanh(init(ctx)))  # BUG  # E: Initial state does not fit "GRU(16 => 32)": h0 has Tensor[2, 16], x has Tensor[2, 3, 16]; need h0 of Tensor[2, 32] or Tensor[32] (size 32 at axis -1, got 16)  [shape]
print(out.shape)
