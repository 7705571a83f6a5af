"""A pointer network's output distribution is over the input positions; the targets were
one-hot over the vocabulary, as for an ordinary decoder."""
import typedflux as tf
from typedflux import Dense

T, H, VOCAB = 7, 32, 100
enc_out = tf.randn(2, T, H)
dec_h = tf.randn(2, H)
w1, w2 = Dense(H, H, bias=False), Dense(H, H, bias=False)
v = Dense(H, 1, bias=False)

scores = v(tf.tanh(w1(enc_out) + w2(dec_h)[:, None, :]))[..., 0]
targets = tf.onehot([3, 5], VOCAB)
loss = tf.losses.logitcrossentropy(scores, targets)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[2, 7], target has Tensor[2, 100]; need identical shapes (no broadcasting in losses) (7 vs 100 at axis -1)  [shape]
print(loss.item())
