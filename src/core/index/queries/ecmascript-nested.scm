; Imports that can appear anywhere: dynamic import() and CommonJS require()
; with a string literal. Run only when the text mentions `import(` or `require(`.

(call_expression
  function: (import)
  arguments: (arguments . (string) @dynamic.source))

(call_expression
  function: (identifier) @_require
  arguments: (arguments . (string) @require.source .)
  (#eq? @_require "require")) @require.call
