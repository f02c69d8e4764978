"""Step 6, the budget: lines, flows, envelopes, cash, spend against plan, cost of results."""
