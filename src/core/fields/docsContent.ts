/** Catalog data: request and response content, the eight timing stamps, and Log Service's own fields. */
import type { FieldId } from './ids';
import { doc, type FieldDoc } from './fieldDoc';

/** Docs of the content fields (headers, bodies, JSON). */
export const CONTENT_DOCS = {
  jwtClaims: doc('json',
    ['JWT claims', 'Claims parsed from the JWT, as a JSON string; which claims are logged is configured on the API group.'],
    ['JWT 声明(Claims)', '从 JWT 中解析出来的 Claim(JSON 字符串),可以在分组上配置。']),
  plugin: doc('json',
    ['Plugins hit', 'JSON list of the plugins the request hit, with their context.'],
    ['命中的插件', 'API 请求命中的插件列表及相关上下文(JSON)。']),
  requestQueryString: doc('text',
    ['Request query string', 'Query string of the client request. Logged only on dedicated instances with this logging turned on.'],
    ['客户端请求的 queryString', '客户端请求的 queryString。仅专享实例开启相应日志后记录。']),
  requestHeaders: doc('headers',
    ['Request headers', 'Headers of the client request, one "name: value" per line. Logged only on dedicated instances with this logging turned on.'],
    ['客户端请求的 header 内容', '客户端请求的 header 内容,每行一个 "名称: 值"。仅专享实例开启相应日志后记录。']),
  requestBody: doc('text',
    ['Request body', 'Body of the client request, at most 1024 bytes. Logged only on dedicated instances with this logging turned on.'],
    ['客户端请求的 body 内容', '客户端请求的 body 内容,最多 1024 个字节。仅专享实例开启相应日志后记录。']),
  responseHeaders: doc('headers',
    ['Response headers', 'Headers of the API response, one "name: value" per line.'],
    ['API 响应的 header 内容', 'API 响应的 header 内容,每行一个 "名称: 值"。']),
  responseBody: doc('text',
    ['Response body', 'Body of the API response, at most 1024 bytes.'],
    ['API 响应的 response 内容', 'API 响应的 response 内容,最多 1024 个字节。']),
} satisfies Partial<Record<FieldId, FieldDoc>>;

/** Docs of the eight timing stamps and the Log Service field that carries them. */
export const TIMING_DOCS = {
  frontRequestStart: stamp(['Client request start', 'started receiving the client\'s request'], ['接收请求开始', 'API 网关开始接收到客户端请求的时间点']),
  frontRequestEnd: stamp(['Client request end', 'finished receiving the client\'s request'], ['接收请求结束', 'API 网关完成接收客户端请求的时间点']),
  backendRequestStart: stamp(['Backend request start', 'started sending the request to the backend'], ['请求后端开始', 'API 网关开始向后端服务发起请求的时间点']),
  backendRequestEnd: stamp(['Backend request end', 'finished sending the request to the backend'], ['请求后端结束', 'API 网关完成向后端服务发起请求的时间点']),
  backendResponseStart: stamp(['Backend response start', 'started receiving the backend\'s response'], ['后端响应开始', 'API 网关开始接收到后端服务响应的时间点']),
  backendResponseEnd: stamp(['Backend response end', 'finished receiving the backend\'s response'], ['后端响应结束', 'API 网关完成接收后端服务响应的时间点']),
  frontResponseStart: stamp(['Client response start', 'started sending the response to the client'], ['响应客户端开始', 'API 网关开始向客户端发送响应的时间点']),
  frontResponseEnd: stamp(['Client response end', 'finished sending the response to the client'], ['响应客户端结束', 'API 网关完成向客户端发送响应的时间点']),
  exchangeTimestamp: doc('json',
    ['Exchange timestamps', 'Log Service field carrying the request\'s timing stamps (the eight Front*/Backend* points in QueryRequestLogs). Its exact format is unconfirmed.'],
    ['交互时间戳', '日志服务中记录请求各阶段时间点的字段(对应 QueryRequestLogs 中的八个 Front*/Backend* 时间点),具体格式未经确认。']),
} satisfies Partial<Record<FieldId, FieldDoc>>;

/** Docs of Log Service's own fields added to every record. */
export const LOG_SERVICE_DOCS = {
  __time__: doc('epochS',
    ['Log time (epoch s)', 'Log Service\'s time of the record, in Unix seconds.'],
    ['日志时间(秒)', '日志服务记录的日志时间,Unix 时间戳,单位:秒。']),
  __time_ns_part__: doc('text',
    ['Log time, nanosecond part', 'Nanoseconds to add to __time__ for sub-second precision.'],
    ['日志时间纳秒部分', '在 __time__ 基础上补充的纳秒部分,用于亚秒精度。']),
  __topic__: doc('enum',
    ['Log topic', 'Log Service topic of the record.'],
    ['日志主题', '日志在日志服务中的主题(topic)。']),
  __source__: doc('enum',
    ['Log source', 'Log Service source of the record (the host or service that sent it).'],
    ['日志来源', '日志在日志服务中的来源(发送日志的主机或服务)。']),
} satisfies Partial<Record<FieldId, FieldDoc>>;

function stamp(en: [string, string], zh: [string, string]): FieldDoc {
  return doc('epochMs',
    [`${en[0]} (epoch ms)`, `When API Gateway ${en[1]}, in Unix milliseconds.`],
    [`${zh[0]}(毫秒时间戳)`, `${zh[1]},Unix 时间戳,单位:毫秒。`]);
}
