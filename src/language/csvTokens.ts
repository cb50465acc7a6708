/** Which semantic token a CSV cell gets, from its column's field and its value. */
import { isRequestId } from '../core/decode/requestId';
import { fieldInfo } from '../core/fields/catalog';
import type { SemanticType } from './semanticTypes';

const STATUS_TYPES: Record<string, SemanticType> = {
  1: 'apigwStatusInformational', 2: 'apigwStatusSuccess', 3: 'apigwStatusRedirect', 4: 'apigwStatusClientError', 5: 'apigwStatusServerError',
};

function errorCodeType(value: string): SemanticType | undefined {
  if (value.toUpperCase() === 'OK') return 'apigwErrorCodeOk';
  const m = /^[A-Z]([45])\d\d[A-Z0-9]{2}$/.exec(value);
  if (!m) return undefined;
  return m[1] === '4' ? 'apigwErrorCodeClientError' : 'apigwErrorCodeServerError';
}

/** The token type of a cell of the column `fieldName`, or undefined when the value has no colour of its own. */
export function csvTokenType(fieldName: string, rawValue: string): SemanticType | undefined {
  const value = rawValue.trim();
  if (value === '') return undefined;
  switch (fieldInfo(fieldName, 'log').kind) {
    case 'status': return /^[1-5]\d\d$/.test(value) ? STATUS_TYPES[value[0]] : undefined;
    case 'errorCode': return errorCodeType(value);
    case 'id': return isRequestId(value) ? 'apigwRequestId' : undefined;
    case 'ip': return 'apigwIpAddress';
    case 'isoTime': case 'epochMs': case 'epochS': return 'apigwTime';
    case 'ms': return /^-?\d+(\.\d+)?$/.test(value) ? 'apigwLatency' : undefined;
    case 'bytes': return /^-?\d+(\.\d+)?$/.test(value) ? 'apigwSize' : undefined;
    default: return undefined;
  }
}
