"""The class: rooms for pair play and the class's records (sqlite3), and above them the web server
(textual-serve), the teacher page and the class report."""
