"""Step 0, start here: the map of the plan and the period's key figures."""
