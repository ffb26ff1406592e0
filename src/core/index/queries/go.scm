; Top-level structure of Go files (run with maxStartDepth 0).

(source_file (package_clause (package_identifier) @package))
(source_file (import_declaration) @import)

(source_file (function_declaration) @definition)
(source_file (method_declaration) @definition)
(source_file (type_declaration) @definition)
(source_file (var_declaration) @definition)
(source_file (const_declaration) @definition)
