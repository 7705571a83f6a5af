"""A two-layer GAT: the first layer concatenates its 4 heads (4 x 8 features); the output
layer was built for one head's width."""
import typedflux as tf
from typedflux import Dense

N, F, FH, HEADS = 10, 16, 8, 4
x = tf.randn(N, F)
adj = tf.rand(N, N) > 0.5
W = Dense(F, HEADS * FH, bias=False)
a_src = tf.randn(HEADS, FH)
a_dst = tf.randn(HEADS, FH)

h = W(x).reshape(N, HEADS, FH)
e = tf.leakyrelu((h * a_src).sum(axis=-1)[:, None, :] + (h * a_dst).sum(axis=-1)[None, :, :])
alpha = tf.softmax(tf.where(adj[:, :, None], e, -1e9), axis=1)
out = tf.einsum("ijh,jhf->ihf", alpha, h).reshape(N, HEADS * FH)
layer2 = Dense(HEADS * FH, 3)
logits = layer2(tf.elu(out))
print(logits.shape)
