"""A BiLSTM tagger runs one LSTM forward and one over the reversed sentence, concatenates both
(2H per token) and maps them to tag emissions; the emission layer read H."""
import typedflux as tf
from typedflux import Dense, Embedding, LSTM

VOCAB, E, H, TAGS = 40, 12, 16, 5
emb = Embedding(VOCAB, E)
fwd = LSTM(E, H)
bwd = LSTM(E, H)
emissions = Dense(2 * H, TAGS)
transitions = tf.randn(TAGS, TAGS)
ids = tf.tensor([[3, 4, 5, 6, 7, 8]])
e = emb(ids)
hf = fwd(e)
hb = bwd(e[:, ::-1])[:, ::-1]
feats = emissions(tf.concat([hf, hb], axis=-1))
score = feats[:, 0] + (feats[:, :-1].reshape(-1, TAGS, 1) + transitions).max(axis=1).sum()
print(feats.shape, score.shape)
