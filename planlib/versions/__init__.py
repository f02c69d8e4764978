"""Plan versions: what changed between two versions of a plan, in the analyst's terms."""
