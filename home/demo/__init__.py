"""Demo content for `manage.py seed_demo`: texts (content.py), images (images.py), and the code
that builds them through the models (builder.py)."""
