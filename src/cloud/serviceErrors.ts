/** Maps an error answer of the CloudAPI service ({RequestId, HostId, Code, Message, Recommend}) to a CloudError. */
import { CloudError, CloudErrorKind, RAM_ACTION, cleanServerText, maskAccessKeyId } from './errors';

/** What the client knew when the call failed, to make the hint specific. */
export interface FailureContext {
  readonly accessKeyId?: string;
  /** Which credential source supplied the key (never the key itself). */
  readonly sourceName?: string;
  /** The x-acs-date the request was signed with. */
  readonly signedAt?: string;
  readonly usedSecurityToken?: boolean;
  readonly retryAfterSeconds?: number;
}

/** The error body fields the service sends. */
interface ServiceErrorBody {
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
}

/** Reads Code/Message/RequestId from an error body (JSON; tolerant of lower-case keys). */
export function readServiceErrorBody(body: unknown): ServiceErrorBody | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const code = record['Code'] ?? record['code'];
  if (typeof code !== 'string' || code === '') return undefined;
  const requestId = record['RequestId'] ?? record['requestId'];
  return {
    code: cleanServerText(code, 100),
    message: cleanServerText(record['Message'] ?? record['message']),
    requestId: typeof requestId === 'string' ? cleanServerText(requestId, 100) : undefined,
  };
}

/** Classifies a service error code (and HTTP status) into a kind. */
export function kindOfServiceError(code: string, status: number): CloudErrorKind {
  if (code.includes('Throttling') || status === 429) return 'throttled';
  if (/^InvalidAccessKeyId|^InvalidSecurityToken|^Forbidden\.AccessKeyDisabled|^InvalidAccessKey/.test(code)) {
    return 'invalidAccessKey';
  }
  if (/^SignatureDoesNotMatch|^IncompleteSignature|^InvalidTimeStamp|^SignatureNonceUsed|^InvalidSignature/.test(code)) {
    return 'signatureMismatch';
  }
  if (/^InvalidAction|^InvalidVersion|^UnsupportedHTTPMethod/.test(code)) return 'invalidEndpoint';
  if (/^Forbidden|^NoPermission|^AccessDenied|^NotAuthorized|^Unauthorized/.test(code) || status === 403) return 'forbidden';
  if (status === 503) return 'throttled';
  return 'server';
}

function keyLabel(context: FailureContext): string {
  const key = context.accessKeyId ? `AccessKey ${maskAccessKeyId(context.accessKeyId)}` : 'The AccessKey';
  return context.sourceName ? `${key} (from ${context.sourceName})` : key;
}

function invalidKeyText(code: string, context: FailureContext): { summary: string; hint: string } {
  if (code.startsWith('InvalidSecurityToken')) {
    return {
      summary: `The STS security token was rejected (${code}).`,
      hint: 'STS tokens expire: get a fresh token (or a long-term AccessKey) and set it again.',
    };
  }
  return {
    summary: `${keyLabel(context)} was not accepted: it does not exist or is disabled.`,
    hint: 'Check the AccessKey ID in the RAM console (it may have been deleted, disabled or mistyped), ' +
      'then run "Set Access Key" again or fix the source it came from.',
  };
}

function signatureText(code: string, context: FailureContext): { summary: string; hint: string } {
  const at = context.signedAt ? ` The request was signed at ${context.signedAt} by this computer's clock.` : '';
  const clock = `If the secret is right, check the system clock: the server accepts a request time within 15 minutes of its own.${at}`;
  if (code.startsWith('InvalidTimeStamp')) {
    return { summary: 'The request time was rejected: this computer\'s clock looks wrong.', hint: `Sync the system clock.${at}` };
  }
  return {
    summary: `The signature did not match (${code}): the AccessKey secret is probably wrong.`,
    hint: `Check the AccessKey secret for ${keyLabel(context)}. ${clock}`,
  };
}

function textFor(kind: CloudErrorKind, error: ServiceErrorBody, status: number, context: FailureContext):
  { summary: string; hint: string } {
  switch (kind) {
    case 'invalidAccessKey':
      return invalidKeyText(error.code, context);
    case 'signatureMismatch':
      return signatureText(error.code, context);
    case 'forbidden':
      return {
        summary: `Not allowed to read request logs (${error.code}).`,
        hint: `Grant the RAM user or role the action ${RAM_ACTION} (for example with the AliyunApiGatewayReadOnlyAccess policy).`,
      };
    case 'throttled':
      return {
        summary: `The service is throttling requests (${error.code}).`,
        hint: 'Wait a few seconds and try again.',
      };
    case 'invalidEndpoint':
      return {
        summary: `The endpoint does not serve QueryRequestLogs (${error.code}).`,
        hint: 'Check apigwLogs.endpoint: it must point at the API Gateway (CloudAPI 2016-07-14) service, or be empty.',
      };
    default:
      return {
        summary: `The service failed with HTTP ${status} (${error.code}).`,
        hint: status >= 500
          ? 'Try again later; if it persists, quote the service request ID to Alibaba Cloud support.'
          : 'Check the request ID and the settings; quote the service request ID to support if it persists.',
      };
  }
}

/** The CloudError for an HTTP error answer; `body` is the parsed JSON body, or undefined when unreadable. */
export function errorFromServiceResponse(status: number, body: unknown, context: FailureContext): CloudError {
  const parsed = readServiceErrorBody(body) ?? { code: `HTTP${status}`, message: '' };
  const kind = kindOfServiceError(parsed.code, status);
  const { summary, hint } = textFor(kind, parsed, status, context);
  const serverSays = parsed.message ? ` Service message: ${parsed.message}` : '';
  return new CloudError(kind, `${summary}${serverSays}`, {
    hint,
    code: parsed.code,
    requestId: parsed.requestId,
    httpStatus: status,
    retryAfterSeconds: context.retryAfterSeconds,
  });
}
