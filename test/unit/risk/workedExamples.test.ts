import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSeverity, type FileSeverity } from '../../../src/core/loadBearing/severity';
import { assessRisk, type RiskFacts } from '../../../src/core/risk/regionRisk';
import { blastFactor, DEFAULT_RISK_MODEL, type BlastRadiusFacts } from '../../../src/core/risk/riskModel';

/** The repository root, from out/test/unit/risk. */
const ROOT = join(__dirname, '..', '..', '..', '..');

interface Example {
  readonly row: string;
  readonly facts: RiskFacts;
  readonly weight: number;
  readonly blast: number;
  readonly score: number;
  readonly level: string;
  readonly explanation: string;
}

/** The rows between the worked-examples markers of docs/RISK.md. */
function workedExamples(): Example[] {
  const text = readFileSync(join(ROOT, 'docs', 'RISK.md'), 'utf8');
  const table = /<!-- worked-examples -->\n([\s\S]*?)<!-- \/worked-examples -->/.exec(text)?.[1];
  assert.ok(table, 'docs/RISK.md has a worked-examples table');
  return table
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // header and separator
    .map((row) => {
      const [path, lines, classes, dependents, weightTimesBlast, score, level, explanation] = row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      const reviewed = /^(\d+), reviewed by (\S+)$/.exec(lines!);
      const [weight, blast] = weightTimesBlast!.split('×').map((n) => Number(n.trim()));
      return {
        row,
        facts: {
          path: path!,
          unreviewedAiLines: reviewed ? 0 : Number(lines),
          ...(reviewed ? { reviewedBy: reviewed[2]! } : {}),
          loadBearing: parseClasses(classes!),
          ...parseBlast(dependents!),
        },
        weight: weight!,
        blast: blast!,
        score: Number(score),
        level: level!,
        explanation: explanation!.replace(/^`|`$/g, ''),
      };
    });
}

/** "—" or "auth, payments (critical)". */
function parseClasses(cell: string): RiskFacts['loadBearing'] {
  if (cell === '—') return { severity: 'none', classes: [] };
  const match = /^(.+) \((\w+)\)$/.exec(cell);
  assert.ok(match && isSeverity(match[2]), `classes cell "${cell}"`);
  return { severity: match[2] as FileSeverity, classes: match[1]!.split(', ').map((name) => ({ name })) };
}

/** "unknown" or "31 (3)". */
function parseBlast(cell: string): { blast?: BlastRadiusFacts } {
  if (cell === 'unknown') return {};
  const match = /^(\d+) \((\d+)\)$/.exec(cell);
  assert.ok(match, `dependents cell "${cell}"`);
  return { blast: { dependents: Number(match[1]), loadBearingDependents: Number(match[2]) } };
}

describe('docs/RISK.md worked examples', () => {
  const examples = workedExamples();

  it('has examples for every level', () => {
    assert.deepEqual([...new Set(examples.map((e) => e.level))].sort(), ['critical', 'high', 'low', 'medium', 'none']);
  });

  for (const example of examples) {
    it(`${example.facts.path}: ${example.level} (${example.score})`, () => {
      assert.equal(DEFAULT_RISK_MODEL.severityWeights[example.facts.loadBearing.severity], example.weight, 'weight');
      assert.ok(Math.abs(blastFactor(example.facts.blast) - example.blast) < 0.005, `blast factor ${blastFactor(example.facts.blast)}`);
      const risk = assessRisk(example.facts);
      assert.ok(Math.abs(risk.score - example.score) < 0.005, `score ${risk.score}`);
      assert.equal(risk.level, example.level);
      assert.equal(risk.explanation, example.explanation);
    });
  }
});
