"""The demand survey XBlock (问卷调查)."""
