"""The example outline and bank that course_exports ships."""

from pathlib import Path

import course_exports

EXAMPLES = Path(course_exports.__file__).parent / "examples"
