"""`atazan bench --load`: the real bot against the local Bot API emulator, many simulated users."""
