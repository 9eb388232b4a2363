"""Writing workbooks: the template analysts fill in, and the example built from the seed."""
