/**
 * Just enough of JSON Schema draft-07 to check examples against
 * schemas/ai-provenance.schema.json in tests, without a dependency. Throws on
 * keywords it does not implement, so the schema cannot silently outgrow it.
 */
type Schema = { readonly [keyword: string]: unknown };

const IGNORED = new Set(['$schema', '$id', 'title', 'description', 'default', 'examples', 'definitions']);
const SUPPORTED = new Set([
  'type',
  'enum',
  'properties',
  'additionalProperties',
  'propertyNames',
  'items',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minLength',
  'pattern',
  'not',
  'oneOf',
  '$ref',
]);

export function validateAgainstSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, root, value, '$', errors);
  return errors;
}

export function resolveRef(root: Schema, schema: Schema): Schema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const name = /^#\/definitions\/(.+)$/.exec(ref)?.[1];
  const target = name ? (root['definitions'] as Record<string, Schema> | undefined)?.[name] : undefined;
  if (!target) throw new Error(`unresolvable $ref ${ref}`);
  return target;
}

function check(root: Schema, schema: Schema, value: unknown, at: string, errors: string[]): void {
  for (const keyword of Object.keys(schema)) {
    if (!IGNORED.has(keyword) && !SUPPORTED.has(keyword)) throw new Error(`miniJsonSchema does not implement "${keyword}"`);
  }
  if (schema['$ref'] !== undefined) check(root, resolveRef(root, schema), value, at, errors);
  const type = schema['type'];
  if (typeof type === 'string' && !hasType(value, type)) {
    errors.push(`${at}: not ${type}`);
    return;
  }
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value)) errors.push(`${at}: not in enum`);
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) errors.push(`${at}: below minimum`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) errors.push(`${at}: above maximum`);
    if (typeof schema['exclusiveMinimum'] === 'number' && value <= schema['exclusiveMinimum']) errors.push(`${at}: not above minimum`);
  }
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) errors.push(`${at}: too short`);
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern']).test(value)) errors.push(`${at}: pattern`);
  }
  if (schema['not'] !== undefined && validateAgainstSchemaFrom(root, schema['not'] as Schema, value).length === 0) {
    errors.push(`${at}: matches "not"`);
  }
  if (Array.isArray(schema['oneOf'])) {
    const passing = (schema['oneOf'] as Schema[]).filter((option) => validateAgainstSchemaFrom(root, option, value).length === 0);
    if (passing.length !== 1) errors.push(`${at}: matches ${passing.length} of oneOf`);
  }
  if (Array.isArray(value) && schema['items'] !== undefined) {
    value.forEach((item, index) => check(root, schema['items'] as Schema, item, `${at}[${index}]`, errors));
  }
  if (isObject(value)) checkObject(root, schema, value, at, errors);
}

function checkObject(root: Schema, schema: Schema, value: Record<string, unknown>, at: string, errors: string[]): void {
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  for (const [key, child] of Object.entries(value)) {
    if (schema['propertyNames'] !== undefined) check(root, schema['propertyNames'] as Schema, key, `${at}{${key}}`, errors);
    const childSchema = properties[key];
    if (childSchema) {
      check(root, childSchema, child, `${at}.${key}`, errors);
    } else if (schema['additionalProperties'] === false) {
      errors.push(`${at}.${key}: not allowed`);
    } else if (isObject(schema['additionalProperties'])) {
      check(root, schema['additionalProperties'] as Schema, child, `${at}.${key}`, errors);
    }
  }
}

function validateAgainstSchemaFrom(root: Schema, schema: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, schema, value, '$', errors);
  return errors;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
