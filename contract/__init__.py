"""Calling any operation of openapi.yaml through the generated client and judging what goes over the wire.

One home for what the tests, the benchmarks and `make contract-live` share: what the spec says
(spec_model), what the generator named things (generator_names, generated_package), how to build a
call and what it must send (calls), and an independent judge of requests and responses (validation).
"""
