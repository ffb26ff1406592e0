; Top-level structure of JavaScript and TypeScript files. Run with
; maxStartDepth 0, so every pattern is anchored at the program node and the
; query never walks function bodies; the extractor reads the captured
; statements' fields itself.

(program (import_statement) @import)
(program (export_statement) @export)

(program (function_declaration) @definition)
(program (generator_function_declaration) @definition)
(program (class_declaration) @definition)
(program (lexical_declaration) @definition)
(program (variable_declaration) @definition)

; CommonJS exports: `exports.x = ...`, `module.exports = ...`, `module.exports.x = ...`.
(program
  (expression_statement
    (assignment_expression
      left: (member_expression))) @commonjs.export)
