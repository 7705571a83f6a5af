"""The Decision Transformer adds a timestep embedding to each return, state and action token
before interleaving them; added after, it has T positions for 3T tokens."""
import typedflux as tf
from typedflux import Dense, Embedding

T, D, S, A = 5, 16, 6, 3
embed_return, embed_state, embed_action = Dense(1, D), Dense(S, D), Dense(A, D)
time_emb = Embedding(20, D)

rtg, states, actions = tf.randn(2, T, 1), tf.randn(2, T, S), tf.randn(2, T, A)
te = time_emb(tf.tensor([[0, 1, 2, 3, 4], [3, 4, 5, 6, 7]]))
stacked = tf.stack([embed_return(rtg) + te, embed_state(states) + te, embed_action(actions) + te], axis=1)
tokens = tf.rearrange(stacked, "b k t d -> b (t k) d")
h = tokens
print(h.shape)
