"""The Files feature: the index of paper and digital client files."""
