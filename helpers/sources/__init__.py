"""Where the collection's material comes from: the essay, the sourced facts, the catalog."""
