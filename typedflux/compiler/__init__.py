"""``tf.compile``: record a step once as numpy calls, replay it without the Python around them.

The public names live in :mod:`typedflux.compiler.api` (``compile``, ``Compiled``) and
:mod:`typedflux.compiler.errors`; this package file imports nothing, so eager code can import
:mod:`typedflux.compiler.hooks` without loading the recorder.

>>> import typedflux as tf
>>> f = tf.compile(lambda x: (x * 2.0).sum())
>>> f(tf.ones(3)).item()
6.0
"""
