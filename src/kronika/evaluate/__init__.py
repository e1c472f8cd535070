"""Score extraction against gold annotations."""
