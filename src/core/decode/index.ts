/** The decoders, in one import. */
export * from './bytes';
export * from './decodeValue';
export * from './enumValues';
export * from './gatewayErrorCode';
export { CLASS_LETTERS, GATEWAY_ERROR_TABLE, REASON_LETTERS, type GatewayErrorEntry } from './gatewayErrorTable';
export * from './headers';
export * from './httpStatus';
export * from './ip';
export * from './json';
export * from './latency';
export * from './requestId';
export * from './time';
export * from './timing';
export * from './waterfall';
export * from './valueText';
