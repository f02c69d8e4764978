"""Step 7, the KPI review: targets against actuals, pacing, corrective decisions."""
