"""
The organisations applet: the union tree, the cadres who serve in it, their administrators, who may
see what, and the imports that fill them. The lowest applet: everything else builds on it.
"""
