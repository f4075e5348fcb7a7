"""The level-challenge quiz XBlock (闯关测验)."""
