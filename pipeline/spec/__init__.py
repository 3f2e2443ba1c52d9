"""Reading an OpenAPI document: its parts and locations (openapi), the overlay, what is checked before
anything is generated (spec_check, leniency, wire_support), and what the spec itself says of operations'
names and of secrets. Used by `make generate` and by the other commands."""
