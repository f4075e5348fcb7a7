"""XBlocks of the cadre-training suite, one block per subpackage."""
