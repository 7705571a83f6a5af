"""Skip-gram with negative sampling: each sample's context vectors are scored against its
centre vector, which needs a trailing axis for the batched product."""
import typedflux as tf
from typedflux import Embedding

emb_in = Embedding(100, 16)
emb_out = Embedding(100, 16)
centre = tf.tensor([3, 17, 42, 8])
context = tf.tensor([[5, 9, 1], [2, 2, 7], [4, 6, 8], [1, 3, 5]])
c = emb_in(centre[:, None])[:, 0]
o = emb_out(context)
scores = (o @ c[:, :, None])[:, :, 0]
print(tf.sigmoid(scores).shape)
