/** Log Service tag fields (`__tag__:<name>`): the well-known ones, and a generic entry for the rest. */
import { doc, type FieldDoc } from './fieldDoc';

/** Docs of the tags Log Service commonly adds, keyed by the part after `__tag__:`. */
const KNOWN_TAGS: Readonly<Record<string, FieldDoc>> = {
  __receive_time__: doc('epochS',
    ['Receive time (epoch s)', 'Time Log Service received the record, in Unix seconds.'],
    ['接收时间(秒)', '日志服务接收到该日志的时间,Unix 时间戳,单位:秒。']),
  __client_ip__: doc('ip',
    ['Sender IP', 'Public IP address of the host that sent the record to Log Service.'],
    ['来源主机 IP', '向日志服务发送该日志的主机的公网 IP 地址。']),
  __hostname__: doc('enum',
    ['Sender host name', 'Host name of the machine that sent the record.'],
    ['来源主机名', '发送该日志的主机名。']),
  __path__: doc('text',
    ['Source file path', 'Path of the file the record was collected from.'],
    ['来源文件路径', '采集该日志的文件路径。']),
  __pack_id__: doc('id',
    ['Pack ID', 'ID of the batch (log group) the record was sent in, with its position.'],
    ['日志组 ID', '该日志所在日志组(批次)的 ID 及序号。']),
  __user_defined_id__: doc('id',
    ['Machine group ID', 'Custom identifier of the machine group that collected the record.'],
    ['机器组自定义标识', '采集该日志的机器组的自定义标识。']),
};

/** The doc of a tag given its key, e.g. `__tag__:__receive_time__`; generic for tags not known. */
export function tagDoc(key: string): FieldDoc {
  const tag = key.slice('__tag__:'.length);
  const known = KNOWN_TAGS[tag.toLowerCase()];
  if (known) return known;
  return doc('text',
    [`Log Service tag ${tag}`, `Tag "${tag}" that Log Service attached to the record (${key}). Not written by API Gateway.`],
    [`日志服务标签 ${tag}`, `日志服务为该日志附加的标签 "${tag}"(${key}),不是 API 网关写入的字段。`]);
}
