; TypeScript-only top-level declarations (appended to ecmascript.scm).

(program (interface_declaration) @definition)
(program (type_alias_declaration) @definition)
(program (enum_declaration) @definition)
(program (abstract_class_declaration) @definition)
(program (internal_module) @definition)
(program (function_signature) @definition)
(program (ambient_declaration) @definition)
