"""The other commands of `python -m pipeline`: check (drift), spec-diff (spec_diff, plan) and update-spec
(update_spec, release), docs, dist, stock-check and merge-templates (stock)."""
