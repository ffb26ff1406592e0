; Top-level structure of Python modules (run with maxStartDepth 0).

(module (import_statement) @import)
(module (import_from_statement) @import)

(module (function_definition) @definition)
(module (class_definition) @definition)
(module (decorated_definition) @definition)
(module (expression_statement (assignment)) @definition)
