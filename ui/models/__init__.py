"""Qt models of the lists: the paged table model and the list specs it shows."""
