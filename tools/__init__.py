"""Developer tools that do not ship in the app: the translation build and the README screenshots."""
