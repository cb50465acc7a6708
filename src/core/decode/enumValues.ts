/** Meanings of the well-known values of enum fields (stage names, protocols). */
import type { FieldId } from '../fields/ids';
import { lt, type LocalizedText } from '../fields/lang';

const MEANINGS: Partial<Record<FieldId, Readonly<Record<string, LocalizedText>>>> = {
  apiStageName: {
    RELEASE: lt('production stage', '线上环境'),
    PRE: lt('pre-release stage', '预发环境'),
    TEST: lt('test stage', '测试环境'),
  },
  requestProtocol: {
    HTTP: lt('plain HTTP', '明文 HTTP'),
    HTTPS: lt('HTTP over TLS', '基于 TLS 的 HTTPS'),
    WS: lt('WebSocket', 'WebSocket'),
    WSS: lt('WebSocket over TLS', '基于 TLS 的 WebSocket'),
  },
};

/** The meaning of a known value of an enum field, or undefined. */
export function enumMeaning(id: FieldId | undefined, value: string): LocalizedText | undefined {
  const table = id ? MEANINGS[id] : undefined;
  const key = value.trim().toUpperCase();
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}
