"""The Decision Transformer adds a timestep embedding to each return, state and action token
before interleaving them; added after, it has T positions for 3T tokens."""
import typedflux as tf
from typedflux import Dense, Embedding

T, D, S, A = 5, 16, 6, 3
embed_return, embed_state, embed_action = Dense(1, D), Dense(S, D), Dense(A, D)
time_emb = Embedding(20, D)

rtg, states, actions = tf.randn(2, T, 1), tf.randn(2, T, S), tf.randn(2, T, A)
te = time_emb(tf.tensor([[0, 1, 2, 3, 4], [3, 4, 5, 6, 7]]))
stacked = tf.stack([embed_return(rtg), embed_state(states), embed_action(actions)], axis=1)
tokens = tf.rearrange(stacked, "b k t d -> b (t k) d")
h = tokens + te  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 15, 16], y has Tensor[2, 5, 16]; need equal sizes or 1 at axis -2 (15 vs 5)  [shape]
print(h.shape)
