/** Semantic token types for CSV cells, each mapped (in package.json semanticTokenScopes) to a grammar scope. */
import { SCOPES } from './grammar/scopes';

/** Token type id → what it marks, the TextMate scope whose theme colour it takes, and a standard super type. */
export const SEMANTIC_TYPES = {
  apigwStatusInformational: { description: 'HTTP status 1xx', scope: SCOPES.status1xx, superType: 'keyword' },
  apigwStatusSuccess: { description: 'HTTP status 2xx', scope: SCOPES.status2xx, superType: 'number' },
  apigwStatusRedirect: { description: 'HTTP status 3xx', scope: SCOPES.status3xx, superType: 'keyword' },
  apigwStatusClientError: { description: 'HTTP status 4xx', scope: SCOPES.status4xx, superType: 'regexp' },
  apigwStatusServerError: { description: 'HTTP status 5xx', scope: SCOPES.status5xx, superType: 'keyword' },
  apigwErrorCodeOk: { description: 'gateway error code OK', scope: SCOPES.errorCodeOk, superType: 'number' },
  apigwErrorCodeClientError: { description: 'gateway error code of a 4xx', scope: SCOPES.errorCode4xx, superType: 'regexp' },
  apigwErrorCodeServerError: { description: 'gateway error code of a 5xx', scope: SCOPES.errorCode5xx, superType: 'keyword' },
  apigwRequestId: { description: 'request ID', scope: SCOPES.requestId, superType: 'function' },
  apigwIpAddress: { description: 'IP address', scope: SCOPES.ip, superType: 'type' },
  apigwTime: { description: 'time', scope: SCOPES.timeIso, superType: 'variable' },
  apigwLatency: { description: 'latency', scope: SCOPES.latency, superType: 'number' },
  apigwSize: { description: 'size in bytes', scope: SCOPES.size, superType: 'number' },
} as const;

/** A semantic token type id. */
export type SemanticType = keyof typeof SEMANTIC_TYPES;

/** The legend's token types, in a fixed order (index = encoded type). */
export const SEMANTIC_TYPE_IDS = Object.keys(SEMANTIC_TYPES) as SemanticType[];
