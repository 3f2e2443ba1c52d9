"""`make generate`: build.py runs the steps in order (its docstring lists them); each other module here
is one of them or decides something the templates print (endpoints, models, readers, naming)."""
