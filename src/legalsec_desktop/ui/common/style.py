"""The few style rules the program adds to the platform's own look."""

STYLE_SHEET = """
QLabel#tabHeading { font-size: 15pt; font-weight: 600; color: #2f4a6d; padding: 2px 4px; }
QLabel#emptyTitle { font-size: 14pt; font-weight: 600; color: #2f4a6d; margin-top: 8px; }
QLabel#countLabel { color: #555; padding-right: 8px; }
QTableView { gridline-color: #e3e6ea; }
QHeaderView::section { font-weight: 600; }
"""
