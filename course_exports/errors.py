"""The error every course_exports operation raises when its input has problems: all of them, with where."""


class InputProblems(ValueError):
    """The input cannot be used; ``problems`` lists every reason, each saying where it is."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = list(problems)
