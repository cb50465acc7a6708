/** Numeric comparisons and ranges as one shape: a low and a high bound, each inclusive or not. */
import type { CompareNode, RangeNode } from './ast';

/** Bounds of a numeric test. */
export interface NumericBounds {
  low: number;
  high: number;
  lowInclusive: boolean;
  highInclusive: boolean;
}

/** The bounds a comparison or a range stands for. */
export function numericBounds(node: CompareNode | RangeNode): NumericBounds {
  if (node.type === 'range') return { low: node.low, high: node.high, lowInclusive: node.lowInclusive, highInclusive: node.highInclusive };
  const v = node.value;
  switch (node.op) {
    case '>': return { low: v, high: Infinity, lowInclusive: false, highInclusive: true };
    case '>=': return { low: v, high: Infinity, lowInclusive: true, highInclusive: true };
    case '<': return { low: -Infinity, high: v, lowInclusive: true, highInclusive: false };
    case '<=': return { low: -Infinity, high: v, lowInclusive: true, highInclusive: true };
    case '=': return { low: v, high: v, lowInclusive: true, highInclusive: true };
  }
}

/** True when `value` lies within `b` (NaN never does). */
export function withinBounds(value: number, b: NumericBounds): boolean {
  return (b.lowInclusive ? value >= b.low : value > b.low) && (b.highInclusive ? value <= b.high : value < b.high);
}
