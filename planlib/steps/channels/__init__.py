"""Step 4, channels and messages: where the personas are reached and what they are told."""
