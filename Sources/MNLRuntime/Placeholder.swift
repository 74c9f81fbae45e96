// MNLRuntime: see README.md for this target's role.
