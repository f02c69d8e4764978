"""Step 5, the action plan: priorities, scheduling, retroplanning, periods and capacity."""
