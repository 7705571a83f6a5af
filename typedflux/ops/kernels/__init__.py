"""The numpy kernels of the fused layer primitives, one module per family: forwards and
hand-written backwards as plain functions over ndarrays, so the primitives that bind them
(:mod:`typedflux.ops.basic_nn`, :mod:`typedflux.ops.layers_nn`, ...) stay one line each and the
kernels can be tested against naive loops. Import a kernel from its family's module:

- :mod:`~typedflux.ops.kernels.common`: the dtype a kernel computes in (``as_param``,
  ``as_float``, ``PrecisionWarning``), buffers made from an argument (``empty``, ``zeros``),
  cached ones for column sums, the fused activations;
- :mod:`~typedflux.ops.kernels.relu`: the fused ReLU (against a cached zeros array);
- :mod:`~typedflux.ops.kernels.dense`: dense;
- :mod:`~typedflux.ops.kernels.conv`: im2col/col2im, conv and transposed conv;
- :mod:`~typedflux.ops.kernels.pool`: max and mean pooling;
- :mod:`~typedflux.ops.kernels.norm`: batch and layer norm;
- :mod:`~typedflux.ops.kernels.recurrent`: RNN, LSTM and GRU over whole sequences (one
  forward and one BPTT loop per cell, also run by :mod:`typedflux.ops.recurrent_state`).

Layouts follow PyTorch: NCHW images, conv weight ``(out, in, kh, kw)``, transposed-conv
weight ``(in, out, kh, kw)``.

>>> from typedflux.ops.kernels.pool import maxpool2d_forward
>>> import numpy as np
>>> maxpool2d_forward(np.arange(4.0).reshape(1, 1, 2, 2), (2, 2), (2, 2), (0, 0)).item()
3.0
"""
