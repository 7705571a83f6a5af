"""Index tensors of every kind in every place of a key, typed only where numpy's rule is
plain (one advanced index, or several together), and run: the shapes the run prints."""
import typedflux as tf

x = tf.randn(5, 6, 7)
i = tf.tensor([0, 2, 4])
j = tf.tensor([1, 1, 3])
k2 = tf.tensor([[0, 1], [2, 3]])
s = tf.tensor(3)
neg = tf.tensor([-1, -2])
am = tf.argmax(x.reshape(5, 42), axis=1)
am_all = tf.argmax(x)
r = tf.arange(3)
cases = {
    "i": x[i], "i,j": x[i, j], "i,:,j": x[i, :, j], ":,i": x[:, i], ":,i,j": x[:, i, j],
    "k2": x[k2], "s": x[s], "neg": x[neg], "i,0": x[i, 0], "0,i": x[0, i], "...,i": x[..., i],
    "None,i": x[None, i], "i,None": x[i, None], "am_all": x.reshape(210)[am_all],
    "r,:,r": x[r, :, r], "k2,k2": x[k2, k2], "i,1:": x[i, 1:], ":,:,r": x[:, :, r],
    "s,i": x[s, i], "i,s": x[i, s], "k2,0,i[:2]": x[k2, 0, i[:2]],
}
for name, v in cases.items():
    print(name, v.shape)
