/** Reads hover Markdown the way a renderer would split it: prose outside code, and the command links in it. */

const FENCE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1\s*$/gm;

/** The Markdown with fenced blocks and code spans removed: what a renderer parses for links, HTML and emphasis. */
export function proseOf(markdown: string): string {
  const noBlocks = markdown.replace(FENCE, ' ');
  let out = '';
  for (let i = 0; i < noBlocks.length;) {
    if (noBlocks[i] === '\\') {
      out += noBlocks.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (noBlocks[i] !== '`') {
      out += noBlocks[i++];
      continue;
    }
    let n = 0;
    while (noBlocks[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    let close = noBlocks.indexOf(fence, i + n);
    while (close >= 0 && (noBlocks[close + n] === '`' || noBlocks[close - 1] === '`')) close = noBlocks.indexOf(fence, close + 1);
    if (close < 0) {
      out += fence;
      i += n;
      continue;
    }
    out += ' ';
    i = close + n;
  }
  return out;
}

/** Targets of the Markdown links in the prose (`[label](target)`, escaped brackets excluded). */
export function linkTargets(markdown: string): string[] {
  return Array.from(proseOf(markdown).matchAll(/(?<!\\)\]\(([^)\s]*)\)/g), (m) => m[1]);
}

/** Prose characters a renderer would act on, unescaped: HTML tags, images, autolinks, raw command URIs. */
export function unsafeProse(markdown: string): string[] {
  const prose = proseOf(markdown).replace(/\[[^\]]*\]\(command:apigwLogs\.[A-Za-z]+\?[^)\s]*\)/g, ' ');
  const problems: string[] = [];
  for (const [what, re] of [
    ['html', /(?<!\\)<[A-Za-z!/]/], ['image', /(?<!\\)!(?<!\\)\[/], ['link', /(?<!\\)\]\(/],
    ['autolink', /(?:https?|javascript|command)(?<!\\):/i], ['entity', /(?<!\\)&(?!nbsp;)[A-Za-z#]/],
  ] as const) {
    if (re.test(prose)) problems.push(what);
  }
  return problems;
}
