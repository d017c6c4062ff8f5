"""matplotlib only: the house style and each notebook's pictures."""
