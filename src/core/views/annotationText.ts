import { STRUCTURE_CLASS } from '../loadBearing/classDefinition';
import type { Classification } from '../loadBearing/classifier';
import type { AiRegion } from '../regions/region';
import { plural } from '../text/plural';
import { isKnown, type BlastLookup } from './blastLookup';

/** Separator of the parts of an annotation: "AI-generated · payments · 31 dependents (3 load-bearing)". */
export const PART_SEPARATOR = ' · ';
export const INDEXING_TEXT = 'blast radius: indexing…';
/** Classes named in an annotation; more are summarised as "+N" (the hover lists them all). */
const MAX_CLASSES_SHOWN = 2;

/**
 * The classes of a load-bearing file as shown inline: "payments",
 * "auth, payments", "load-bearing by structure" (high fan-in, not a name).
 */
export function classesText(classification: Classification): string {
  let text = classesTexts.get(classification);
  if (text === undefined) classesTexts.set(classification, (text = describeClasses(classification)));
  return text;
}

/** Classifications are memoized per path by the classifier: their texts are too, for repaints. */
const classesTexts = new WeakMap<Classification, string>();

function describeClasses(classification: Classification): string {
  const named = classification.classes.filter((match) => match.reason !== 'structure' && match.name !== STRUCTURE_CLASS).map((match) => match.name);
  const parts = named.slice(0, MAX_CLASSES_SHOWN);
  if (named.length > MAX_CLASSES_SHOWN) parts.push(`+${named.length - MAX_CLASSES_SHOWN}`);
  if (classification.classes.some((match) => match.reason === 'structure')) parts.push('load-bearing by structure');
  return parts.join(', ');
}

/** "31 dependents (3 load-bearing)", "no dependents", "blast radius: indexing…"; undefined when there is no index. */
export function dependentsText(lookup: BlastLookup): string | undefined {
  if (lookup === 'unavailable') return undefined;
  if (lookup === 'pending') return INDEXING_TEXT;
  if (lookup.files === 0) return 'no dependents';
  const loadBearing = lookup.loadBearing.length;
  return `${plural(lookup.files, 'dependent')}${loadBearing > 0 ? ` (${loadBearing} load-bearing)` : ''}`;
}

function lead(region: AiRegion): string {
  return region.reviewed ? `AI-generated, reviewed by ${region.reviewed.by}` : 'AI-generated';
}

/** The inline warning of an AI region in a load-bearing file. `blast` is left out when blast radii are not shown. */
export function loadBearingAnnotation(region: AiRegion, classification: Classification, blast?: BlastLookup): string {
  const dependents = blast === undefined ? undefined : dependentsText(blast);
  return [lead(region), classesText(classification), dependents].filter((part) => part !== undefined && part !== '').join(PART_SEPARATOR);
}

/**
 * The blast-radius annotation of an AI region outside load-bearing files:
 * only when the index knows of at least `minDependents` dependents (or is
 * still indexing); nothing when there is no index.
 */
export function blastRadiusAnnotation(region: AiRegion, blast: BlastLookup, minDependents: number): string | undefined {
  if (blast === 'unavailable') return undefined;
  if (isKnown(blast) && blast.files < minDependents) return undefined;
  return [lead(region), dependentsText(blast)].join(PART_SEPARATOR);
}
