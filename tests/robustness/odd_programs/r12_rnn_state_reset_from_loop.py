"""An RNN LM whose hidden state is reset from the training loop (model.h = ...), with batches of
several sizes and a state carried across steps; also set through setattr-free aliases."""
import typedflux as tf
from typedflux import Dense, Embedding, tanh


class RNNLM:
    def __init__(self, vocab: int, d: int) -> None:
        self.emb = Embedding(vocab, d)
        self.ih = Dense(d, d)
        self.hh = Dense(d, d)
        self.out = Dense(d, vocab)
        self.h = tf.zeros(1, d)

    def __call__(self, tok: tf.Tensor) -> tf.Tensor:
        self.h = tanh(self.ih(self.emb(tok)) + self.hh(self.h))
        return self.out(self.h)


model = RNNLM(20, 16)
batches = [tf.tensor([1, 2, 3]), tf.tensor([4, 5]), tf.tensor([6, 7, 8, 9])]
for batch in batches:
    model.h = tf.zeros(batch.shape[0], 16)
    for _ in range(2):
        logits = model(batch)
    print(logits.shape)
m2 = RNNLM(20, 16)
m2.h = tf.zeros(5, 16)
y = m2(tf.tensor([1, 2, 3, 4, 5]))
print((y + tf.zeros(5, 20)).shape)
m3 = RNNLM(20, 16)
alias = m3
alias.h = tf.zeros(2, 16)
print(m3(tf.tensor([1, 2])).shape)
m4 = RNNLM(20, 16)
print(m4(tf.tensor([3])).shape)
m4.h = m4.h.repeat(4, 1)
print(m4(tf.tensor([1, 2, 3, 4])).shape)
