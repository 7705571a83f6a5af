"""MaskFormer: each query's mask embedding is dotted with the pixel decoder's per-pixel
embeddings, einsum("bqc,bchw->bqhw"); the mask MLP must end at the pixel decoder's width."""
import typedflux as tf
from typedflux import Chain, Dense, relu

B, Q, D, CPIX, H, W = 2, 10, 64, 32, 16, 16
queries = tf.randn(B, Q, D)
pixels = tf.randn(B, CPIX, H, W)
mask_embed = Chain(Dense(D, D, relu), Dense(D, D, relu), Dense(D, CPIX))
masks = tf.einsum("bqc,bchw->bqhw", mask_embed(queries), pixels)
print(masks.shape)
