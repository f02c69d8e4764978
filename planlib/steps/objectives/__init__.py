"""Step 2, SMART objectives: the tree, the SMART check, prioritisation, the sentence checker."""
