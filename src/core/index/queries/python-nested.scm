; Imports below module level: in functions, `if TYPE_CHECKING:` and
; try/except ImportError blocks. Module-level ones are in python.scm.

(block (import_statement) @import)
(block (import_from_statement) @import)
