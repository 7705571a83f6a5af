"""``tf.compile``: record a step once as numpy calls, replay it without the Python around them.

>>> import typedflux as tf
>>> f = tf.compile(lambda x: (x * 2.0).sum())
>>> f(tf.ones(3)).item()
6.0
"""

from typedflux.compiler.api import Compiled, compile
from typedflux.compiler.errors import TraceError, ValueDependentError

__all__ = ["compile", "Compiled", "TraceError", "ValueDependentError"]
