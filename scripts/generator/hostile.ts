/** Hostile content for samples/hostile.apigw.log: what strangers can put in paths, headers, bodies and messages. */
import { F, type GenRecord } from './fields';

const MARKDOWN_LINK = '[click me](command:workbench.action.terminal.new)';
const SCRIPT = '<script>alert(document.cookie)</script>';

/** An unknown field whose name and value are hostile (unknown fields are kept, so they are shown). */
export const hostileExtraField = '"<img src=x onerror=alert(1)>":"[x](command:workbench.action.openSettings) **bold** `code`"';

/** Overwrites text fields of the records with Markdown, HTML, script, javascript: links and command links. */
export function hostileRecords(recs: GenRecord[]): GenRecord[] {
  const edits: ((v: string[]) => void)[] = [
    (v) => { v[F.path] = '/v1/users/' + MARKDOWN_LINK + '/`rm -rf ~`'; v[F.requestQueryString] = 'q=<b>bold</b>&next=javascript:alert(1)'; },
    (v) => { v[F.errorMessage] = '# Heading\n' + SCRIPT + ' [docs](javascript:alert(1)) ![img](https://evil.example/x.png)'; v[F.errorCode] = 'A403<b>'; v[F.statusCode] = '403'; },
    (v) => { v[F.requestHeaders] = 'host: evil.example\nx-note: ' + MARKDOWN_LINK + '\nuser-agent: <iframe src="javascript:alert(1)"></iframe>'; },
    (v) => { v[F.responseBody] = '{"html":"<a href=\\"command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22id%5Cn%22%7D\\">x</a>","md":"```\\n$(rm -rf /)\\n```"}'; },
    (v) => { v[F.exception] = '</td></tr></table>' + SCRIPT + '\n| a | b |\n|---|---|\n| <u>x</u> | [y](command:apigwLogs.fetch) |'; v[F.apiName] = '<img src=x onerror=alert(1)>'; },
    (v) => { v[F.appName] = '${process.env.HOME} {{constructor.constructor("alert(1)")()}}'; v[F.customTraceId] = '"><svg onload=alert(1)>'; v[F.clientIp] = '1.2.3.4<script>'; },
  ];
  recs.forEach((r, i) => edits[i % edits.length](r.values));
  return recs;
}
