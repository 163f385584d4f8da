WHO = "shadow.py: a .py file wins over shadow.pyasm"
