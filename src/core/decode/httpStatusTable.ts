/** Reason phrases of the HTTP status codes (IANA registry, 100–511), in English and Simplified Chinese. */
import type { LocalizedText } from '../fields/lang';

const T = (en: string, zh: string): LocalizedText => ({ en, zh });

/** Reason phrase per status code. */
export const STATUS_TEXT: Readonly<Record<number, LocalizedText>> = {
  100: T('Continue', '继续'), 101: T('Switching Protocols', '切换协议'), 102: T('Processing', '处理中'),
  103: T('Early Hints', '早期提示'),
  200: T('OK', '成功'), 201: T('Created', '已创建'), 202: T('Accepted', '已接受'),
  203: T('Non-Authoritative Information', '非权威信息'), 204: T('No Content', '无内容'),
  205: T('Reset Content', '重置内容'), 206: T('Partial Content', '部分内容'), 207: T('Multi-Status', '多状态'),
  208: T('Already Reported', '已报告'), 226: T('IM Used', '已应用实例操作'),
  300: T('Multiple Choices', '多种选择'), 301: T('Moved Permanently', '永久移动'), 302: T('Found', '临时移动'),
  303: T('See Other', '查看其他位置'), 304: T('Not Modified', '未修改'), 305: T('Use Proxy', '使用代理'),
  307: T('Temporary Redirect', '临时重定向'), 308: T('Permanent Redirect', '永久重定向'),
  400: T('Bad Request', '错误请求'), 401: T('Unauthorized', '未授权'), 402: T('Payment Required', '需要付款'),
  403: T('Forbidden', '禁止访问'), 404: T('Not Found', '未找到'), 405: T('Method Not Allowed', '方法不允许'),
  406: T('Not Acceptable', '不可接受'), 407: T('Proxy Authentication Required', '需要代理认证'),
  408: T('Request Timeout', '请求超时'), 409: T('Conflict', '冲突'), 410: T('Gone', '已删除'),
  411: T('Length Required', '需要 Content-Length'), 412: T('Precondition Failed', '前提条件失败'),
  413: T('Content Too Large', '请求体过大'), 414: T('URI Too Long', 'URI 过长'),
  415: T('Unsupported Media Type', '不支持的媒体类型'), 416: T('Range Not Satisfiable', '范围无法满足'),
  417: T('Expectation Failed', '预期失败'), 418: T('I\'m a teapot', '我是茶壶'),
  421: T('Misdirected Request', '请求被误导'), 422: T('Unprocessable Content', '无法处理的内容'),
  423: T('Locked', '已锁定'), 424: T('Failed Dependency', '依赖失败'), 425: T('Too Early', '过早'),
  426: T('Upgrade Required', '需要升级'), 428: T('Precondition Required', '需要前提条件'),
  429: T('Too Many Requests', '请求过多'), 431: T('Request Header Fields Too Large', '请求头过大'),
  451: T('Unavailable For Legal Reasons', '因法律原因不可用'),
  500: T('Internal Server Error', '服务器内部错误'), 501: T('Not Implemented', '未实现'),
  502: T('Bad Gateway', '错误网关'), 503: T('Service Unavailable', '服务不可用'),
  504: T('Gateway Timeout', '网关超时'), 505: T('HTTP Version Not Supported', '不支持的 HTTP 版本'),
  506: T('Variant Also Negotiates', '变体协商循环'), 507: T('Insufficient Storage', '存储空间不足'),
  508: T('Loop Detected', '检测到循环'), 510: T('Not Extended', '未扩展'),
  511: T('Network Authentication Required', '需要网络认证'),
};
