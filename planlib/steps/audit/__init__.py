"""Step 1, the audit: SWOT, PESTEL, market, competitors, last year's review."""
