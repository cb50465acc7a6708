import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { HOVER_COMMANDS, codeBlock, codeSpan, commandLink, escapeMarkdown, requestCommandLink, type HoverCommand } from '../../../src/language/markdown';
import { linkTargets, proseOf, unsafeProse } from './markdownProbe';

const HOSTILE = [
  '[click me](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>',
  '# Heading', '**bold** _it_ ~~del~~', '![img](https://evil.example/x.png)', 'https://evil.example/', 'www.evil.example',
  '&lt;b&gt;', '| a | b |', '1. list', '- item', '> quote', '`code` ``two``', '\\[escaped\\]', 'line1\nline2\r\n\n# h2',
  'bidi \u202Eevil\u202C zero\u200Bwidth', '$(alert) :smile:', 'a\u0000b\u0007c', '    indented code', '===',
];

describe('hover Markdown escaping', () => {
  it('leaves no link, HTML, image, autolink or entity in prose built from hostile text', () => {
    for (const text of HOSTILE) {
      const md = `Value: ${escapeMarkdown(text)}`;
      assert.deepEqual(unsafeProse(md), [], `${JSON.stringify(text)} → ${md}`);
      assert.ok(!md.includes('\n'), 'one line');
      assert.ok(!/[\u202E\u200B\u0000\u0007]/.test(md), 'invisible characters are shown as escapes');
    }
  });

  it('escapes every ASCII punctuation character (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
      const md = escapeMarkdown(text, 1000);
      const unescaped = md.replace(/\\[\s\S]/g, '').replace(/&nbsp;/g, '');
      assert.ok(!/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/.test(unescaped), `${JSON.stringify(text)} → ${md}`);
    }));
  });

  it('puts values with backticks in code spans whose fence is longer than any run inside', () => {
    for (const text of ['a`b', '``', 'x```y', '`start', 'end`', ' both ', '<b>[x](command:y)</b>']) {
      const span = codeSpan(text);
      const fence = /^`+/.exec(span)![0];
      assert.ok(span.endsWith(fence));
      const inner = span.slice(fence.length, span.length - fence.length);
      const runs = inner.match(/`+/g) ?? [];
      assert.ok(runs.every((r) => r.length !== fence.length), `${text} → ${span}`);
      assert.equal(proseOf(`x ${span} y`), 'x   y');
    }
  });

  it('keeps code spans on one line and shows line breaks as \\n (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => {
      const span = codeSpan(text);
      assert.ok(!/[\r\n]/.test(span));
      assert.deepEqual(unsafeProse(`a ${span} b`), []);
    }));
  });

  it('fences code blocks beyond any backtick run and keeps their lines inside', () => {
    const body = '```\n# not a heading\n````\n[x](command:evil)';
    const block = codeBlock(body);
    const fence = /^`+/.exec(block)![0];
    assert.ok(fence.length >= 5);
    assert.ok(block.endsWith(`\n${fence}`));
    assert.deepEqual(linkTargets(block), []);
    assert.equal(proseOf(`before\n\n${block}\n\nafter`).replace(/\s+/g, ' ').trim(), 'before after');
  });

  it('truncates long code blocks by characters and lines', () => {
    assert.match(codeBlock('x'.repeat(5000), 'text', 100), /… \(\+4900\)/);
    assert.match(codeBlock(Array.from({ length: 100 }, (_, i) => `l${i}`).join('\n'), 'text', 4000, 10), /\+90 lines/);
  });

  it('links only to the allow-listed commands, with JSON-encoded arguments', () => {
    const link = commandLink('Fetch', 'apigwLogs.fetchRequestLog', ['95657ED9-2F6F-426F-BD99-79C8D8F1A2B3']);
    const target = linkTargets(link)[0];
    assert.ok(target.startsWith('command:apigwLogs.fetchRequestLog?'));
    assert.deepEqual(JSON.parse(decodeURIComponent(target.slice(target.indexOf('?') + 1))), ['95657ED9-2F6F-426F-BD99-79C8D8F1A2B3']);
    assert.throws(() => commandLink('x', 'workbench.action.terminal.new' as HoverCommand, []));
    assert.ok(HOVER_COMMANDS.every((c) => c.startsWith('apigwLogs.')));
  });

  it('refuses to put anything but a UUID-shaped request ID into a link', () => {
    for (const bad of ['x) [y](command:evil', '95657ED9-2F6F-426F-BD99-79C8D8F1A2B3)', '', '"]', '95657ED9-2F6F-426F-BD99-79C8D8F1A2BZ']) {
      assert.equal(requestCommandLink('Reveal', 'apigwLogs.revealRequest', bad), '', bad);
    }
    assert.match(requestCommandLink('Reveal', 'apigwLogs.revealRequest', 'c2afa9f3-a817-4274-b975-bdc1e201449f'), /%22C2AFA9F3-A817-4274-B975-BDC1E201449F%22/);
  });
});
