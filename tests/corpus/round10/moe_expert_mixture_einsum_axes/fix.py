"""A mixture-of-experts layer: a router gives weights (B, T, E), the experts' outputs are
stacked and mixed by those weights. The outputs were stacked on the last axis while the einsum
reads the experts first."""
import typedflux as tf
from typedflux import Dense

D, E = 16, 4
router = Dense(D, E)
experts = [Dense(D, D) for _ in range(E)]
x = tf.randn(2, 5, D)
gates = tf.softmax(router(x), axis=-1)
outs = tf.stack([e(x) for e in experts], axis=0)
y = tf.einsum("bte,ebtd->btd", gates, outs)
print(y.shape)
