"""The game's screens, one module each; each is a Scene on the app's stack."""
