/** The requests tree's nodes (plain data) and their stable ids. Pure: the provider turns them into TreeItems. */
import type { GroupData, GroupStep } from './backend';
import type { IconSpec } from './icons';
import type { RequestFigures } from './labels';

/** A group: an API, a status code, an error code… */
export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly path: readonly GroupStep[];
  readonly group: GroupData;
  readonly parent: GroupNode | undefined;
}

/** One request of a last-level group. `pinned`: shown ahead of the pages because it was revealed. */
export interface RequestNode {
  readonly kind: 'request';
  readonly id: string;
  readonly request: RequestFigures;
  readonly parent: GroupNode;
  readonly pinned: boolean;
}

/** "Show 100 more…": the next page of a group's requests, or of a long list of groups. */
export interface MoreNode {
  readonly kind: 'more';
  readonly id: string;
  /** The group whose children it pages (undefined: the top level). */
  readonly parent: GroupNode | undefined;
  readonly shown: number;
  readonly total: number;
}

/** A line of text: indexing progress, an error, "no request matches". */
export interface InfoNode {
  readonly kind: 'info';
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon?: IconSpec;
}

/** Any node of the tree. */
export type TreeNode = GroupNode | RequestNode | MoreNode | InfoNode;

/** Requests (or groups) added per "show more". */
export const PAGE_SIZE = 100;

/** Groups shown at once in one list before a "show more" node (APIs can number in the thousands). */
export const GROUP_PAGE_SIZE = 500;

/** The id of a group node: unique per view generation (source + grouping), stable across refreshes. */
export function groupNodeId(scope: string, path: readonly GroupStep[]): string {
  return `${scope}|${path.map((s) => encodeURIComponent(s.value)).join('/')}`;
}

/** The id of a request node. */
export function requestNodeId(parent: GroupNode, row: number, pinned: boolean): string {
  return `${parent.id}#${pinned ? 'pin' : ''}${row}`;
}

/** The id of a "show more" node. */
export function moreNodeId(scope: string, parent: GroupNode | undefined): string {
  return `${parent?.id ?? scope}#more`;
}

/** The label of a "show more" node: "Show 100 more… (250 of 1,234)". */
export function moreLabel(shown: number, total: number): string {
  const next = Math.min(PAGE_SIZE, total - shown);
  return `Show ${next.toLocaleString('en-US')} more…`;
}

/** The description of a "show more" node. */
export function moreDescription(shown: number, total: number): string {
  return `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} shown`;
}
