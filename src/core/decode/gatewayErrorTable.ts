/**
 * API Gateway error codes (X-Ca-Error-Code), from domain.md §4. Confirmed codes carry the official
 * meaning (and the X-Ca-Error-Message template where the docs show it); the others were seen without
 * messages, so their reason is inferred from the letters and marked unconfirmed.
 */
import { lt, type LocalizedText } from '../fields/lang';

/** One known gateway error code. */
export interface GatewayErrorEntry {
  readonly reason: LocalizedText;
  readonly confirmed: boolean;
  /** The X-Ca-Error-Message template from the docs, where known. */
  readonly template?: string;
}

const ok = (en: string, zh: string, template?: string): GatewayErrorEntry => ({ reason: lt(en, zh), confirmed: true, template });
const guess = (en: string, zh: string): GatewayErrorEntry => ({ reason: lt(en, zh), confirmed: false });

/** Confirmed codes. */
const CONFIRMED: Readonly<Record<string, GatewayErrorEntry>> = {
  I400HD: ok('Invalid request header', '请求头无效', 'Invalid Header `${HeaderName}` ${Reason}'),
  I400MH: ok('Required header missing', '缺少必需的请求头', 'Header `${HeaderName}` is Required'),
  I400BD: ok('Invalid request body', '请求体无效', 'Invalid Body: ${Reason}'),
  I400PA: ok('Invalid request path', '请求路径无效', 'Invalid Request Path `${Reason}`'),
  I405UM: ok('HTTP method not supported', '不支持该 HTTP 方法', 'Unsupported Method `${Reason}`'),
  I400RU: ok('Invalid request URI', '请求 URI 无效', 'Invalid Request Uri `${Reason}`'),
  I403PT: ok('Protocol not supported by the API\'s configuration', 'API 配置不支持该请求协议', 'Invalid protocol ${Protocol} unsupported'),
  I413RL: ok('Request body too large', '请求体过大', 'Request body too Large'),
  I413UL: ok('Request URL too large', '请求 URL 过长', 'Request URL too Large'),
  I400CT: ok('Invalid Content-Type', 'Content-Type 无效'),
  I404DO: ok('Invalid domain: no API group is bound to it', '域名无效:找不到绑定该域名的分组'),
  I410GG: ok('The API group\'s instance is invalid', 'API 分组所在的实例无效'),
  I400SG: ok('Invalid stage', '环境(Stage)无效'),
  I404NF: ok('API not found', '找不到 API'),
  X400PM: ok('Invalid plugin metadata', '插件元数据无效'),
  D504CO: ok('Backend service connect failed (security group, backend down, firewall)', '后端服务连接失败(安全组、后端未启动或防火墙)', 'Backend service connect failed `${Reason}`'),
};

/** Codes seen without messages: reasons inferred, unconfirmed. */
const INFERRED: Readonly<Record<string, GatewayErrorEntry>> = {
  A400AC: guess('Probably an invalid AppCode', '可能是 AppCode 无效'),
  A401AC: guess('Probably an invalid or unauthorized AppCode', '可能是 AppCode 无效或未授权'),
  A400MA: guess('Probably missing authentication', '可能是缺少认证信息'),
  A400IK: guess('Probably an invalid AppKey', '可能是 AppKey 无效'),
  A403IS: guess('Probably an invalid signature or AppSecret', '可能是签名或 AppSecret 无效'),
  A403PR: guess('Probably missing permission (e.g. a plugin authorization)', '可能是缺少权限(如插件授权)'),
  A403EP: guess('Probably the app\'s authorization has expired', '可能是 APP 授权已过期'),
  A403IP: guess('Probably denied by an IP access-control policy', '可能是被 IP 访问控制策略拒绝'),
  A403VN: guess('Probably denied by a network (VPC) access rule', '可能是被网络(VPC)访问规则拒绝'),
  A403AC: guess('Probably denied by an access-control rule', '可能是被访问控制规则拒绝'),
  A403CO: guess('Probably denied by an access-control rule', '可能是被访问控制规则拒绝'),
  A403IN: guess('Probably internet access to the API is disabled', '可能是该 API 禁止公网访问'),
  A403FC: guess('Access denied (reason not documented)', '访问被拒绝(原因未记录)'),
  B403MQ: guess('Probably the API Market quota is exhausted', '可能是云市场调用次数已用完'),
  B403ME: guess('Probably the API Market subscription has expired', '可能是云市场订购已过期'),
  B403MI: guess('Probably the API Market subscription is invalid', '可能是云市场订购无效'),
  B403OD: guess('Probably an account is overdue (in arrears)', '可能是账号已欠费'),
  B403MO: guess('Probably an API Market account is overdue', '可能是云市场相关账号欠费'),
  B451DO: guess('Probably the domain is blocked (unavailable for legal reasons)', '可能是域名被封禁(因法律原因不可用)'),
  B451GO: guess('Probably the API group is blocked (unavailable for legal reasons)', '可能是 API 分组被封禁(因法律原因不可用)'),
  T429ID: guess('Throttled, probably by a per-user limit', '被限流,可能是用户级流控'),
  T429IN: guess('Throttled, probably by the instance\'s limit', '被限流,可能是实例级流控'),
  T429GR: guess('Throttled, probably by the group\'s limit', '被限流,可能是分组级流控'),
  T429PA: guess('Throttled, probably by the API\'s limit', '被限流,可能是 API 级流控'),
  T429PR: guess('Throttled, probably by a throttling policy', '被限流,可能是流控策略'),
  T429SR: guess('Throttled, probably by the default second-level domain\'s limit', '被限流,可能是默认二级域名的访问限制'),
  T429MR: guess('Throttled (limit not documented)', '被限流(具体限制未记录)'),
  D504RE: guess('Probably the backend request failed', '可能是请求后端失败'),
  D504IL: guess('Probably the backend address is not allowed', '可能是后端地址不合法'),
  D504CS: guess('Probably a backend connection failure', '可能是后端连接失败'),
  D504TO: guess('Probably the backend timed out', '可能是后端服务超时'),
  D502FC: guess('Probably a Function Compute backend error', '可能是函数计算后端出错'),
  D503BB: guess('Probably the backend is busy', '可能是后端服务繁忙'),
  D503CB: guess('Probably the backend circuit breaker is open', '可能是后端熔断'),
  X504VE: guess('Probably a VPC access error reaching the backend', '可能是访问后端的 VPC 通道出错'),
  X504TO: guess('Probably a gateway timeout', '可能是网关超时'),
  X503BZ: guess('Probably the gateway is busy', '可能是网关繁忙'),
  X500ER: guess('Probably a gateway internal error', '可能是网关内部错误'),
  X500ED: guess('A gateway internal error (detail not documented)', '网关内部错误(细节未记录)'),
  X500AM: guess('A gateway internal error (detail not documented)', '网关内部错误(细节未记录)'),
  X403DG: guess('Refused by the gateway (reason not documented)', '被网关拒绝(原因未记录)'),
  I403AA: guess('Probably the app is not authorized to call this API', '可能是 APP 未被授权调用该 API'),
  I404NR: guess('Probably no matching API (route) was found', '可能是找不到匹配的 API(路由)'),
  I404SR: guess('Probably no matching API in this stage', '可能是该环境中找不到匹配的 API'),
  I400I5: guess('An invalid request (detail not documented)', '请求无效(细节未记录)'),
  I400NC: guess('An invalid request (detail not documented)', '请求无效(细节未记录)'),
  I400MP: guess('Probably a required parameter is missing', '可能是缺少必需参数'),
  I400IP: guess('Probably an invalid parameter', '可能是参数无效'),
  I400JP: guess('Probably an invalid JSON parameter or body', '可能是 JSON 参数或请求体无效'),
  N502RE: guess('Probably a network error receiving the response', '可能是接收响应时网络出错'),
};

/** Every code in the table, confirmed and inferred. */
export const GATEWAY_ERROR_TABLE: Readonly<Record<string, GatewayErrorEntry>> = { ...CONFIRMED, ...INFERRED };

/** What each class letter stands for. N is unconfirmed. */
export const CLASS_LETTERS: Readonly<Record<string, LocalizedText>> = {
  A: lt('authentication / authorization', '认证与鉴权'),
  B: lt('business / security rules (quotas, subscriptions, bans)', '业务与安全规则(配额、订购、封禁)'),
  D: lt('backend (downstream) service', '后端(下游)服务'),
  I: lt('invalid client request', '客户端请求无效'),
  N: lt('network (unconfirmed)', '网络(未确认)'),
  T: lt('throttling', '流量控制'),
  X: lt('gateway internal', '网关内部'),
};

/** Reason letters whose meaning holds across classes, used for codes not in the table. */
export const REASON_LETTERS: Readonly<Record<string, LocalizedText>> = {
  TO: lt('timeout', '超时'), CO: lt('connection failure', '连接失败'), HD: lt('header', '请求头'),
  MH: lt('missing header', '缺少请求头'), BD: lt('body', '请求体'), RU: lt('request URI', '请求 URI'),
  RL: lt('request too large', '请求过大'), UL: lt('URL too large', 'URL 过长'), CT: lt('Content-Type', 'Content-Type'),
  BZ: lt('busy', '繁忙'), ER: lt('error', '错误'), NF: lt('not found', '未找到'),
};
