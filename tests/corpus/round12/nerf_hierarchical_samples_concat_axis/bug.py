"""NeRF's hierarchical sampling merges the coarse depths (R, 64) with the fine ones drawn from
the coarse weights (R, 128) along the samples axis before sorting; they were concatenated
along the rays."""
import typedflux as tf

R, NC, NF = 4, 64, 128
near, far = 2.0, 6.0
z_coarse = near + (far - near) * tf.arange(NC).reshape(1, NC) / NC * tf.ones(R, 1)
z_fine = near + (far - near) * tf.rand(R, NF)
z_all = tf.concat([z_coarse, z_fine], axis=0)  # BUG  # E: Sizes differ for "concat": xs[0] has Tensor[4, 64], xs[1] has Tensor[4, 128]; need equal sizes except at axis 0 (64 vs 128 at axis 1)  [shape]
print(z_all.shape)
