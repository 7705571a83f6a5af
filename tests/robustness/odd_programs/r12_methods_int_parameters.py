"""Methods with int parameters: defaults, keywords, rebinding, self attributes used as sizes."""
import typedflux as tf
from typedflux import Dense, Embedding


class LM:
    def __init__(self, vocab: int, d: int, block: int) -> None:
        self.tok = Embedding(vocab, d)
        self.pos = tf.randn(block, d)
        self.head = Dense(d, vocab)
        self.block = block

    def logits(self, idx: tf.Tensor, last: int = 0) -> tf.Tensor:
        t = idx.shape[1]
        h = self.tok(idx) + self.pos[:t]
        out = self.head(h)
        if last:
            return out[:, -last:]
        return out

    def crop(self, idx: tf.Tensor, n: int) -> tf.Tensor:
        n = min(n, self.block)
        return idx[:, -n:]

    def pad_to(self, idx: tf.Tensor, n: int) -> tf.Tensor:
        k = n - idx.shape[1]
        return tf.cat(tf.zeros(idx.shape[0], k), idx, axis=1)

    def heads(self, x: tf.Tensor, n: int = 4) -> tf.Tensor:
        b, t, d = x.shape
        return x.reshape(b, t, n, d // n)

    def window(self, x: tf.Tensor, size: int, step: int = 1) -> tf.Tensor:
        return x[:, ::step][:, :size]


lm = LM(20, 16, 8)
idx = tf.tensor([[1, 2, 3], [4, 5, 6]])
print((lm.logits(idx) + tf.zeros(2, 3, 20)).shape)
print((lm.logits(idx, 1) + tf.zeros(2, 1, 20)).shape)
print((lm.logits(idx, last=2) + tf.zeros(2, 2, 20)).shape)
print((lm.crop(tf.zeros(2, 12), 20) + tf.zeros(2, 8)).shape)
print((lm.crop(tf.zeros(2, 12), 5) + tf.zeros(2, 5)).shape)
print((lm.pad_to(tf.zeros(2, 3), 8) + tf.zeros(2, 8)).shape)
print((lm.heads(tf.zeros(2, 3, 16)) + tf.zeros(2, 3, 4, 4)).shape)
print((lm.heads(tf.zeros(2, 3, 16), 2) + tf.zeros(2, 3, 2, 8)).shape)
print((lm.heads(tf.zeros(2, 3, 16), n=8) + tf.zeros(2, 3, 8, 2)).shape)
print((lm.window(tf.zeros(2, 10), 3) + tf.zeros(2, 3)).shape)
print((lm.window(tf.zeros(2, 10), 4, 3) + tf.zeros(2, 4)).shape)
print((lm.window(tf.zeros(2, 10), 8, step=2) + tf.zeros(2, 5)).shape)
