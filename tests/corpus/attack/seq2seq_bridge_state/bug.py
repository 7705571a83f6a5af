"""seq2seq: the encoder's final state goes through a bridge into the decoder's initial
state; the bridge is sized for the wrong decoder."""
import typedflux as tf
from typedflux import GRU, Dense, Embedding

src_embed, tgt_embed = Embedding(1000, 32), Embedding(1200, 32)
encoder = GRU(32, 48, return_state=True)
bridge = Dense(48, 96, tf.tanh)
decoder = GRU(32, 64)
src = tf.tensor([[1, 4, 9, 2, 7], [3, 3, 8, 1, 0]])
tgt = tf.tensor([[5, 6, 2], [9, 1, 4]])
_, h = encoder(src_embed(src))
out = decoder(tgt_embed(tgt), bridge(h))  # BUG  # E: Initial state does not fit "GRU(32 => 64)": h0 has Tensor[2, 96], x has Tensor[2, 3, 32]; need h0 of Tensor[2, 64] or Tensor[64] (size 64 at axis -1, got 96)  [shape]
print(out.shape)
