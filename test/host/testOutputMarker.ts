/**
 * Printed by test/integration/index.ts right before mocha starts, inside the
 * extension host. Until the runner sees it, the workbench's log is only the
 * editor starting up, which the runner hides (see outputFilter.ts).
 */
export const testOutputStartMarker = '[ai-provenance] integration tests starting';
