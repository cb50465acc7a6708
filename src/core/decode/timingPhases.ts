/** The seven phases between the eight timing stamps, in the order a request passes through them. */
import { TIMING_FIELDS } from '../fields/ids';
import { lt, type LocalizedText } from '../fields/lang';

/** One of the eight timing stamps. */
export type TimingStamp = (typeof TIMING_FIELDS)[number];

/** Who spends a phase's time: the client's connection, the gateway itself, or the backend. */
export type PhaseActor = 'client' | 'gateway' | 'backend';

/** A phase's stable key. */
export type PhaseKey =
  | 'receiveRequest' | 'gatewayPre' | 'sendToBackend' | 'backendWait' | 'receiveResponse' | 'gatewayPost' | 'sendToClient';

/** The static description of a phase. */
export interface PhaseDef {
  readonly key: PhaseKey;
  readonly from: TimingStamp;
  readonly to: TimingStamp;
  readonly who: PhaseActor;
  /** Short label, e.g. "gateway pre-processing". */
  readonly name: LocalizedText;
  /** What happens in the phase. */
  readonly detail: LocalizedText;
}

const def = (key: PhaseKey, from: TimingStamp, to: TimingStamp, who: PhaseActor, name: LocalizedText, detail: LocalizedText): PhaseDef =>
  ({ key, from, to, who, name, detail });

/** The phases, in request order (domain.md §1, "Timing phases"). */
export const PHASES: readonly PhaseDef[] = [
  def('receiveRequest', 'frontRequestStart', 'frontRequestEnd', 'client', lt('receive request', '接收请求'),
    lt('Receiving the client\'s request (client upload).', '接收客户端请求(客户端上传)。')),
  def('gatewayPre', 'frontRequestEnd', 'backendRequestStart', 'gateway', lt('gateway pre-processing', '网关前置处理'),
    lt('Gateway pre-processing: authentication, plugins, throttling.', '网关前置处理:鉴权、插件、流控。')),
  def('sendToBackend', 'backendRequestStart', 'backendRequestEnd', 'backend', lt('send to backend', '发送到后端'),
    lt('Sending the request to the backend.', '向后端服务发送请求。')),
  def('backendWait', 'backendRequestEnd', 'backendResponseStart', 'backend', lt('backend wait (TTFB)', '后端处理(首字节)'),
    lt('Backend think time: waiting for the first byte of the response.', '后端处理时间:等待响应首字节。')),
  def('receiveResponse', 'backendResponseStart', 'backendResponseEnd', 'backend', lt('receive response', '接收后端响应'),
    lt('Receiving the backend\'s response (download).', '接收后端服务的响应(下载)。')),
  def('gatewayPost', 'backendResponseEnd', 'frontResponseStart', 'gateway', lt('gateway post-processing', '网关后置处理'),
    lt('Gateway post-processing of the response.', '网关对响应的后置处理。')),
  def('sendToClient', 'frontResponseStart', 'frontResponseEnd', 'client', lt('send to client', '发送给客户端'),
    lt('Sending the response to the client (reply).', '向客户端发送响应。')),
];
