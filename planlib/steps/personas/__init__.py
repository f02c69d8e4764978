"""Step 3, personas: who the plan talks to, with B2B or B2C criteria."""
