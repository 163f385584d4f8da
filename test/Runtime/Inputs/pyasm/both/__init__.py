WHO = "both/__init__.py: a .py package wins over __init__.pyasm"
