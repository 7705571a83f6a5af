"""A GRU decoder with teacher forcing: the target tokens are embedded with the encoder's
embedding width."""
import typedflux as tf
from typedflux import GRU, Dense, Embedding

enc_embed, dec_embed = Embedding(30, 16), Embedding(40, 8)
encoder = GRU(16, 32, return_state=True)
decoder = GRU(8, 32)
out = Dense(32, 40)
src = tf.tensor([[1, 2, 3, 4], [5, 6, 7, 8]])
tgt = tf.tensor([[0, 9, 3], [0, 4, 4]])
_, h = encoder(enc_embed(src))
print(out(decoder(dec_embed(tgt), h)).shape)
