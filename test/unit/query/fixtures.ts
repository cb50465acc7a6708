/** Small indexes built from record objects through addRecord, as the format readers would. */
import { LogIndex } from '../../../src/core/index/store';
import { addRecord } from '../../../src/core/index/rowWriter';

/** A record as a log line holds it (string values, either naming scheme). */
export type TestRecord = Record<string, string | number>;

/** Builds an index with one row per record; row i comes from line i + 1. */
export function indexOf(records: readonly TestRecord[]): LogIndex {
  const index = new LogIndex();
  let offset = 0;
  records.forEach((record, i) => {
    const length = JSON.stringify(record).length;
    addRecord(index, record, { line: i + 1, offset, length });
    offset += length + 1;
  });
  return index;
}

/** A handful of realistic records. */
export const SAMPLE: TestRecord[] = [
  { requestHandleTime: '2024-01-01T00:00:00Z', apiName: 'GetUser', apiGroupName: 'users', statusCode: '200', errorCode: 'OK', totalLatency: '43', serviceLatency: '36', httpMethod: 'GET', path: '/api/users/7', clientIp: '10.0.0.1', appName: 'mobile', requestId: '95657ED9-2F6F-426F-BD99-79C8D8F1A2B3' },
  { requestHandleTime: '2024-01-01T00:00:05Z', apiName: 'ListOrders', apiGroupName: 'orders', statusCode: '500', errorCode: 'X500ER', totalLatency: '1200', serviceLatency: '1100', httpMethod: 'GET', path: '/api/orders', clientIp: '10.0.0.2', appName: 'web', requestId: 'C2AFA9F3-A817-4274-B975-BDC1E201449F', errorMessage: 'Backend timeout' },
  { requestHandleTime: '2024-01-01T00:01:00Z', apiName: 'PutOrder', apiGroupName: 'orders', statusCode: '404', errorCode: 'I404NF', totalLatency: '5', httpMethod: 'PUT', path: '/api/orders/9', clientIp: '10.0.0.1', requestId: '00000000-0000-0000-0000-000000000001' },
  { requestHandleTime: '2024-01-01T00:02:00Z', apiName: 'GetUser', apiGroupName: 'users', statusCode: '200', errorCode: '', totalLatency: '700', serviceLatency: '690', httpMethod: 'GET', path: '/api/users/8', clientIp: '192.168.1.20', appName: 'mobile', requestId: 'AAAAAAAA-0000-0000-0000-000000000002', initialRequestId: '95657ED9-2F6F-426F-BD99-79C8D8F1A2B3' },
  { __time__: 1704067500, ApiName: 'Search Items', GroupName: 'catalog', StatusCode: '302', ErrorCode: 'OK', TotalLatency: '15', HttpMethod: 'POST', HttpPath: '/search', ClientIp: '10.0.0.3', RequestId: 'BBBBBBBB-0000-0000-0000-000000000003' },
];
