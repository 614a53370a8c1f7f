"""The game's widgets, one per file; each renders values it is given and posts messages up."""
