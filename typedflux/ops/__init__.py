"""The runtime ops: the registry (forward + VJP bound to each shape spec) and the primitives
by family. ``typedflux`` re-exports the public functions."""
