/** The hover cards' own words, in English and Simplified Chinese. */
import { lt, pick, type Lang, type LocalizedText } from '../core/fields/lang';

const LABELS = {
  field: lt('Field', '字段'),
  kind: lt('Kind', '类型'),
  value: lt('Value', '值'),
  unknownField: lt('not a known access-log field', '不是已知的访问日志字段'),
  utc: lt('UTC', 'UTC'),
  local: lt('Local', '本地'),
  relative: lt('Relative', '相对'),
  unreadableTime: lt('not a readable time', '无法识别的时间'),
  size: lt('Size', '大小'),
  latency: lt('Latency', '耗时'),
  noStamps: lt('No timing stamps in this record.', '该记录没有时间戳字段。'),
  total: lt('Total', '总耗时'),
  backend: lt('backend', '后端'),
  overhead: lt('Gateway overhead', '网关开销'),
  overheadFromStamps: lt('gateway phases', '网关阶段之和'),
  overheadFromLatencies: lt('totalLatency − serviceLatency', 'totalLatency − serviceLatency'),
  overheadPartial: lt('one gateway phase known', '仅知一个网关阶段'),
  rank: lt('Latency rank', '耗时排名'),
  rankText: lt('slowest', '慢'),
  of: lt('of', '/'),
  requestsTo: lt('requests to', '次请求,API'),
  slowerThan: lt('slower than', '慢于'),
  median: lt('median', '中位数'),
  rankUnavailable: lt('Rank not computed: the file is too large to rank in the editor.', '未计算排名:文件过大。'),
  findings: lt('Inconsistencies', '不一致之处'),
  request: lt('Request', '请求'),
  time: lt('Time', '时间'),
  api: lt('API', 'API'),
  status: lt('Status', '状态'),
  errorCode: lt('Gateway error', '网关错误码'),
  revealTree: lt('Reveal in requests tree', '在请求树中显示'),
  revealExplorer: lt('Open in log explorer', '在日志浏览器中打开'),
  fetchLog: lt('Fetch full log', '获取完整日志'),
  goToRequest: lt('Go to this request', '跳转到该请求'),
  initialRequest: lt('Initial request: the request that called this one through the gateway.', '初始请求:通过网关调用本请求的上游请求。'),
  notInFile: lt('not in this file', '不在本文件中'),
  inFileAt: lt('in this file, line', '在本文件第'),
  knownFrom: lt('Known from', '来源'),
  notKnown: lt('Not found in open logs or fetched logs.', '未在已打开或已获取的日志中找到。'),
  requestId: lt('API Gateway request ID', 'API 网关请求 ID'),
  json: lt('JSON', 'JSON'),
  notJson: lt('not valid JSON; shown as text', '不是有效的 JSON,按文本显示'),
  unwrapped: lt('string-encoded JSON, unwrapped', '字符串编码的 JSON,已解开'),
  headers: lt('Headers', '头部'),
  ip: lt('IP address', 'IP 地址'),
  masked: lt('masked', '已脱敏'),
  empty: lt('(empty)', '(空)'),
  more: lt('more', '更多'),
} satisfies Record<string, LocalizedText>;

/** A label's key. */
export type LabelKey = keyof typeof LABELS;

/** A label in a display language. */
export function label(key: LabelKey, lang: Lang): string {
  return pick(LABELS[key], lang);
}
